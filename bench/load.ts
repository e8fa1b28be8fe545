/**
 * The mixed load test of SECURITY-BAR 30, run by hand: a fixed rate of requests (default 100 per
 * second for 10 minutes), 70 % reads (element, indicator, action, unit pages, plan trees, lists,
 * search, figure histories), 20 % dashboards and 10 % writes (new figures and action updates
 * with If-Match), from a worker thread, against the real app signed in as the strategy office.
 * Prints p50/p95/p99 per kind and overall against the bar (p95 < 200 ms, p99 < 500 ms, no error)
 * and writes bench/results/load-latest.json.
 *
 *   node bench/load.ts                               # PostgreSQL, the IMT data set, 10 minutes
 *   node bench/load.ts --size S --minutes 2          # the generated size S (300 indicators)
 *   node bench/load.ts --engine pglite --rate 50
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type {
  ActionCard,
  ActionDetail,
  IndicatorListItem,
  Measurement,
  PlanTree,
  WorkspaceOverview,
} from '../src/contracts/index.ts';
import { buildApp } from '../src/http/app.ts';
import { strataFromDatabase } from '../src/services/runtime.ts';
import { loadSize, SIZES } from './generate.ts';
import { openBench } from './lib/engines.ts';
import { quantile } from './lib/stats.ts';
import type { Kind, MixedPlan, MixedSample } from './lib/mixed-worker.ts';
import { address, ROOT, signIn, WEB_DIR } from './measures/http.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    size: { type: 'string', default: 'imt' },
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    /** Share of writes (the rest: 7 reads for 2 dashboards), 0.1 by default as in the bar. */
    writes: { type: 'string', default: '0.1' },
  },
});
const engine = values.engine === 'pglite' ? 'pglite' : 'postgres';
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const writeShare = Number(values.writes);
if (!(writeShare >= 0 && writeShare <= 1)) throw new Error('--writes must be between 0 and 1');
if (!(minutes > 0) || !(rate > 0)) throw new Error('--minutes and --rate must be positive');
const size = values.size.toUpperCase();
if (size !== 'IMT' && size !== 'S') throw new Error('--size must be imt or S');

const log = (line: string) => {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
};

