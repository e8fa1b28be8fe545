/**
 * Bulk import of 100,000 figures beside PostgreSQL COPY of the same rows into the same table.
 *
 * Two importers are measured: the CSV importer (src/services/data-io, as `strata import` runs it)
 * on the same rows written as a French spreadsheet export, and the plan-file bulk import
 * (`planFiles.importPlan`, one transaction, the path `strata plan import` takes after parsing):
 * a bundle holding only the figures of an existing workspace (200 monthly indicators × 10 units
 * × 50 months). COPY loads the very same rows, with the ids the import would have resolved, into
 * the same `measurement` table with the same indexes and foreign keys. Between runs the rows are
 * deleted and the table vacuumed (not timed).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { mustParsePeriod } from '../../src/domain/period.ts';
import type { PlanFile, PlanFileMeasurement } from '../../src/domain/plan-file/index.ts';
import { createServices } from '../../src/services/index.ts';
import { BENCH_NOW, BENCH_PRINCIPAL, buildGroup, createRandom, hash } from '../generate.ts';
import type { BenchDatabase } from '../lib/engines.ts';
import type { Result } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';

export const IMPORT_ROWS = 100_000;
const INDICATORS = 200;
const UNITS = 10;
const MONTHS = IMPORT_ROWS / (INDICATORS * UNITS);
const SLUG = 'bench-import';

const COLUMNS = [
  'workspace_id',
  'id',
  'indicator_id',
  'unit_id',
  'period',
  'period_start',
  'period_end_month',
  'value',
  'provenance',
  'source',
  'note',
  'validated',
  'recorded_by',
  'recorded_at',
] as const;

function csvField(value: string | number | boolean): string {
  const text = String(value);
  // In COPY's CSV format an unquoted empty field is NULL; quoted, it is the empty text.
  return text === '' || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ImportOptions {
  runs: number;
}

/** Creates the import workspace (structure only) and returns the figures-only bundle and CSV. */
export async function prepare(bench: BenchDatabase) {
  const services = createServices({ db: bench.database.db, now: () => BENCH_NOW });
  const structure = buildGroup(
    { name: 'S', groups: 1, units: UNITS, indicators: INDICATORS, months: 1, actions: 0 },
    0,
  ).plan;
  structure.workspace = { ...structure.workspace, slug: SLUG };
  structure.measurements = [];
  await services.planFiles.importPlan(structure, BENCH_PRINCIPAL);
  const ws = await services.workspace.resolve(SLUG);

  const measurements: PlanFileMeasurement[] = [];
  const periods = Array.from({ length: MONTHS }, (_, m) => {
    const year = 2022 + Math.floor(m / 12);
    return mustParsePeriod(`${year}-${String((m % 12) + 1).padStart(2, '0')}`);
  });
  for (const indicator of structure.indicators) {
    for (const unit of structure.units.filter((u) => u.kind !== 'group')) {
      const random = createRandom(hash(`${indicator.code}|${unit.code}|import`));
      const values: Record<string, number> = {};
      for (const p of periods) values[p.text] = Math.round(random() * 100_000) / 10;
      measurements.push({
        indicator: indicator.code,
        unit: unit.code,
        provenance: 'official',
        source: 'Bench import',
        validated: true,
        values,
      });
    }
  }
  const figures: PlanFile = {
    strata: 1,
    workspace: structure.workspace,
    units: [],
    facets: [],
    plans: [],
    indicators: [],
    measurements,
    actions: [],
  };

  const ids = async (table: 'indicator' | 'unit') =>
    new Map(
      (
        await sql<{
          id: string;
          code: string;
        }>`SELECT id, code FROM ${sql.table(table)} WHERE workspace_id = ${ws.id}`.execute(
          bench.database.db,
        )
      ).rows.map((r) => [r.code, r.id]),
    );
  const indicatorIds = await ids('indicator');
  const unitIds = await ids('unit');
  const recordedAt = BENCH_NOW.toISOString();
  const lines: string[] = [];
  for (const m of measurements) {
    for (const [text, value] of Object.entries(m.values)) {
      const period = mustParsePeriod(text);
      lines.push(
        [
          ws.id,
          randomUUID(),
          indicatorIds.get(m.indicator) ?? '',
          unitIds.get(m.unit) ?? '',
          period.text,
          period.start,
          period.endMonth,
          value,
          m.provenance,
          m.source ?? '',
          m.note ?? '',
          m.validated ?? false,
          BENCH_PRINCIPAL.label,
          recordedAt,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  if (lines.length !== IMPORT_ROWS)
    throw new Error(`expected ${IMPORT_ROWS} rows, built ${lines.length}`);
  // The same rows as a French spreadsheet export: BOM, ";", decimal comma, codes not ids.
  const sheet = ['\ufeffIndicateur;Unité;Période;Valeur;Provenance;Source'];
  for (const m of measurements) {
    for (const [text, value] of Object.entries(m.values)) {
      sheet.push(
        `${m.indicator};${m.unit};${text};${String(value).replace('.', ',')};official;Bench import`,
      );
    }
  }
  const spreadsheet = new TextEncoder().encode(`${sheet.join('\r\n')}\r\n`);
  return { services, workspaceId: ws.id, figures, csv: `${lines.join('\n')}\n`, spreadsheet };
}

export async function measureImport(
  bench: BenchDatabase,
  options: ImportOptions,
): Promise<Result[]> {
  const { db } = bench.database;
  const { services, workspaceId, figures, csv, spreadsheet } = await prepare(bench);
  const scope = await services.workspace.resolve(SLUG);
  // Clearing skips the foreign-key triggers: measurement.supersedes_id has no index, so each
  // deleted row would scan the whole table for rows superseding it (see BENCHMARKS.md).
  const clear = async () => {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`DELETE FROM measurement WHERE workspace_id = ${workspaceId}`.execute(trx);
    });
    await sql`VACUUM ANALYZE measurement`.execute(db);
  };
  const count = async (): Promise<number> => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM measurement WHERE workspace_id = ${workspaceId}
    `.execute(db);
    return rows[0]?.n ?? 0;
  };
  const importMs: number[] = [];
  const copyMs: number[] = [];
  const csvMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    await clear();
    importMs.push((await timed(() => services.planFiles.importPlan(figures, BENCH_PRINCIPAL))).ms);
    if ((await count()) !== IMPORT_ROWS) throw new Error('the import did not write every row');
    await clear();
    csvMs.push(
      (
        await timed(() =>
          services.dataIo.imports.run(
            scope,
            { fileName: 'bench.csv', bytes: spreadsheet },
            { dryRun: false },
          ),
        )
      ).ms,
    );
    if ((await count()) !== IMPORT_ROWS) throw new Error('the CSV import did not write every row');
    await clear();
    copyMs.push((await timed(() => bench.copyCsv('measurement', COLUMNS, csv))).ms);
    if ((await count()) !== IMPORT_ROWS) throw new Error('COPY did not write every row');
  }
  await clear();
  const importRate = (IMPORT_ROWS / median(importMs)) * 1000;
  const copyRate = (IMPORT_ROWS / median(copyMs)) * 1000;
  const csvRate = (IMPORT_ROWS / median(csvMs)) * 1000;
  const section = `import · ${bench.label}`;
  return [
    {
      id: `${bench.engine}.import.planfile`,
      section,
      measure: 'plan-file bulk import of 100,000 figures',
      value: importRate,
      unit: 'rows/s',
      reference: { label: 'COPY of the same rows', value: copyRate, unit: 'rows/s' },
      ratio: importRate / copyRate,
      budget: { text: '≥ 0.30×', pass: importRate / copyRate >= 0.3 },
      samples: importMs,
      details: { importMs, copyMs, rows: IMPORT_ROWS },
    },
    {
      id: `${bench.engine}.import.csv`,
      section,
      measure:
        'CSV import (strata import / the web wizard) of the same 100,000 figures, French format, with an audit row each',
      value: csvRate,
      unit: 'rows/s',
      reference: { label: 'COPY of the same rows', value: copyRate, unit: 'rows/s' },
      ratio: csvRate / copyRate,
      budget: { text: '≥ 0.30×', pass: csvRate / copyRate >= 0.3 },
      samples: csvMs,
      details: { csvMs, copyMs, rows: IMPORT_ROWS },
    },
  ];
}
