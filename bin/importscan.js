#!/usr/bin/env node
// importscan's executable: wiring only. The only place that touches process.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
// Fast path: --version loads nothing else.
if (argv.length === 1 && (argv[0] === '-v' || argv[0] === '--version')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { run } = await import('../dist/cli.js');
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  });
}