const bench = await openBench(engine);
try {
  log(`${bench.label}: loading ${size === 'IMT' ? 'the IMT data set' : 'size S'}…`);
  const strata = await strataFromDatabase(
    bench.database,
    size === 'IMT' ? resolve(ROOT, 'data/imt-2023-2027') : null,
    { migrate: false, seed: size === 'IMT' },
  );
  const slug = size === 'IMT' ? 'imt' : (await loadSize(strata.services, SIZES.S)).slugs[0];
  if (!slug) throw new Error('nothing loaded');
  const app = await buildApp({ strata, workspace: slug, webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = address(app.server);
  const auth = await signIn(strata.services, slug);
  const cookie = auth.headers.cookie ?? '';
  const get = async <T>(url: string): Promise<T> => {
    const res = await fetch(new URL(url, base), { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${String(res.status)}`);
    return (await res.json()) as T;
  };

  const overview = await get<WorkspaceOverview>('/api/v1/workspace');
  const indicators = (await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500'))
    .items;
  const actions = (await get<{ items: ActionCard[] }>('/api/v1/actions?limit=500')).items;
  const elements: string[] = [];
  for (const p of overview.plans) {
    elements.push(...(await get<PlanTree>(`/api/v1/plans/${p.id}/tree`)).nodes.map((n) => n.id));
  }
  const sample = <T>(list: T[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  const reads = [
    ...sample(indicators, 40).map((i) => `/api/v1/indicators/${i.card.id}`),
    ...sample(indicators, 20).map((i) => `/api/v1/indicators/${i.card.id}/measurements`),
    ...sample(elements, 40).map((id) => `/api/v1/elements/${id}`),
    ...sample(actions, 30).map((a) => `/api/v1/actions/${a.id}`),
    ...overview.units.map((u) => `/api/v1/units/${u.id}`),
    ...overview.plans.map((p) => `/api/v1/plans/${p.id}/tree`),
    '/api/v1/indicators?limit=50',
    '/api/v1/actions?limit=50',
    '/api/v1/search?q=recherche',
    '/api/v1/search?q=transition%20%C3%A9cologique',
  ];
  // New yearly figures, each for a key not recorded before (years from 2031 on).
  const figures: MixedPlan['figures'] = [];
  for (const item of indicators.filter((i) => i.frequency === 'year').slice(0, 60)) {
    const history = await get<{ items: Measurement[] }>(
      `/api/v1/indicators/${item.card.id}/measurements`,
    );
    const units = [...new Set(history.items.map((m) => m.unitId))];
    for (let year = 2031; year < 2100; year++) {
      for (const unitId of units) {
        figures.push({
          url: `/api/v1/indicators/${item.card.id}/measurements`,
          body: JSON.stringify({
            unitId,
            period: String(year),
            value: year - 2000,
            provenance: 'estimated',
          }),
        });
      }
    }
  }
  const updates: MixedPlan['actions'] = [];
  for (const a of sample(actions, 60)) {
    const url = `/api/v1/actions/${a.id}`;
    updates.push({ url, etag: (await get<ActionDetail>(url)).etag });
  }
  const seconds = minutes * 60;
  const plan: MixedPlan = {
    base,
    cookie,
    rate,
    seconds,
    shares: {
      read: ((1 - writeShare) * 7) / 9,
      dashboard: ((1 - writeShare) * 2) / 9,
      write: writeShare,
    },
    reads,
    figures,
    actions: updates,
  };
  log(
    `${String(rate)} req/s for ${String(minutes)} min: ${String(reads.length)} read URLs, ` +
      `${String(figures.length)} new figures available, ${String(updates.length)} actions to update`,
  );
  const result = await new Promise<{ samples: MixedSample[]; elapsedMs: number }>((ok, fail) => {
    const worker = new Worker(new URL('./lib/mixed-worker.ts', import.meta.url), {
      workerData: plan,
    });
    worker.once('message', ok);
    worker.once('error', fail);
  });
  await app.close();
  await strata.close();

  const rows: Record<string, unknown>[] = [];
  const kinds: (Kind | 'all')[] = ['read', 'dashboard', 'write', 'all'];
  for (const kind of kinds) {
    const of = result.samples.filter((s) => kind === 'all' || s.kind === kind);
    const ms = of.map((s) => s.ms);
    const errors = of.filter((s) => s.status === 0 || s.status >= 400).length;
    rows.push({
      kind,
      requests: of.length,
      errors,
      p50: Math.round(quantile(ms, 0.5) * 10) / 10,
      p95: Math.round(quantile(ms, 0.95) * 10) / 10,
      p99: Math.round(quantile(ms, 0.99) * 10) / 10,
      max: Math.round(Math.max(...ms)),
    });
  }
  console.table(rows);
  const all = rows.at(-1) as { p95: number; p99: number; errors: number; requests: number };
  const statuses: Record<string, number> = {};
  for (const s of result.samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const verdict = all.p95 < 200 && all.p99 < 500 && all.errors === 0 ? 'PASS' : 'MISS';
  log(
    `${String(all.requests)} requests in ${String(Math.round(result.elapsedMs / 1000))} s ` +
      `(${(all.requests / (result.elapsedMs / 1000)).toFixed(1)} req/s); statuses ${JSON.stringify(statuses)}; ` +
      `bar p95 < 200 ms, p99 < 500 ms, no error: ${verdict}`,
  );
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    resolve(ROOT, 'bench/results/load-latest.json'),
    JSON.stringify({ engine, size, rate, minutes, rows, statuses, verdict }, null, 2),
  );
} finally {
  await bench.close();
}
