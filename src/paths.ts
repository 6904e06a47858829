// Paths as reports show them: relative to the scan root, with forward slashes.
import path from 'node:path';

/** A relative path that is not plain: empty, `.` or `..` segments, doubled separators. */
const NOT_PLAIN = /^$|(^|[\\/])\.\.?([\\/]|$)|[\\/][\\/]/;

/**
 * `file` relative to `root` with forward slashes. A plain path under the root is the rest of it
 * (path.relative, for every other, costs microseconds a call, and reports ask it of every node and fix).
 */
export function relativePath(root: string, file: string): string {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const rest = file.startsWith(prefix) ? file.slice(prefix.length) : null;
  const relative = rest !== null && !NOT_PLAIN.test(rest) ? rest : path.relative(root, file);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
