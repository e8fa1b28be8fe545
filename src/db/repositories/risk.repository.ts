/** The risk register: risks, their links and their append-only reviews. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, RiskReviewTable, RiskTable } from '../schema.ts';
import { endOfDay } from './as-of.ts';

/** Creates the risk repository. */
export function riskRepository(db: Kysely<DB>) {
  return {
    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('risk')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Every risk of the workspace that existed at the end of `asOf`, by code. */
    async risksAsOf(workspaceId: string, asOf: string) {
      return db
        .selectFrom('risk')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '<=', new Date(endOfDay(asOf)))
        .orderBy('code')
        .execute();
    },

    /** The links of the workspace's risks (or of one risk) to elements and actions. */
    async links(workspaceId: string, riskId?: string) {
      let elements = db
        .selectFrom('risk_element')
        .select(['risk_id', 'element_id'])
        .where('workspace_id', '=', workspaceId);
      let actions = db
        .selectFrom('risk_action')
        .select(['risk_id', 'action_id'])
        .where('workspace_id', '=', workspaceId);
      if (riskId) {
        elements = elements.where('risk_id', '=', riskId);
        actions = actions.where('risk_id', '=', riskId);
      }
      const [elementRows, actionRows] = await Promise.all([elements.execute(), actions.execute()]);
      return { elements: elementRows, actions: actionRows };
    },

    /** Reviews recorded by the end of `asOf` (of one risk, or of all), oldest record first. */
    async reviewsAsOf(workspaceId: string, asOf: string, riskId?: string) {
      let query = db
        .selectFrom('risk_review')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('recorded_at', '<=', new Date(endOfDay(asOf)));
      if (riskId) query = query.where('risk_id', '=', riskId);
      return query.orderBy('recorded_at').orderBy('id').execute();
    },

    async latestReviewTime(workspaceId: string, riskId: string) {
      const row = await db
        .selectFrom('risk_review')
        .select('recorded_at')
        .where('workspace_id', '=', workspaceId)
        .where('risk_id', '=', riskId)
        .orderBy('recorded_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.recorded_at;
    },

    async codeTaken(workspaceId: string, code: string, exceptId?: string) {
      let query = db
        .selectFrom('risk')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async insert(values: Insertable<RiskTable>) {
      return db
        .insertInto('risk')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async insertReview(values: Insertable<RiskReviewTable>) {
      return db.insertInto('risk_review').values(values).returningAll().executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<RiskTable>,
    ) {
      return db
        .updateTable('risk')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },
  };
}
