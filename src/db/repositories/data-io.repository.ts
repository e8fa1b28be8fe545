/**
 * Bulk reads and writes of the spreadsheet imports: the current figures and target points of
 * many indicators at once, point locks taken in one statement, and batched appends of figures,
 * target points and their audit events.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MeasurementTable, TargetPointTable } from '../schema.ts';
import { auditValues, type AuditInsert } from './audit.repository.ts';

const BATCH = 500;

async function inBatches<T>(rows: T[], work: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await work(rows.slice(i, i + BATCH));
}

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

    /** Appends figures in batches; `onBatch` hears how many are written so far. */
    /**
     * Blocks every other figure writer until the transaction ends (for imports too big for one
     * lock per point: PostgreSQL's lock table holds a few thousand).
     */
    async lockAllFigures() {
      await sql`LOCK TABLE measurement IN SHARE ROW EXCLUSIVE MODE`.execute(db);
    },

    async appendFigures(
      rows: Insertable<MeasurementTable>[],
      onBatch: (written: number) => void = () => undefined,
    ): Promise<string[]> {
      const ids: string[] = [];
      await inBatches(rows, async (batch) => {
        const out = await db.insertInto('measurement').values(batch).returning('id').execute();
        ids.push(...out.map((r) => r.id));
        onBatch(ids.length);
      });
      return ids;
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
      await inBatches(events, async (batch) => {
        await db.insertInto('audit_event').values(batch.map(auditValues)).execute();
      });
    },
  };
}
