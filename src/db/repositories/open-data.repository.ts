/** Open data: the publication flags of elements and indicators, and the figures published. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Creates the open-data repository. */
export function openDataRepository(db: Kysely<DB>) {
  return {
    async publishedElementIds(workspaceId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('published_element')
        .select('element_id')
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Set(rows.map((r) => r.element_id));
    },

    async publishedIndicatorIds(workspaceId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('published_indicator')
        .select('indicator_id')
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Set(rows.map((r) => r.indicator_id));
    },

    /** Marks an element published (true) or withdraws it; says whether anything changed. */
    async setElement(workspaceId: string, elementId: string, published: boolean, by: string) {
      if (published) {
        const r = await db
          .insertInto('published_element')
          .values({ workspace_id: workspaceId, element_id: elementId, published_by: by })
          .onConflict((oc) => oc.columns(['workspace_id', 'element_id']).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await db
        .deleteFrom('published_element')
        .where('workspace_id', '=', workspaceId)
        .where('element_id', '=', elementId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Marks an indicator published (true) or withdraws it; says whether anything changed. */
    async setIndicator(workspaceId: string, indicatorId: string, published: boolean, by: string) {
      if (published) {
        const r = await db
          .insertInto('published_indicator')
          .values({ workspace_id: workspaceId, indicator_id: indicatorId, published_by: by })
          .onConflict((oc) => oc.columns(['workspace_id', 'indicator_id']).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const r = await db
        .deleteFrom('published_indicator')
        .where('workspace_id', '=', workspaceId)
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /**
     * Current figures (value not withdrawn) of the published indicators that are public: the
     * filter on `is_public` is here too, so a confidential indicator never leaves by this path.
     */
    async publishedFigures(workspaceId: string) {
      const rows = await sql<{
        indicator_id: string;
        unit_id: string;
        period: string;
        period_end_month: number;
        value: number | null;
        provenance: string;
        source: string;
      }>`
        SELECT * FROM (
          SELECT DISTINCT ON (m.indicator_id, m.unit_id, m.period)
            m.indicator_id, m.unit_id, m.period, m.period_end_month, m.value, m.provenance, m.source
          FROM measurement m
          JOIN published_indicator p
            ON p.workspace_id = m.workspace_id AND p.indicator_id = m.indicator_id
          JOIN indicator i ON i.workspace_id = m.workspace_id AND i.id = m.indicator_id
          WHERE m.workspace_id = ${workspaceId} AND i.is_public
          ORDER BY m.indicator_id, m.unit_id, m.period, m.recorded_at DESC, m.id DESC
        ) f
        WHERE value IS NOT NULL
        ORDER BY indicator_id, unit_id, period_end_month
      `.execute(db);
      return rows.rows;
    },

    /** When the published data last changed (latest publication or figure of a published indicator). */
    async lastModified(workspaceId: string): Promise<Date | null> {
      const row = await sql<{ at: Date | null }>`
        SELECT greatest(
          (SELECT max(published_at) FROM published_element WHERE workspace_id = ${workspaceId}),
          (SELECT max(published_at) FROM published_indicator WHERE workspace_id = ${workspaceId}),
          (SELECT max(m.recorded_at) FROM measurement m JOIN published_indicator p
             ON p.workspace_id = m.workspace_id AND p.indicator_id = m.indicator_id
           WHERE m.workspace_id = ${workspaceId})
        ) AS at
      `.execute(db);
      return row.rows[0]?.at ?? null;
    },
  };
}
