/** Reads for plan-file import and export: existing ids by code, and whole tables of a workspace. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Creates the plan-file repository. */
export function planFileRepository(db: Kysely<DB>) {
  return {
    async workspaceBySlug(slug: string) {
      return db.selectFrom('workspace').selectAll().where('slug', '=', slug).executeTakeFirst();
    },
    async createWorkspace(values: {
      id: string;
      slug: string;
      name_fr: string;
      name_en: string;
      mission_fr: string;
      mission_en: string;
    }) {
      await db.insertInto('workspace').values(values).execute();
    },
    async updateWorkspace(
      id: string,
      values: { name_fr: string; name_en: string; mission_fr: string; mission_en: string },
    ) {
      await db.updateTable('workspace').set(values).where('id', '=', id).execute();
    },
    async codes(table: 'unit' | 'facet' | 'plan' | 'indicator' | 'action', workspaceId: string) {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'code'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(rows.map((r) => [r.code, r.id]));
    },
    async facetValueCodes(workspaceId: string) {
      const rows = await db
        .selectFrom('facet_value')
        .select(['id', 'facet_id', 'code'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(rows.map((r) => [`${r.facet_id}|${r.code}`, r.id]));
    },
    async elementCodes(workspaceId: string) {
      const rows = await db
        .selectFrom('element')
        .select(['id', 'plan_id', 'code'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return new Map(rows.map((r) => [`${r.plan_id}|${r.code}`, r.id]));
    },
    /** Current value of every (indicator, unit, period) figure, to append only what changed. */
    async currentFigureKeys(workspaceId: string) {
      const rows = await sql<{
        indicator_id: string;
        unit_id: string;
        period: string;
        value: number | null;
        provenance: string;
        source: string;
        note: string;
        validated: boolean;
        id: string;
        recorded_at: Date;
      }>`
        SELECT DISTINCT ON (indicator_id, unit_id, period)
          id, indicator_id, unit_id, period, value, provenance, source, note, validated, recorded_at
        FROM measurement WHERE workspace_id = ${workspaceId}
        ORDER BY indicator_id, unit_id, period, recorded_at DESC, id DESC
      `.execute(db);
      return rows.rows;
    },
    async currentTargetKeys(workspaceId: string) {
      const rows = await sql<{
        id: string;
        indicator_id: string;
        unit_id: string | null;
        kind: string;
        period: string;
        value: number | null;
        provenance: string;
        source: string;
        reason: string;
        recorded_at: Date;
      }>`
        SELECT DISTINCT ON (indicator_id, unit_id, kind, period)
          id, indicator_id, unit_id, kind, period, value, provenance, source, reason, recorded_at
        FROM target_point WHERE workspace_id = ${workspaceId}
        ORDER BY indicator_id, unit_id, kind, period, recorded_at DESC, id DESC
      `.execute(db);
      return rows.rows;
    },
    /** Every row of the workspace's structure tables, typed, for export. */
    async structure(workspaceId: string) {
      const [units, facets, facetValues, plans, elements, indicators, actions, milestones] =
        await Promise.all([
          db
            .selectFrom('unit')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('facet')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('facet_value')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('plan')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('created_at')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('element')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('indicator')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('code')
            .execute(),
          db
            .selectFrom('action')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('code')
            .execute(),
          db
            .selectFrom('milestone')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .orderBy('sort_order')
            .orderBy('due_date')
            .execute(),
        ]);
      const [
        alignments,
        elementIndicators,
        indicatorUnits,
        actionUnits,
        actionElements,
        elementFacets,
        indicatorFacets,
        actionFacets,
      ] = await Promise.all([
        db.selectFrom('alignment').selectAll().where('workspace_id', '=', workspaceId).execute(),
        db
          .selectFrom('element_indicator')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .orderBy('sort_order')
          .execute(),
        db
          .selectFrom('indicator_unit')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db.selectFrom('action_unit').selectAll().where('workspace_id', '=', workspaceId).execute(),
        db
          .selectFrom('action_element')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('element_facet')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('indicator_facet')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db.selectFrom('action_facet').selectAll().where('workspace_id', '=', workspaceId).execute(),
      ]);
      return {
        units,
        facets,
        facetValues,
        plans,
        elements,
        indicators,
        actions,
        milestones,
        alignments,
        elementIndicators,
        indicatorUnits,
        actionUnits,
        actionElements,
        elementFacets,
        indicatorFacets,
        actionFacets,
      };
    },
  };
}
