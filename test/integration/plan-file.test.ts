/**
 * Plans as code against a real database, on both engines: the IMT bundle imports, exports and
 * re-imports with nothing lost; re-importing changes nothing; a bad bundle is refused whole;
 * figures read "as of" a date before a correction show the old value; migrations go up, down
 * and up again on a seeded database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../src/db/connection.ts';
import { systemPrincipal } from '../../src/domain/access.ts';
import { migrateDown, migrateUp } from '../../src/db/migrate.ts';
import { parsePlanFiles } from '../../src/domain/plan-file/index.ts';
import { AppError, createServices, type Services } from '../../src/services/index.ts';
import { readPlanBundle } from '../../src/services/plan-file/files.ts';
import { describeEachEngine } from '../support/engines.ts';
import { IMT_DIR } from '../support/app.ts';

const ACTOR = systemPrincipal('test');

/** Link lists without an order of their own (tags, alignments, units, elements). */
const SET_KEYS = new Set(['alignsTo', 'units', 'elements']);

/** A deep copy whose unordered link lists are sorted, to compare them as sets. */
function sortTags<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key === 'facets' && v && typeof v === 'object' && !Array.isArray(v)) {
        return Object.fromEntries(
          Object.entries(v as Record<string, string[]>).map(([k, list]) => [k, [...list].sort()]),
        );
      }
      if (SET_KEYS.has(key) && Array.isArray(v) && v.every((x) => typeof x === 'string')) {
        return [...v].sort();
      }
      return v;
    }),
  ) as T;
}

async function countRows(db: Database['db']): Promise<Record<string, number>> {
  const tables = [
    'unit',
    'plan',
    'element',
    'indicator',
    'target_point',
    'measurement',
    'action',
    'milestone',
    'alignment',
    'element_indicator',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
      db,
    );
    out[table] = r.rows[0]?.n ?? -1;
  }
  return out;
}

describeEachEngine('plan files', (engine) => {
  let database: Database;
  let services: Services;
  let clock = new Date('2030-01-10T10:00:00Z');

  beforeAll(async () => {
    database = await engine.open();
    services = createServices({ db: database.db, now: () => clock });
  });
  afterAll(async () => {
    await database.close();
  });

  it('imports the IMT bundle and exports it back with nothing lost', async () => {
    const report = await services.planFiles.importPath(IMT_DIR, ACTOR);
    expect(report.created).toBe(true);
    const parsed = parsePlanFiles(readPlanBundle(IMT_DIR));
    if (!parsed.ok) throw new Error('seed does not parse');
    const exported = await services.planFiles.exportPlan('imt');
    expect(exported.units).toEqual(parsed.plan.units);
    expect(exported.facets).toEqual(parsed.plan.facets);
    expect(exported.indicators.map((i) => i.code)).toEqual(
      parsed.plan.indicators.map((i) => i.code),
    );
    expect(exported.plans.map((p) => p.code).sort()).toEqual(
      parsed.plan.plans.map((p) => p.code).sort(),
    );
    const figures = (plan: typeof exported) =>
      plan.measurements
        .flatMap((m) =>
          Object.entries(m.values).map(
            ([p, v]) => `${m.indicator}|${m.unit}|${p}|${v}|${m.provenance}|${m.source ?? ''}`,
          ),
        )
        .sort();
    expect(figures(exported)).toEqual(figures(parsed.plan));
    const targets = (plan: typeof exported) =>
      plan.indicators
        .flatMap((i) =>
          (i.targets ?? []).map(
            (t) => `${i.code}|${t.unit ?? ''}|${t.kind}|${t.period}|${t.value}|${t.provenance}`,
          ),
        )
        .sort();
    expect(targets(exported)).toEqual(targets(parsed.plan));
    // Links are sets: exported in a canonical order, compared as sets.
    for (const plan of parsed.plan.plans) {
      expect(sortTags(exported.plans.find((p) => p.code === plan.code))).toEqual(sortTags(plan));
    }
    const byCode = (list: typeof exported.actions) =>
      sortTags([...list].sort((a, b) => a.code.localeCompare(b.code)));
    expect(byCode(exported.actions)).toEqual(byCode(parsed.plan.actions));
  });

  it('re-imports its own export without changing a row', async () => {
    const before = await countRows(database.db);
    const yaml = await services.planFiles.exportYaml('imt');
    const report = await services.planFiles.importFiles(
      [{ fileName: 'export.yaml', text: yaml }],
      ACTOR,
    );
    expect(report.figuresAppended).toBe(0);
    expect(report.targetsAppended).toBe(0);
    expect(await countRows(database.db)).toEqual(before);
    expect(await services.planFiles.exportYaml('imt')).toBe(yaml);
  });

  it('refuses a bad bundle whole, naming file, line and field, and writes nothing', async () => {
    const before = await countRows(database.db);
    const text = [
      'strata: 1',
      'workspace: { slug: other, name: { fr: Autre, en: Other }, mission: { fr: M, en: M } }',
      'units:',
      '  - { code: G, kind: group, name: { fr: G, en: G } }',
      '  - { code: S, kind: school, name: { fr: S, en: S }, parent: NOPE }',
    ].join('\n');
    const error: unknown = await services.planFiles
      .importFiles([{ fileName: 'bad.yaml', text }], ACTOR)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).fields.map((f) => f.field);
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatch(/^bad\.yaml:5:\d+ units\[1\]\.parent$/);
    expect(await countRows(database.db)).toEqual(before);
  });

  it('shows the figure as it stood before a correction when read as of an earlier day', async () => {
    const scope = await services.workspace.resolve('imt');
    const list = await services.indicators.list(scope, { limit: 500, asOf: '2030-01-10' });
    const item = list.items.find((i) => i.frequency === 'year' && i.unitCount > 0);
    if (!item) throw new Error('no yearly indicator');
    const detail = await services.indicators.detail(scope, item.card.id, '2030-01-10');
    const unitId = detail.indicator.unitIds[0] ?? '';
    clock = new Date('2030-02-01T09:00:00Z');
    const first = await services.measurements.record(
      scope,
      item.card.id,
      { unitId, period: '2029', value: 100, provenance: 'estimated' },
      undefined,
    );
    clock = new Date('2030-03-01T09:00:00Z');
    await services.measurements.record(
      scope,
      item.card.id,
      { unitId, period: '2029', value: 120, provenance: 'official', note: 'audited' },
      first.etag,
    );
    const valueAsOf = async (asOf: string) =>
      (await services.indicators.detail(scope, item.card.id, asOf)).units
        .find((u) => u.unit.id === unitId)
        ?.series.find((s) => s.period === '2029')?.value;
    expect(await valueAsOf('2030-01-31')).toBeUndefined();
    expect(await valueAsOf('2030-02-15')).toBe(100);
    expect(await valueAsOf('2030-03-01')).toBe(120);
  });

  it('runs migrations down and up again on a seeded database, and up on an empty one', async () => {
    expect(await migrateDown(database.db, Infinity)).toContain('0001_core');
    expect(await migrateUp(database.db)).toContain('0001_core');
    await services.planFiles.importPath(IMT_DIR, ACTOR);
    const counts = await countRows(database.db);
    expect(counts.indicator).toBeGreaterThan(10);
  });
});
