/**
 * The dashboard over HTTP (the real app from src/http/app.ts) beside a bare Fastify route that
 * serves the very same bytes, both listening on loopback in this process; the load comes from a
 * worker thread (bench/lib/load.ts).
 *
 * - unchanged dashboard, 200: closed loop, throughput ratio (budget ≥ 50 %);
 * - unchanged dashboard, If-None-Match → 304: the same (the revalidation path);
 * - 100 req/s open loop: p99 latency (budget < 50 ms);
 * - right after a write: one POST of a figure, then one timed GET (cache invalidated).
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { resolve } from 'node:path';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { BENCH_NOW } from '../generate.ts';
import type { BenchDatabase } from '../lib/engines.ts';
import { getOnce, runLoadInWorker, type LoadResult } from '../lib/load.ts';
import type { Result } from '../lib/report.ts';
import { median } from '../lib/stats.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIR = resolve(ROOT, 'dist/web');

export interface HttpOptions {
  runs: number;
  concurrency: number;
  /** Seconds of closed-loop load aimed at for the dashboard (sets its request count). */
  seconds: number;
  rate: number;
}

export function address(server: { address(): unknown }): string {
  const a = server.address() as { port: number } | null;
  if (!a) throw new Error('server is not listening');
  return `http://127.0.0.1:${a.port}`;
}

function compact(load: LoadResult) {
  return {
    requests: load.requests,
    errors: load.errors,
    statuses: load.statuses,
    elapsedMs: Math.round(load.elapsedMs),
    throughput: Math.round(load.throughput * 10) / 10,
    latencyMs: load.latencyMs,
    histogram: load.histogram.filter((b) => b.count > 0),
  };
}

type Services = Awaited<ReturnType<typeof strataFromDatabase>>['services'];

/**
 * A signed-in reader for the requests: a strategy-office account with a session cookie (what
 * the web app sends). Falls back to anonymous (the public view) if accounts are unavailable.
 */
