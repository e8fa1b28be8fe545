/**
 * Dashboard computation beside the raw SQL query that reads the same current figures (the
 * DISTINCT ON query of src/db/repositories/snapshot.repository.ts, written out here so that the
 * reference does not move with the code it judges), through the same driver.
 *
 * - cold: a fresh service graph (empty caches), as the first dashboard of a new process: data
 *   version, snapshot load (every query), evaluator, dashboard assembly;
 * - warm: the services of a running server (with the database's change watch) again: the
 *   cached data version, the cached snapshot and dashboard;
 * - snapshot load alone, to split the cold time between loading and evaluating;
 * - after a figure is recorded through the same services: the cached snapshot is refreshed
 *   (migration 0010's change log), the common write's cost.
 */
import { sql } from 'kysely';
import { createServices } from '../../src/services/index.ts';
import { snapshotRepository } from '../../src/db/repositories/snapshot.repository.ts';
import { snapshotLoader } from '../../src/services/snapshot.ts';
import { BENCH_AS_OF, BENCH_NOW, BENCH_PRINCIPAL } from '../generate.ts';
import type { BenchDatabase } from '../lib/engines.ts';
import type { Result } from '../lib/report.ts';
import { median, repeat, timed } from '../lib/stats.ts';

export interface DashboardOptions {
  runs: number;
  warmup: number;
  /** Absolute budget in ms for size M (≤ 200 ms); absent: the ratio budget (≤ 2×). */
  absoluteBudgetMs?: number;
}

export function currentFiguresSql(workspaceId: string, asOf: string) {
  return sql<{ indicator_id: string }>`
    SELECT DISTINCT ON (indicator_id, unit_id, period)
      indicator_id, unit_id, period, value, provenance, source, validated
    FROM measurement
    WHERE workspace_id = ${workspaceId} AND recorded_at <= ${`${asOf}T23:59:59.999999Z`}::timestamptz
    ORDER BY indicator_id, unit_id, period, recorded_at DESC, id DESC
  `;
}

/** The same query as text with literals, for EXPLAIN ANALYZE. */
function currentFiguresText(workspaceId: string, asOf: string): string {
  return `SELECT DISTINCT ON (indicator_id, unit_id, period)
      indicator_id, unit_id, period, value, provenance, source, validated
    FROM measurement
    WHERE workspace_id = '${workspaceId}' AND recorded_at <= '${asOf}T23:59:59.999999Z'::timestamptz
    ORDER BY indicator_id, unit_id, period, recorded_at DESC, id DESC`;
}

