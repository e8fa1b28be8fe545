/**
 * `strata serve` as a user starts it (node bin/strata.mjs serve, embedded PGlite): time from
 * spawn until /api/health answers 200, on a fresh copy of a pre-seeded data folder (budget ≤ 3 s)
 * and on an empty folder (first start: migrations and the IMT plan import). The reference is a
 * bare Node.js + Fastify process answering the same health route. Peak memory is the child's
 * resident-set high-water mark (/proc/<pid>/status VmHWM) after it served the dashboard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Result } from '../lib/report.ts';
import { median, peakRssOfPid } from '../lib/stats.ts';

/** Scratch folders live under bench/results/tmp (gitignored), not in the shared /tmp. */
export function scratchDir(prefix: string): string {
  const base = resolve(import.meta.dirname, '../results/tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

export interface Started {
  ms: number;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** A port free right now on loopback (PORT=0 is not supported by `strata serve`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });
}

/** Spawns `args` with `env` and waits until GET /api/health answers 200. */
export async function startAndWait(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 120_000,
): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}: ${stderr.slice(0, 2000)}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms: ${stderr.slice(0, 2000)}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    ms,
    pid,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

const BARE_SERVER = `
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.get('/api/health', async () => ({ status: 'ok', engine: 'none' }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.once('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
`;

/** GETs `path` `times` times (to fill caches and memory as a user would). */
async function exercise(url: string, path: string, times: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    ms.push(performance.now() - started);
  }
  return ms;
}

export interface StartOptions {
  root: string;
  runs: number;
}

/** Cold starts on the IMT seed, and memory; returns the pre-seeded template folder too. */
export async function measureStart(options: StartOptions): Promise<Result[]> {
  const { root } = options;
  const work = scratchDir('start-');
  const serve = [join(root, 'bin/strata.mjs'), 'serve'];
  const env = (dir: string) => ({ STRATA_DATA_DIR: dir, LOG_LEVEL: 'warn' });
  try {
    // First start: empty folder → migrations + IMT plan import. It becomes the template.
    const template = join(work, 'template');
    const seeding = await startAndWait(serve, env(template), root);
    await seeding.stop();

    const bare: number[] = [];
    let bareRss = Number.NaN;
    for (let i = 0; i < options.runs; i++) {
      const s = await startAndWait(['--input-type=module', '-e', BARE_SERVER], {}, root);
      bare.push(s.ms);
      await exercise(s.url, '/api/health', 10);
      bareRss = (await peakRssOfPid(s.pid)) ?? Number.NaN;
      await s.stop();
    }

    const seeded: number[] = [];
    let rss = Number.NaN;
    let dashboardMs: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const dir = join(work, `copy-${i}`);
      cpSync(template, dir, { recursive: true });
      rmSync(join(dir, 'strata.lock'), { force: true });
      const s = await startAndWait(serve, env(dir), root);
      seeded.push(s.ms);
      if (i === options.runs - 1) {
        dashboardMs = await exercise(s.url, '/api/v1/dashboard', 20);
        rss = (await peakRssOfPid(s.pid)) ?? Number.NaN;
      }
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const section = 'cold start and memory · PGlite · IMT seed';
    return [
      {
        id: 'start.preseeded',
        section,
        measure: '`strata serve` cold start, pre-seeded data folder',
        value: median(seeded),
        unit: 'ms',
        reference: { label: 'bare Node + Fastify', value: median(bare), unit: 'ms' },
        ratio: median(seeded) / median(bare),
        budget: { text: '≤ 3000 ms', pass: median(seeded) <= 3000 },
        samples: seeded,
        details: { bare },
      },
      {
        id: 'start.seeding',
        section,
        measure: '`strata serve` first start, empty folder (migrate + seed IMT)',
        value: seeding.ms,
        unit: 'ms',
        reference: { label: 'pre-seeded start', value: median(seeded), unit: 'ms' },
        ratio: seeding.ms / median(seeded),
        samples: [seeding.ms],
      },
      {
        id: 'memory.serve.imt',
        section,
        measure: 'peak RSS of `strata serve` after 20 dashboards (IMT)',
        value: rss,
        unit: 'MiB',
        reference: { label: 'bare Node + Fastify', value: bareRss, unit: 'MiB' },
        ratio: rss / bareRss,
        details: { dashboardMs },
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes a PGlite data folder from a dump (to start `strata serve` on a generated size). */
export async function dataDirFromDump(dump: Blob): Promise<string> {
  const dir = scratchDir('data-');
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dir, { loadDataDir: dump });
  await pglite.close();
  return dir;
}

export interface SizedServeOptions {
  root: string;
  dataDir: string;
  workspace: string;
  size: string;
  /** Called while the server runs (e.g. the browser measure), with its URL. */
  during?: (url: string) => Promise<Result[]>;
}

/** `strata serve` on a generated data folder: start time, dashboard, peak memory. */
export async function measureSizedServe(options: SizedServeOptions): Promise<Result[]> {
  const { root } = options;
  const s = await startAndWait(
    [join(root, 'bin/strata.mjs'), 'serve'],
    {
      STRATA_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      STRATA_SEED: 'none',
      STRATA_WORKSPACE: options.workspace,
    },
    root,
  );
  try {
    const cold = await exercise(s.url, '/api/v1/dashboard', 1);
    const warm = await exercise(s.url, '/api/v1/dashboard', 20);
    const extra = options.during ? await options.during(s.url) : [];
    const rss = (await peakRssOfPid(s.pid)) ?? Number.NaN;
    const section = `cold start and memory · PGlite · ${options.size}`;
    return [
      {
        id: `start.${options.size}`,
        section,
        measure: `\`strata serve\` cold start, ${options.size} data folder`,
        value: s.ms,
        unit: 'ms',
        samples: [s.ms],
      },
      {
        id: `memory.serve.${options.size}`,
        section,
        measure: `peak RSS of \`strata serve\` after dashboards (${options.size})`,
        value: rss,
        unit: 'MiB',
        details: { firstDashboardMs: cold, warmDashboardMs: warm },
      },
      ...extra,
    ];
  } finally {
    await s.stop();
  }
}
