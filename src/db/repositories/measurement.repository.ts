/**
 * Measurements, append-only: list records (current or with history, as of a date), find the
 * current record of one indicator × unit × period, and append a record.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MeasurementTable } from '../schema.ts';
import { endOfDay } from './as-of.ts';

/** Creates the measurement repository. */
export function measurementRepository(db: Kysely<DB>) {
  return {
    /** Records of an indicator, newest first per period; `current` marks the latest of each. */
    async list(
      workspaceId: string,
      indicatorId: string,
      options: { unitId?: string | undefined; history: boolean; asOf?: string | undefined },
    ) {
      const until = options.asOf ? endOfDay(options.asOf) : 'infinity';
      const unitFilter = options.unitId ? sql`AND unit_id = ${options.unitId}` : sql``;
      const rows = await sql<{
        id: string;
        indicator_id: string;
        unit_id: string;
        period: string;
        value: number | null;
        provenance: string;
        source: string;
        note: string;
        validated: boolean;
        supersedes_id: string | null;
        recorded_at: Date;
        recorded_by: string;
        rank: number;
      }>`
        SELECT * FROM (
          SELECT id, indicator_id, unit_id, period, period_end_month, value, provenance, source,
                 note, validated, supersedes_id, recorded_at, recorded_by,
                 row_number() OVER (PARTITION BY unit_id, period ORDER BY recorded_at DESC, id DESC) AS rank
          FROM measurement
          WHERE workspace_id = ${workspaceId} AND indicator_id = ${indicatorId}
            AND recorded_at <= ${until}::timestamptz ${unitFilter}
        ) m
        ${options.history ? sql`` : sql`WHERE rank = 1`}
        ORDER BY unit_id, period_end_month DESC, recorded_at DESC
      `.execute(db);
      return rows.rows.map((r) => ({ ...r, current: r.rank === 1 }));
    },

    /** The current record of one indicator × unit × period, if any. */
    async current(workspaceId: string, indicatorId: string, unitId: string, period: string) {
      return db
        .selectFrom('measurement')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('indicator_id', '=', indicatorId)
        .where('unit_id', '=', unitId)
        .where('period', '=', period)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** Serialises writers of one indicator × unit × period until the transaction ends. */
    async lockSeriesPoint(
      workspaceId: string,
      indicatorId: string,
      unitId: string,
      period: string,
    ) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${workspaceId}|${indicatorId}|${unitId}|${period}`}, 0))`.execute(
        db,
      );
    },

    async append(values: Insertable<MeasurementTable>) {
      return db.insertInto('measurement').values(values).returningAll().executeTakeFirstOrThrow();
    },
  };
}
