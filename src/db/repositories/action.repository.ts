/** Actions: read one with milestones, insert, update under a version check. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ActionTable, DB } from '../schema.ts';

/** Creates the action repository. */
export function actionRepository(db: Kysely<DB>) {
  return {
    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('action')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async milestones(workspaceId: string, actionId: string) {
      return db
        .selectFrom('milestone')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('action_id', '=', actionId)
        .orderBy('sort_order')
        .orderBy('due_date')
        .execute();
    },

    async codeTaken(workspaceId: string, code: string, exceptId?: string) {
      let query = db
        .selectFrom('action')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async insert(values: Insertable<ActionTable>) {
      return db
        .insertInto('action')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<ActionTable>,
    ) {
      return db
        .updateTable('action')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },
  };
}
