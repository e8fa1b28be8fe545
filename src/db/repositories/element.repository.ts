/** Elements: read one, insert, and update under an optimistic version check. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, ElementTable } from '../schema.ts';

/** Creates the element repository. */
export function elementRepository(db: Kysely<DB>) {
  return {
    async findById(workspaceId: string, id: string) {
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
          'description_fr',
          'description_en',
          'owner_unit_id',
          'lead',
          'weight',
          'sort_order',
          'version',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async codeTaken(workspaceId: string, planId: string, code: string, exceptId?: string) {
      let query = db
        .selectFrom('element')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .where('code', '=', code);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async nextSortOrder(workspaceId: string, planId: string, parentId: string | null) {
      const row = await db
        .selectFrom('element')
        .select((eb) => eb.fn.max('sort_order').as('max'))
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .where('parent_id', parentId === null ? 'is' : '=', parentId)
        .executeTakeFirst();
      return (row?.max ?? -1) + 1;
    },

    async insert(values: Insertable<ElementTable>) {
      return db
        .insertInto('element')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    /** Updates when the row is still at `version`; undefined when it is not (or is gone). */
    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<ElementTable>,
    ) {
      return db
        .updateTable('element')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },
  };
}
