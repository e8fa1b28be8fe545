/** Indicators: read one with its links, insert, update under a version check, link to elements. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, IndicatorTable } from '../schema.ts';

/** Creates the indicator repository. */
export function indicatorRepository(db: Kysely<DB>) {
  return {
    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('indicator')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async codeTaken(workspaceId: string, code: string, exceptId?: string) {
      let query = db
        .selectFrom('indicator')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async insert(values: Insertable<IndicatorTable>) {
      return db
        .insertInto('indicator')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<IndicatorTable>,
    ) {
      return db
        .updateTable('indicator')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    /** Links the indicator to exactly these elements (keeping the weights of kept links). */
    async setElements(workspaceId: string, indicatorId: string, elementIds: readonly string[]) {
      const unique = [...new Set(elementIds)];
      let remove = db
        .deleteFrom('element_indicator')
        .where('workspace_id', '=', workspaceId)
        .where('indicator_id', '=', indicatorId);
      if (unique.length > 0) remove = remove.where('element_id', 'not in', unique);
      await remove.execute();
      if (unique.length === 0) return;
      await db
        .insertInto('element_indicator')
        .values(
          unique.map((element_id) => ({
            workspace_id: workspaceId,
            element_id,
            indicator_id: indicatorId,
          })),
        )
        .onConflict((oc) => oc.columns(['workspace_id', 'element_id', 'indicator_id']).doNothing())
        .execute();
    },
  };
}