export async function measureDashboard(
  bench: BenchDatabase,
  slug: string,
  size: string,
  options: DashboardOptions,
): Promise<Result[]> {
  const { db } = bench.database;
  const deps = { db, now: () => BENCH_NOW };
  // What a running server holds: its reads cached between changes (src/db/change-watch.ts).
  const services = createServices({ ...deps, changes: bench.database.changes });
  const scope = await services.workspace.resolve(slug);
  const section = `dashboard · ${bench.label} · ${size}`;
  const prefix = `${bench.engine}.${size}.dashboard`;

  // Interleaved: one raw query then one cold dashboard per round, so that background load on
  // the machine weighs on the measure and its reference alike. The warm-up round compiles the
  // evaluator's code paths.
  for (let i = 0; i < options.warmup; i++)
    await createServices(deps).dashboard.dashboard(scope, {});
  let rows = 0;
  const raw: number[] = [];
  const cold: number[] = [];
  const serverMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const r = await timed(() => currentFiguresSql(scope.id, BENCH_AS_OF).execute(db));
    rows = r.value.rows.length;
    raw.push(r.ms);
    cold.push((await timed(() => createServices(deps).dashboard.dashboard(scope, {}))).ms);
    serverMs.push(await bench.executionMs(currentFiguresText(scope.id, BENCH_AS_OF)));
  }
  // The snapshot load alone, once: how the cold time splits between loading and evaluating.
  const load = [(await timed(() => snapshotLoader(deps).load(scope.id, BENCH_AS_OF))).ms];
  await services.dashboard.dashboard(scope, {});
  const warm = await repeat({ warmup: 2, runs: Math.max(5, options.runs * 3) }, () =>
    services.dashboard.dashboard(scope, {}),
  );
  // After a figure is recorded through the same services (what a school's update does): the
  // cached snapshot is refreshed (that indicator's figures read again), not rebuilt.
  const series = await sql<{ indicator_id: string; unit_id: string }>`
    SELECT m.indicator_id, m.unit_id FROM measurement m
      JOIN indicator i ON i.workspace_id = m.workspace_id AND i.id = m.indicator_id
     WHERE m.workspace_id = ${scope.id} AND i.frequency = 'month' LIMIT 1`.execute(db);
  const written = series.rows[0];
  const writer = { ...scope, principal: BENCH_PRINCIPAL };
  const afterWrite: number[] = [];
  for (let i = 0; written && i < Math.max(5, options.runs * 2); i++) {
    await services.measurements.record(
      writer,
      written.indicator_id,
      {
        unitId: written.unit_id,
        period: `${String(2040 + i)}-06`,
        value: 100 + i,
        provenance: 'estimated',
      },
      undefined,
    );
    afterWrite.push((await timed(() => services.dashboard.dashboard(scope, {}))).ms);
  }
  const repo = snapshotRepository(db);
  const version = await repeat({ warmup: 1, runs: Math.max(5, options.runs) }, () =>
    repo.dataVersion(scope.id),
  );

  const rawMs = median(raw);
  const reference = {
    label: `raw DISTINCT ON query (${rows.toLocaleString('en-US')} rows)`,
    value: rawMs,
    unit: 'ms' as const,
  };
  const budgetFor = (value: number) =>
    options.absoluteBudgetMs !== undefined
      ? { text: `≤ ${options.absoluteBudgetMs} ms`, pass: value <= options.absoluteBudgetMs }
      : { text: '≤ 2×', pass: value / rawMs <= 2 };
  const coldMs = median(cold);
  const warmMs = median(warm);
  return [
    {
      id: `${prefix}.raw`,
      section,
      measure: 'raw query: current figures (driver, rows parsed)',
      value: rawMs,
      unit: 'ms',
      reference: {
        label: 'server execution (EXPLAIN ANALYZE)',
        value: median(serverMs),
        unit: 'ms',
      },
      ratio: rawMs / median(serverMs),
      samples: raw,
      details: { rows, serverMs },
    },
    {
      id: `${prefix}.compute.cold`,
      section,
      measure: 'dashboard computation, cold (new process, nothing cached)',
      value: coldMs,
      unit: 'ms',
      reference,
      ratio: coldMs / rawMs,
      budget: budgetFor(coldMs),
      samples: cold,
      details: { snapshotLoadMs: load },
    },
    {
      id: `${prefix}.compute.afterFigure`,
      section,
      measure: 'dashboard after a figure is recorded (snapshot refreshed)',
      value: median(afterWrite),
      unit: 'ms',
      reference,
      ratio: median(afterWrite) / rawMs,
      budget: budgetFor(median(afterWrite)),
      samples: afterWrite,
    },
    {
      id: `${prefix}.snapshot`,
      section,
      measure: '  snapshot load alone, 1 run (queries + evaluator input)',
      value: median(load),
      unit: 'ms',
      reference,
      ratio: median(load) / rawMs,
      samples: load,
    },
    {
      id: `${prefix}.compute.warm`,
      section,
      measure: 'dashboard computation, warm (running server, nothing changed)',
      value: warmMs,
      unit: 'ms',
      reference,
      ratio: warmMs / rawMs,
      ...(options.absoluteBudgetMs !== undefined ? { budget: budgetFor(warmMs) } : {}),
      samples: warm,
    },
    {
      id: `${prefix}.dataVersion`,
      section,
      measure: '  data-version query (read again after any change)',
      value: median(version),
      unit: 'ms',
      reference,
      ratio: median(version) / rawMs,
      samples: version,
    },
  ];
}
