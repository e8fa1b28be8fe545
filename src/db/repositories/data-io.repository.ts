/**
 * Bulk reads and writes of the spreadsheet imports: the current figures and target points of
 * many indicators at once, point locks taken in one statement, and batched appends of figures,
 * target points and their audit events.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MeasurementTable, TargetPointTable } from '../schema.ts';
import { auditValues, type AuditInsert } from './audit.repository.ts';

const BATCH = 500;
/** Rows per statement of an unnest insert (its parameters are one array per column). */
const UNNEST_BATCH = 5_000;

async function inBatches<T>(
  rows: T[],
  work: (batch: T[]) => Promise<void>,
  size = BATCH,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await work(rows.slice(i, i + size));
}

/** A column of a bulk insert: its name and SQL type. */
type Column<R> = readonly [name: keyof R & string, type: string];

type Cell = string | number | boolean | Date | null | undefined;

/** A value as the text PostgreSQL parses it into the column's type. */
function asText(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * `INSERT … SELECT … FROM unnest(…)`: the rows travel as one text array per column, so a batch
 * of thousands of rows is one statement of a dozen parameters, parsed and planned once (a
 * VALUES list needs a parameter per cell, and a statement per few hundred rows). Each
 * statement-level trigger (data version, change notice) then runs once per batch too.
 */
function unnestInsert<R extends { [K in keyof R]: Cell }>(
  db: Kysely<DB>,
  table: 'measurement' | 'audit_event',
  columns: readonly Column<R>[],
  rows: readonly R[],
) {
  const arrays = columns.map(([name]) => rows.map((row) => asText(row[name])));
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
    SELECT ${sql.join(columns.map(([, type], i) => sql`${sql.ref(`u.c${String(i)}`)}::${sql.raw(type)}`))}
      FROM unnest(${sql.join(arrays.map((array) => sql`${array}::text[]`))})
        AS u(${sql.join(columns.map((_, i) => sql.ref(`c${String(i)}`)))})`.execute(db);
}

const FIGURE_COLUMNS: readonly Column<Insertable<MeasurementTable>>[] = [
  ['workspace_id', 'uuid'],
  ['id', 'uuid'],
  ['indicator_id', 'uuid'],
  ['unit_id', 'uuid'],
  ['period', 'text'],
  ['period_start', 'date'],
  ['period_end_month', 'integer'],
  ['value', 'numeric'],
  ['provenance', 'text'],
  ['source', 'text'],
  ['note', 'text'],
  ['validated', 'boolean'],
  ['supersedes_id', 'uuid'],
  ['recorded_by', 'text'],
  ['recorded_at', 'timestamptz'],
];

const AUDIT_COLUMNS: readonly Column<ReturnType<typeof auditValues>>[] = [
  ['workspace_id', 'uuid'],
  ['actor_user_id', 'uuid'],
  ['actor_label', 'text'],
  ['unit_id', 'uuid'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['action', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['request_id', 'text'],
];

/** Creates the import repository. */
export function dataIoRepository(db: Kysely<DB>) {
  return {
    /** Current record (latest, value null included) of every indicator × unit × period of `indicatorIds`. */
    async currentFigures(workspaceId: string, indicatorIds: string[]) {
      if (indicatorIds.length === 0) return [];
      const rows = await sql<{
        id: string;
        indicator_id: string;
        unit_id: string;
        period: string;
        value: number | null;
        provenance: string;
        recorded_at: Date;
      }>`
        SELECT DISTINCT ON (indicator_id, unit_id, period)
          id, indicator_id, unit_id, period, value, provenance, recorded_at
        FROM measurement
        WHERE workspace_id = ${workspaceId} AND indicator_id = ANY(${indicatorIds}::uuid[])
        ORDER BY indicator_id, unit_id, period, recorded_at DESC, id DESC
      `.execute(db);
      return rows.rows;
    },

    /** Current target point of every indicator × unit × kind × period of `indicatorIds`. */
    async currentTargets(workspaceId: string, indicatorIds: string[]) {
      if (indicatorIds.length === 0) return [];
      const rows = await sql<{
        id: string;
        indicator_id: string;
        unit_id: string | null;
        kind: string;
        period: string;
        value: number | null;
        recorded_at: Date;
      }>`
        SELECT DISTINCT ON (indicator_id, unit_id, kind, period)
          id, indicator_id, unit_id, kind, period, value, recorded_at
        FROM target_point
        WHERE workspace_id = ${workspaceId} AND indicator_id = ANY(${indicatorIds}::uuid[])
        ORDER BY indicator_id, unit_id, kind, period, recorded_at DESC, id DESC
      `.execute(db);
      return rows.rows;
    },

    /**
     * Takes the transaction-scoped locks of many series points at once, with the same keys as
     * the single-figure writer (measurement.repository `lockSeriesPoint`), in a stable order.
     */
    async lockSeriesPoints(keys: string[]) {
      if (keys.length === 0) return;
      const sorted = [...new Set(keys)].sort();
      await sql`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest(${sorted}::text[]) AS k`.execute(
        db,
      );
    },

    /**
     * Blocks every other figure writer until the transaction ends (for imports too big for one
     * lock per point: PostgreSQL's lock table holds a few thousand).
     */
    async lockAllFigures() {
      await sql`LOCK TABLE measurement IN SHARE ROW EXCLUSIVE MODE`.execute(db);
    },

    /**
     * Appends figures in batches and returns their ids, in order; `onBatch` hears how many are
     * written so far.
     */
    async appendFigures(
      rows: Insertable<MeasurementTable>[],
      onBatch: (written: number) => void = () => undefined,
    ): Promise<string[]> {
      const withIds = rows.map((row) => ({ ...row, id: row.id ?? randomUUID() }));
      let written = 0;
      await inBatches(
        withIds,
        async (batch) => {
          await unnestInsert(db, 'measurement', FIGURE_COLUMNS, batch);
          written += batch.length;
          onBatch(written);
        },
        UNNEST_BATCH,
      );
      return withIds.map((row) => row.id);
    },

    async appendTargets(rows: Insertable<TargetPointTable>[]): Promise<string[]> {
      const ids: string[] = [];
      await inBatches(rows, async (batch) => {
        const out = await db.insertInto('target_point').values(batch).returning('id').execute();
        ids.push(...out.map((r) => r.id));
      });
      return ids;
    },

    async appendAudit(events: AuditInsert[]) {
      await inBatches(
        events.map(auditValues),
        async (batch) => {
          await unnestInsert(db, 'audit_event', AUDIT_COLUMNS, batch);
        },
        UNNEST_BATCH,
      );
    },
  };
}
