#!/usr/bin/env node
// importscan's executable: wiring only. The only place that touches process. CommonJS (bin/package.json):
// Node 20's ES module loader cost every run ~8 ms more than this file and the loader it requires.
'use strict';
const { existsSync, readFileSync, statSync } = require('node:fs');
const module_ = require('node:module');
const path = require('node:path');

const argv = process.argv.slice(2);
// A reader that stops early (`importscan ... | head`) is not an error: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) process.stderr.write(`importscan: cannot write the report: ${error.code ?? error.message}\n`);
    process.exit(2);
  });
}
// Fast path: --version loads nothing else.
if (argv.length === 1 && (argv[0] === '-v' || argv[0] === '--version')) {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node >= 22.1 keeps the compiled code of importscan and TypeScript on disk between runs (as tsc
  // does); on Node 20 importscan keeps V8's code cache for both itself (src/code-cache.ts).
  module_.enableCompileCache?.();
  main();
}

async function main() {
  const { run } = await loadCli();
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  });
}

/**
 * importscan's code: the bundle of its modules (dist/importscan.cjs, made by `npm run build`) with
 * V8's code cache, or the modules themselves when a build made none or an older one (`tsc` alone).
 */
function loadCli() {
  const bundle = path.join(__dirname, '../dist/importscan.cjs');
  const loader = path.join(__dirname, '../dist/code-cache.cjs');
  const modules = path.join(__dirname, '../dist/cli.js');
  if (!existsSync(bundle) || !existsSync(loader) || statSync(bundle).mtimeMs < statSync(modules).mtimeMs) return import('../dist/cli.js');
  const { requireWithCodeCache } = require(loader);
  // The cache keeps what its first run compiled: a scan's, not help's or a usage error's.
  const isScan = argv[0] !== 'init' && !argv.includes('--help') && !argv.includes('-h');
  return Promise.resolve(requireWithCodeCache(bundle, 'importscan', () => isScan && process.exitCode !== 2));
}
