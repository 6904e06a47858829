import { logger } from './logger.js';

const counters = new Map<string, number>();
const timings = new Map<string, number[]>();

export function increment(name: string, by = 1): void {
  counters.set(name, (counters.get(name) ?? 0) + by);
}

export function observe(name: string, ms: number): void {
  const samples = timings.get(name) ?? [];
  samples.push(ms);
  timings.set(name, samples);
}

function flush(): void {
  if (counters.size === 0 && timings.size === 0) {
    return;
  }
  const p95 = Object.fromEntries(
    [...timings].map(([name, samples]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length * 0.95)] ?? 0];
    }),
  );
  logger.info({ counters: Object.fromEntries(counters), p95 }, 'metrics');
  counters.clear();
  timings.clear();
}

const flushTimer = setInterval(flush, 10_000);
flushTimer.unref();

process.on('SIGTERM', () => {
  clearInterval(flushTimer);
  flush();
});
