// paths: report paths relative to the root, as path.relative gives them, with forward slashes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../src/paths.js';

describe('relativePath', () => {
  const root = '/repo/app';
  it.each([
    ['/repo/app/src/a.ts', 'src/a.ts'],
    ['/repo/app/a..b.ts', 'a..b.ts'],
    ['/repo/app/.eslintrc.js', '.eslintrc.js'],
    ['/repo/app', ''],
    ['/repo/other/x.ts', '../other/x.ts'],
    ['/repo/app-two/x.ts', '../app-two/x.ts'],
    ['/repo/app/src/../b.ts', 'b.ts'],
    ['/repo/app/src//c.ts', 'src/c.ts'],
    ['/repo/app/./d.ts', 'd.ts'],
  ])('%s', (file, expected) => {
    expect(relativePath(root, file)).toBe(expected);
    expect(relativePath(`${root}/`, file)).toBe(expected);
    expect(relativePath(root, file)).toBe(path.relative(root, file));
  });
});
