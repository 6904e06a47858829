// Measure stage: names a measured file as the report does: a package by its name, a project file
// by its path relative to the root, with forward slashes.
import { relative, sep } from 'node:path';

const NODE_MODULES = '/node_modules/';

/** `{ name: 'pg', isPackage: true }` or `{ name: 'src/db.ts', isPackage: false }`. */
export function moduleName(file: string, root: string): { name: string; isPackage: boolean } {
  const slashed = file.split(sep).join('/');
  const at = slashed.lastIndexOf(NODE_MODULES);
  if (at >= 0) {
    const parts = slashed.slice(at + NODE_MODULES.length).split('/');
    const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '');
    return { name, isPackage: true };
  }
  return { name: relative(root, file).split(sep).join('/'), isPackage: false };
}