export async function signIn(
  services: Services,
  slug: string,
): Promise<{ headers: Record<string, string>; who: string }> {
  try {
    const scope = await services.workspace.resolve(slug);
    const user = await services.users.create(scope, {
      email: 'bench@strata.invalid',
      role: 'strategy_office',
      displayName: 'Benchmark',
    });
    const session = await services.sessions.open(scope.id, user.id, 'strata-bench');
    return {
      headers: { cookie: `strata_session=${session.token}` },
      who: 'signed in (strategy office, session cookie)',
    };
  } catch (error) {
    return {
      headers: {},
      who: `anonymous (could not sign in: ${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function checkStatuses(load: LoadResult, expected: number, what: string): void {
  const other = Object.entries(load.statuses).filter(([s]) => Number(s) !== expected);
  if (load.errors > 0 || other.length > 0) {
    throw new Error(`${what}: ${load.errors} errors, statuses ${JSON.stringify(load.statuses)}`);
  }
}

export async function measureHttp(
  bench: BenchDatabase,
  slug: string,
  size: string,
  options: HttpOptions,
): Promise<Result[]> {
  const strata = await strataFromDatabase(bench.database, null, {
    migrate: false,
    seed: false,
    now: () => BENCH_NOW,
  });
  const app = await buildApp({ strata, workspace: slug, webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = address(app.server);
  const dashboardUrl = `${base}/api/v1/dashboard`;
  const auth = await signIn(strata.services, slug);

  const first = await getOnce(dashboardUrl, auth.headers);
  if (first.status !== 200)
    throw new Error(`dashboard answered ${first.status}: ${first.body.toString().slice(0, 300)}`);
  const etag = first.headers.etag ?? '';
  const bytes = first.body;
  const contentType = first.headers['content-type'] ?? 'application/json; charset=utf-8';

  const bare = Fastify({ logger: false });
  bare.get('/dashboard', async (request, reply) => {
    void reply.header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type(contentType).send(bytes);
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `${address(bare.server)}/dashboard`;

  const section = `HTTP · ${bench.label} · ${size}`;
  const prefix = `${bench.engine}.${size}.http`;
  const results: Result[] = [];
  try {
    // Calibrate the request count: about `seconds` of closed-loop load on the dashboard.
    const probe: number[] = [];
    for (let i = 0; i < 5; i++) probe.push((await getOnce(dashboardUrl, auth.headers)).ms);
    const single = median(probe);
    const count = Math.max(40, Math.min(3000, Math.round((options.seconds * 1000 * 2) / single)));
    const bareCount = 5000;
    const closed = {
      mode: 'closed' as const,
      concurrency: options.concurrency,
      warmup: 10,
      headers: auth.headers,
    };

    const dash200 = await runLoadInWorker({ ...closed, url: dashboardUrl, requests: count });
    checkStatuses(dash200, 200, 'dashboard 200');
    const bare200 = await runLoadInWorker({ ...closed, url: bareUrl, requests: bareCount });
    checkStatuses(bare200, 200, 'bare 200');
    const inm = { ...auth.headers, 'if-none-match': etag };
    const dash304 = await runLoadInWorker({
      ...closed,
      url: dashboardUrl,
      headers: inm,
      requests: count,
    });
    checkStatuses(dash304, 304, 'dashboard 304');
    const bare304 = await runLoadInWorker({
      ...closed,
      url: bareUrl,
      headers: inm,
      requests: bareCount,
    });
    checkStatuses(bare304, 304, 'bare 304');

    // Open loop at the budget's rate; fewer requests when the closed loop shows it cannot keep up.
    const saturated = dash200.throughput < options.rate * 1.1;
    // Saturated: half a second of arrivals is enough to show the queue (and keeps the run short).
    const rateCount = saturated ? options.rate / 2 : options.rate * 4;
    const open = { mode: 'rate' as const, rate: options.rate, warmup: 5, headers: auth.headers };
    const dashRate = await runLoadInWorker({ ...open, url: dashboardUrl, requests: rateCount });
    checkStatuses(dashRate, 200, 'dashboard at fixed rate');
    const bareRate = await runLoadInWorker({ ...open, url: bareUrl, requests: options.rate * 2 });

    // Right after a write: POST a new figure (a period nobody reported yet), then GET once.
    const ws = await strata.services.workspace.resolve(slug);
    const { rows: indicators } = await sql<{ id: string }>`
      SELECT id FROM indicator WHERE workspace_id = ${ws.id} AND frequency = 'month' ORDER BY code LIMIT 20
    `.execute(bench.database.db);
    const { rows: units } = await sql<{ id: string }>`
      SELECT id FROM unit WHERE workspace_id = ${ws.id} AND kind <> 'group' ORDER BY code LIMIT 1
    `.execute(bench.database.db);
    const unitId = units[0]?.id ?? '';
    const afterWrite: number[] = [];
    const writes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const indicatorId = indicators[i % indicators.length]?.id ?? '';
      const started = performance.now();
      const post = await fetch(`${base}/api/v1/indicators/${indicatorId}/measurements`, {
        method: 'POST',
        headers: { ...auth.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          unitId,
          period: '2026-11',
          value: 100 + i,
          provenance: 'estimated',
          source: 'bench',
        }),
      });
      const postBody = Buffer.from(await post.arrayBuffer());
      if (post.status !== 201 && post.status !== 200) {
        throw new Error(
          `POST measurement answered ${post.status}: ${postBody.toString().slice(0, 300)}`,
        );
      }
      const wrote = performance.now() - started;
      const got = await getOnce(dashboardUrl, auth.headers);
      if (got.status !== 200) throw new Error(`dashboard after write answered ${got.status}`);
      afterWrite.push(got.ms);
      writes.push(wrote);
    }
    const bareSingle: number[] = [];
    for (let i = 0; i < 20; i++) bareSingle.push((await getOnce(bareUrl)).ms);

    const kb = bytes.length / 1024;
    results.push(
      {
        id: `${prefix}.unchanged.200`,
        section,
        measure: `unchanged dashboard, 200 (${kb.toFixed(0)} kB, c=${options.concurrency})`,
        value: dash200.throughput,
        unit: 'req/s',
        reference: { label: 'bare route, same bytes', value: bare200.throughput, unit: 'req/s' },
        ratio: dash200.throughput / bare200.throughput,
        budget: { text: '≥ 0.50×', pass: dash200.throughput / bare200.throughput >= 0.5 },
        note: auth.who,
        details: { dashboard: compact(dash200), bare: compact(bare200), who: auth.who },
      },
      {
        id: `${prefix}.unchanged.304`,
        section,
        measure: `unchanged dashboard, If-None-Match → 304 (c=${options.concurrency})`,
        value: dash304.throughput,
        unit: 'req/s',
        reference: { label: 'bare route 304', value: bare304.throughput, unit: 'req/s' },
        ratio: dash304.throughput / bare304.throughput,
        budget: { text: '≥ 0.50×', pass: dash304.throughput / bare304.throughput >= 0.5 },
        details: { dashboard: compact(dash304), bare: compact(bare304) },
      },
      {
        id: `${prefix}.unchanged.p99`,
        section,
        measure: `unchanged dashboard p99 at ${options.rate} req/s${saturated ? ' (saturated)' : ''}`,
        value: dashRate.latencyMs.p99,
        unit: 'ms',
        reference: {
          label: `bare route p99 at ${options.rate} req/s`,
          value: bareRate.latencyMs.p99,
          unit: 'ms',
        },
        ratio: dashRate.latencyMs.p99 / bareRate.latencyMs.p99,
        budget: { text: '< 50 ms', pass: dashRate.latencyMs.p99 < 50 },
        ...(saturated
          ? {
              note: `closed-loop capacity ${dash200.throughput.toFixed(1)} req/s is below ${options.rate} req/s: the queue grows`,
            }
          : {}),
        details: { dashboard: compact(dashRate), bare: compact(bareRate) },
      },
      {
        id: `${prefix}.afterWrite`,
        section,
        measure: 'dashboard GET right after a write',
        value: median(afterWrite),
        unit: 'ms',
        reference: { label: 'bare route GET', value: median(bareSingle), unit: 'ms' },
        ratio: median(afterWrite) / median(bareSingle),
        samples: afterWrite,
        details: { postMs: writes },
      },
    );
  } finally {
    await bare.close();
    await app.close();
  }
  return results;
}
