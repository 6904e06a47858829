// weigh: how a package's weight is written in messages.
import { formatBytes, plural } from '../report/format.js';
import type { PackageWeight } from '../types.js';
import { CATALOG } from './catalog.js';

/** "515 modules, 1.0 MB" (walked), "515 modules, 1.0 MB, catalog figure for 2.1693.0", or "weight unknown". */
export function describeWeight(weight: PackageWeight | null): string {
  if (!weight) return 'weight unknown';
  const size = `${plural(weight.modules, 'module')}, ${formatBytes(weight.bytes)}`;
  if (weight.source !== 'catalog') return size;
  const measured = CATALOG[weight.name]?.version;
  return `${size}, catalog figure${measured ? ` for ${measured}` : ''}`;
}
