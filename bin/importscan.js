#!/usr/bin/env node
// importscan's executable: wiring only. The only place that touches process.
import { readFileSync } from 'node:fs';
import module from 'node:module';

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
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node >= 22.1 keeps the compiled code of importscan and TypeScript on disk between runs (as tsc
  // does); on Node 20 importscan keeps V8's code cache for TypeScript itself (src/parse/typescript.ts).
  module.enableCompileCache?.();
  const { run } = await import('../dist/cli.js');
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  });
}
