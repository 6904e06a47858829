// Test harness for fixes: write inline projects to a temp dir, run the CLI in process, read files back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { run } from '../../src/cli.js';
import { REPO } from '../helpers.js';

export type Files = Record<string, string>;

const ESM_TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, jsx: 'react-jsx', skipLibCheck: true, types: ['node'] }, include: ['src'] };

/** Writes a project (package.json type module and a NodeNext tsconfig unless given) to a fresh temp dir. */
export function writeProject(files: Files, options: { tsconfig?: object; packageJson?: object } = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-fix-')));
  const all: Files = {
    'package.json': JSON.stringify(options.packageJson ?? { name: 'fixture', type: 'module' }, null, 2),
    'tsconfig.json': JSON.stringify(options.tsconfig ?? ESM_TSCONFIG, null, 2),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Copies a directory (a fixture or sample project) to a temp dir; links the repo's @types for tsc. */
export function copyProject(source: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-proof-')));
  fs.cpSync(source, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const types = path.join(dir, 'node_modules', '@types');
  if (!fs.existsSync(types)) fs.symlinkSync(path.join(REPO, 'node_modules', '@types'), types);
  return dir;
}

/** Reads the given project files back. */
export function readProject(dir: string, names: string[]): Files {
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
}

/** sha1 over every file under dir (node_modules excluded), to prove a run changed nothing. */
export function hashTree(dir: string): string {
  const hash = createHash('sha1');
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === 'node_modules') continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Runs the CLI in process with cwd = dir. */
export async function runCli(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { NO_COLOR: '1' }, isTTY: false, cwd: dir });
  return { code, stdout, stderr };
}

/** Lazy-import findings of a scan, as `file:line`. */
export async function lazyFindings(dir: string, paths: string[]): Promise<Array<{ at: string; message: string; fix?: { safe: boolean; description: string; diff: string; savings: Record<string, unknown> } }>> {
  const r = await runCli(dir, [...paths, '--format', 'json']);
  const report = JSON.parse(r.stdout);
  return report.findings.filter((f: any) => f.ruleId === 'lazy-import').map((f: any) => ({ at: `${f.file}:${f.line}`, message: f.message, fix: f.fix }));
}
