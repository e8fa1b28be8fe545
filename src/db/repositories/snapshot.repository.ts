/**
 * Reads everything the evaluator needs for one workspace as recorded at the end of a day:
 * structure, current target points and current figures (latest record per indicator, unit and
 * period; a withdrawn figure, value null, is left out).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { endOfDay } from './as-of.ts';

/** A current figure as the snapshot reads it. */
export interface FigureRow {
  indicator_id: string;
  unit_id: string;
  period: string;
  value: number | null;
  provenance: string;
  source: string;
  validated: boolean;
}

/** One figure of a series' JSON array: period, value, provenance, source, validated. */
type SeriesFigure = [string, number | string | null, string, string, boolean];

/** Creates the snapshot repository. */
export function snapshotRepository(db: Kysely<DB>) {
  return {
    /**
     * Current figures recorded up to the end of `asOf` (of the given indicators only, if any).
     * They come as one row per series (indicator and unit) holding its figures as a JSON array:
     * a few thousand rows instead of one per figure, which spares the driver most of its work
     * (decoding 180,000 rows of seven columns takes longer than the query itself; V8 parses the
     * same figures as JSON several times faster).
     */
    async currentFigures(workspaceId: string, asOf: string, indicatorIds?: readonly string[]) {
      // The JSON text is put together by hand: cheaper for the server than json_agg, and every
      // part is safe (periods and provenances are checked formats; texts and numbers go
      // through to_json, which quotes a numeric NaN). Order does not matter: the evaluator sorts.
      const { rows } = await sql<{ indicator_id: string; unit_id: string; figures: string }>`
        SELECT indicator_id, unit_id,
               '[' || string_agg(
                 '["' || period || '",' || coalesce(to_json(value)::text, 'null') || ',"'
                   || provenance || '",'
                   || CASE WHEN source = '' THEN '""' ELSE to_json(source)::text END || ','
                   || CASE WHEN validated THEN 'true' ELSE 'false' END || ']',
                 ',') || ']' AS figures
          FROM (
            SELECT DISTINCT ON (indicator_id, unit_id, period)
              indicator_id, unit_id, period, value, provenance, source, validated
            FROM measurement
            WHERE workspace_id = ${workspaceId} AND recorded_at <= ${endOfDay(asOf)}::timestamptz
              ${indicatorIds ? sql`AND indicator_id = ANY(${[...indicatorIds]}::uuid[])` : sql``}
            ORDER BY indicator_id, unit_id, period, recorded_at DESC, id DESC
          ) AS current
         GROUP BY indicator_id, unit_id
      `.execute(db);
      const figures: FigureRow[] = [];
      for (const series of rows) {
        for (const [period, value, provenance, source, validated] of JSON.parse(
          series.figures,
        ) as SeriesFigure[]) {
          figures.push({
            indicator_id: series.indicator_id,
            unit_id: series.unit_id,
            period,
            // A numeric NaN arrives as the text "NaN" (what the row driver would have parsed).
            value: typeof value === 'string' ? Number(value) : value,
            provenance,
            source,
            validated,
          });
        }
      }
      return figures;
    },

    /**
     * What the data versions after `since` up to `until` changed, when logged: how many of
     * them are accounted for (figures or actions; the log keeps the last 1,000 versions), the
     * indicators whose figures changed and whether any action did.
     */
    async dataChanges(workspaceId: string, since: number, until: number) {
      const { rows } = await sql<{
        versions: number;
        indicator_ids: string[] | null;
        actions: boolean | null;
      }>`
        SELECT count(DISTINCT version)::int AS versions,
               array_agg(DISTINCT subject_id::text) FILTER (WHERE kind = 'figure') AS indicator_ids,
               bool_or(kind = 'action') AS actions
          FROM data_change
         WHERE workspace_id = ${workspaceId} AND version > ${since} AND version <= ${until}
      `.execute(db);
      const row = rows[0];
      return {
        versions: row?.versions ?? 0,
        indicatorIds: row?.indicator_ids ?? [],
        actions: row?.actions ?? false,
      };
    },

    /** Current target points recorded up to the end of `asOf`. */
    async currentTargets(workspaceId: string, asOf: string) {
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
      }>`
        SELECT DISTINCT ON (indicator_id, unit_id, kind, period)
          id, indicator_id, unit_id, kind, period, value, provenance, source, reason
        FROM target_point
        WHERE workspace_id = ${workspaceId} AND recorded_at <= ${endOfDay(asOf)}::timestamptz
        ORDER BY indicator_id, unit_id, kind, period, recorded_at DESC, id DESC
      `.execute(db);
      return rows.rows;
    },

    async units(workspaceId: string) {
      return db
        .selectFrom('unit')
        .select([
          'id',
          'parent_id',
          'code',
          'kind',
          'name_fr',
          'name_en',
          'short_name',
          'city',
          'region',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
    },

    async indicators(workspaceId: string) {
      return db
        .selectFrom('indicator')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
    },

    async indicatorUnits(workspaceId: string) {
      return db
        .selectFrom('indicator_unit')
        .select(['indicator_id', 'unit_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async plans(workspaceId: string) {
      return db
        .selectFrom('plan')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('code')
        .execute();
    },

    async elements(workspaceId: string) {
      return db
        .selectFrom('element')
        .select([
          'id',
          'plan_id',
          'parent_id',
          'level',
          'code',
          'title_fr',
          'title_en',
          'owner_unit_id',
          'weight',
          'sort_order',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
    },

    async elementIndicators(workspaceId: string) {
      return db
        .selectFrom('element_indicator')
        .select(['element_id', 'indicator_id', 'weight', 'sort_order'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('sort_order')
        .execute();
    },

    async actions(workspaceId: string) {
      return db
        .selectFrom('action')
        .select([
          'id',
          'code',
          'title_fr',
          'title_en',
          'lead_unit_id',
          'owner',
          'start_date',
          'due_date',
          'state',
          'progress',
          'weight',
          'provenance',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('code')
        .execute();
    },

    async actionUnits(workspaceId: string) {
      return db
        .selectFrom('action_unit')
        .select(['action_id', 'unit_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async actionElements(workspaceId: string) {
      return db
        .selectFrom('action_element')
        .select(['action_id', 'element_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async alignments(workspaceId: string) {
      return db
        .selectFrom('alignment')
        .select(['element_id', 'target_element_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async facetLinks(workspaceId: string) {
      const [elements, indicators, actions] = await Promise.all([
        db
          .selectFrom('element_facet')
          .select(['element_id as owner_id', 'facet_value_id'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('indicator_facet')
          .select(['indicator_id as owner_id', 'facet_value_id'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('action_facet')
          .select(['action_id as owner_id', 'facet_value_id'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
      ]);
      return { elements, indicators, actions };
    },

    async facets(workspaceId: string) {
      const [facets, values] = await Promise.all([
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
      ]);
      return { facets, values };
    },

    /**
     * A number that changes whenever anything the evaluation reads changes (cache key): the
     * workspace's data version, bumped by triggers (migration 0003).
     */
    async dataVersion(workspaceId: string): Promise<string> {
      const row = await db
        .selectFrom('workspace')
        .select('data_version')
        .where('id', '=', workspaceId)
        .executeTakeFirst();
      return String(row?.data_version ?? '');
    },
  };
}

export type SnapshotRepository = ReturnType<typeof snapshotRepository>;
