// Stage timings of a scan (ESLint's TIMING=1, here IMPORTSCAN_TIMING=1), for docs/performance.md.

/** Accumulated milliseconds per named stage; nested stages are counted in both. */
export class Timings {
  readonly ms = new Map<string, number>();

  /** Runs `fn`, adding its duration to `name`. */
  time<T>(name: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.ms.set(name, (this.ms.get(name) ?? 0) + performance.now() - start);
    }
  }

  /** A table for stderr: stage, ms, sorted by the pipeline's order then by time. */
  format(): string {
    const rows = [...this.ms].map(([name, ms]) => `${name.padEnd(40)} ${ms.toFixed(1).padStart(9)} ms`);
    return `${rows.join('\n')}\n`;
  }
}
