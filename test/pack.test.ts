// The npm package: `npm pack` gives a tarball that installs into another folder and runs via npx.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('packs, installs into a temp project and runs with npx', () => {
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' } });
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp], REPO)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = packed[0]!.files.map((f) => f.path);
  // bin/package.json makes the bin CommonJS; dist/code-cache.cjs is the loader it requires.
  expect(files).toEqual(expect.arrayContaining(['bin/importscan.js', 'bin/package.json', 'dist/cli.js', 'dist/code-cache.cjs', 'dist/importscan.cjs', 'dist/index.js', 'docs/report.schema.json', 'package.json', 'README.md']));
  expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('sample-projects/'))).toBe(false);

  const project = path.join(tmp, 'consumer');
  fs.cpSync(path.join(REPO, 'test/fixtures/cli/clean'), project, { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  npm(['install', '--prefer-offline', '--no-save', path.join(tmp, packed[0]!.filename)], project);
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
  expect(npm(['exec', '--', 'importscan', '--version'], project).trim()).toBe(version);
  const report = JSON.parse(npm(['exec', '--', 'importscan', 'src/routes', '--format', 'json'], project));
  expect(report.entries.map((e: { file: string; eagerModules: string[] }) => [e.file, e.eagerModules])).toEqual([
    ['src/routes/health.ts', ['src/routes/health.ts', 'src/version.ts']],
  ]);
}, 300_000);
