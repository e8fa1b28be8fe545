/** Timing and statistics helpers: medians, percentiles, repeated timed runs. */

/** The q-quantile (0..1) of samples, by linear interpolation; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? Number.NaN;
  const b = sorted[upper] ?? Number.NaN;
  return a + (b - a) * (position - lower);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Milliseconds since an arbitrary origin, high resolution. */
export function now(): number {
  return performance.now();
}

/** Runs `fn` and returns how long it took, in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = now();
  const value = await fn();
  return { ms: now() - started, value };
}

export interface RepeatOptions {
  /** Untimed runs first (JIT, caches, connections). */
  warmup: number;
  /** Timed runs. */
  runs: number;
  /** Work done before each run, not timed (e.g. clearing what the previous run wrote). */
  before?: () => Promise<void>;
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns the samples in milliseconds. */
export async function repeat(
  options: RepeatOptions,
  fn: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    await options.before?.();
    const { ms } = await timed(fn);
    if (i >= options.warmup) samples.push(ms);
  }
  return samples;
}

/** The process's resident-set high-water mark, in MiB (maxRSS is in KiB on Linux). */
export function maxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The resident-set high-water mark of another process (Linux /proc), in MiB; null elsewhere. */
export async function peakRssOfPid(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
