/**
 * A small HTTP load generator on node:http (no dependency): keep-alive connections, and either a
 * closed loop (fixed concurrency, fixed request count: throughput) or an open loop (fixed
 * request rate, fixed request count: latency under a steady load). Open-loop latencies are taken
 * from each request's scheduled start, so a slow server cannot hide its queueing (no coordinated
 * omission). `runLoadInWorker` runs it on a worker thread, off the server's event loop.
 */
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { quantile } from './stats.ts';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  /** closed: `concurrency` requests in flight at all times; rate: `rate` requests per second. */
  mode: 'closed' | 'rate';
  requests: number;
  concurrency?: number;
  rate?: number;
  /** Requests sent first and not counted (connections, JIT, caches). */
  warmup?: number;
}

export interface HistogramBucket {
  /** Upper bound of the bucket in milliseconds (Infinity for the last). */
  upToMs: number;
  count: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  /** Completed requests per second. */
  throughput: number;
  bytes: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  histogram: HistogramBucket[];
}

const BOUNDS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, Infinity];

function histogramOf(samples: readonly number[]): HistogramBucket[] {
  const counts = BOUNDS.map(() => 0);
  for (const s of samples) {
    const i = BOUNDS.findIndex((b) => s <= b);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return BOUNDS.map((upToMs, i) => ({ upToMs, count: counts[i] ?? 0 }));
}

function once(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: 'GET', headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs the load on this thread. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const headers = options.headers ?? {};
  const concurrency = options.concurrency ?? 1;
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.mode === 'closed' ? concurrency : 256,
  });
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const latencies: number[] = [];

  const send = async (startedAt: number, counted: boolean) => {
    try {
      const answer = await once(agent, url, headers);
      if (!counted) return;
      latencies.push(performance.now() - startedAt);
      bytes += answer.bytes;
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    } catch {
      if (counted) errors += 1;
    }
  };

  // Warm-up: sequential, uncounted.
  for (let i = 0; i < (options.warmup ?? 0); i++) await send(performance.now(), false);

  const started = performance.now();
  if (options.mode === 'closed') {
    let next = 0;
    const lane = async () => {
      while (next < options.requests) {
        next += 1;
        await send(performance.now(), true);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, options.requests) }, lane));
  } else {
    const rate = options.rate ?? 100;
    const interval = 1000 / rate;
    const pending: Promise<void>[] = [];
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const elapsed = performance.now() - started;
        while (sent < options.requests && sent * interval <= elapsed) {
          pending.push(send(started + sent * interval, true));
          sent += 1;
        }
        if (sent >= options.requests) resolve();
        else setTimeout(tick, Math.max(0, sent * interval - elapsed));
      };
      tick();
    });
    await Promise.all(pending);
  }
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    errors,
    statuses,
    elapsedMs,
    throughput: (latencies.length / elapsedMs) * 1000,
    bytes,
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p90: quantile(latencies, 0.9),
      p99: quantile(latencies, 0.99),
      max: Math.max(...latencies),
      mean,
    },
    histogram: histogramOf(latencies),
  };
}

/** Runs the load on a worker thread (its own event loop and core) and returns its result. */
export function runLoadInWorker(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: options,
    });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/** One GET on this thread: status, body and the time it took. */
export async function getOnce(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: Record<string, string>; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    body,
    headers: Object.fromEntries(response.headers.entries()),
    ms: performance.now() - started,
  };
}
