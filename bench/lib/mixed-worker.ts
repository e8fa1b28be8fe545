/**
 * Worker-thread entry of the mixed load (bench/load.ts): an open loop at a fixed rate, each
 * request drawn at random (seeded) from reads, dashboards and writes in the given shares.
 * Latencies are taken from each request's scheduled start (no coordinated omission).
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { createRandom } from '../generate.ts';

export interface MixedPlan {
  base: string;
  cookie: string;
  rate: number;
  seconds: number;
  shares: { read: number; dashboard: number; write: number };
  reads: string[];
  /** Figures to record: one new (indicator, unit, period) each, never the same twice. */
  figures: { url: string; body: string }[];
  /** Actions to update, with their current ETag (kept up to date from each answer). */
  actions: { url: string; etag: string }[];
}

export type Kind = 'read' | 'dashboard' | 'write';

export interface MixedSample {
  kind: Kind;
  ms: number;
  status: number;
}

const plan = workerData as MixedPlan;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const random = createRandom(20261126);

function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve) => {
    const req = request(
      new URL(url, plan.base),
      { agent, method, headers: { cookie: plan.cookie, ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
        });
        res.on('error', () => {
          resolve({ status: 0, etag: undefined });
        });
      },
    );
    req.on('error', () => {
      resolve({ status: 0, etag: undefined });
    });
    req.end(body);
  });
}

let figure = 0;
let action = 0;
/** Actions with an update in flight are skipped, so that no two updates race on one ETag. */
const busy = new Set<number>();

function pick(): { kind: Kind; run: () => Promise<{ status: number }> } {
  const r = random();
  const { read, dashboard } = plan.shares;
  if (r < read) {
    const url = plan.reads[Math.floor(random() * plan.reads.length)] ?? '/api/health';
    return { kind: 'read', run: () => send('GET', url, {}) };
  }
  if (r < read + dashboard) {
    return { kind: 'dashboard', run: () => send('GET', '/api/v1/dashboard', {}) };
  }
  const json = { 'content-type': 'application/json' };
  if (random() < 0.5 || plan.actions.length === 0) {
    const next = plan.figures[figure++ % plan.figures.length];
    if (!next) throw new Error('no figure to record');
    return { kind: 'write', run: () => send('POST', next.url, json, next.body) };
  }
  let index = action++ % plan.actions.length;
  for (let tries = 0; busy.has(index) && tries < plan.actions.length; tries++) {
    index = action++ % plan.actions.length;
  }
  const target = plan.actions[index];
  if (!target) throw new Error('no action to update');
  return {
    kind: 'write',
    run: async () => {
      busy.add(index);
      const body = JSON.stringify({ progress: Math.floor(random() * 101) });
      const answer = await send('PATCH', target.url, { ...json, 'if-match': target.etag }, body);
      if (answer.etag) target.etag = answer.etag;
      busy.delete(index);
      return answer;
    },
  };
}

const samples: MixedSample[] = [];
const total = Math.round(plan.rate * plan.seconds);
const interval = 1000 / plan.rate;
const started = performance.now();
const pending: Promise<void>[] = [];
let sent = 0;
await new Promise<void>((resolve) => {
  const tick = () => {
    const elapsed = performance.now() - started;
    while (sent < total && sent * interval <= elapsed) {
      const at = started + sent * interval;
      const { kind, run } = pick();
      pending.push(
        run().then(({ status }) => {
          samples.push({ kind, ms: performance.now() - at, status });
        }),
      );
      sent += 1;
    }
    if (sent >= total) resolve();
    else setTimeout(tick, Math.max(0, sent * interval - elapsed));
  };
  tick();
});
await Promise.all(pending);
agent.destroy();
parentPort?.postMessage({ samples, elapsedMs: performance.now() - started });
