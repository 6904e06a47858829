// Loaded by tsx in a fresh process: imports one express router, then calls each route's last
// handler twice with fake req/res. Prints engines created at import, after the calls, and results.
const file = process.argv[2]!;
const g = globalThis as { __importscanEngines?: string[]; __importscanNetwork?: unknown[] };
const mod = await import(file);
const atImport = [...(g.__importscanEngines ?? [])];
const networkAtImport = (g.__importscanNetwork ?? []).length;
const router = mod.default as { stack: Array<{ method: string; path: string; handle: Function }> };
const results: Record<string, unknown[]> = {};
const call = (handle: Function) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ timeout: true }), 10_000);
    const done = (v: unknown) => {
      clearTimeout(timer);
      resolve(v);
    };
    const req = { query: {}, params: { id: 'c1' }, body: { name: 'n' }, headers: {}, get: () => '' };
    const res = {
      statusCode: 200,
      locals: { user: { id: 'u1', teamId: 't1', role: 'owner' } },
      status(code: number) { this.statusCode = code; return this; },
      set() { return this; },
      type() { return this; },
      setHeader() {},
      json(body: unknown) { done({ status: this.statusCode, json: body }); },
      send(body: unknown) { done({ status: this.statusCode, send: String(body) }); },
      end(body?: unknown) { done({ status: this.statusCode, end: body === undefined ? null : String(body) }); },
      sendStatus(code: number) { done({ status: code }); },
    };
    try {
      const r = handle(req, res, (err?: unknown) => done({ next: err ? String((err as Error).message ?? err) : null }));
      if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch((e) => done({ rejected: String(e?.message ?? e) }));
    } catch (e) {
      done({ threw: String((e as Error).message ?? e) });
    }
  });
for (const layer of router.stack ?? []) {
  if (layer.method === 'use') continue;
  const key = `${layer.method.toUpperCase()} ${layer.path}`;
  const list = (results[key] ??= []);
  list.push(await call(layer.handle), await call(layer.handle));
}
process.stdout.write(JSON.stringify({ atImport, networkAtImport, afterCalls: g.__importscanEngines ?? [], results }));
