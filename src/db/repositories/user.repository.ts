/** Accounts: find, create, update, and what a principal is given (units, assigned items). */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AppUserTable, DB } from '../schema.ts';
import { deleteLinksOf, insertRows } from './upsert.ts';

/** Creates the user repository. */
export function userRepository(db: Kysely<DB>) {
  return {
    async findByEmail(workspaceId: string, email: string) {
      return db
        .selectFrom('app_user')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
    },
    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('app_user')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async list(workspaceId: string) {
      return db
        .selectFrom('app_user')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('email')
        .execute();
    },
    async countAdmins(workspaceId: string): Promise<number> {
      const row = await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },
    async insert(values: Insertable<AppUserTable>) {
      return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
    },
    async update(workspaceId: string, id: string, values: Updateable<AppUserTable>) {
      return db
        .updateTable('app_user')
        .set({ ...values, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<AppUserTable>,
    ) {
      return db
        .updateTable('app_user')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
    /** Serialises account changes of a workspace (first administrator, last administrator). */
    async lockAccounts(workspaceId: string) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`strata-accounts:${workspaceId}`}, 0))`.execute(
        db,
      );
    },
    /** The units and assigned items of a user. */
    /** The units and assigned items of a user, in one round trip. */
    async grants(workspaceId: string, userId: string) {
      const idsOf = (table: string, column: string) =>
        sql<
          string[]
        >`coalesce((SELECT array_agg(${sql.ref(column)}::text ORDER BY ${sql.ref(column)})
          FROM ${sql.table(table)}
          WHERE workspace_id = ${workspaceId} AND user_id = ${userId}), '{}'::text[])`;
      const { rows } = await sql<{
        unit_ids: string[];
        element_ids: string[];
        indicator_ids: string[];
        action_ids: string[];
      }>`SELECT ${idsOf('user_unit', 'unit_id')} AS unit_ids,
          ${idsOf('element_assignee', 'element_id')} AS element_ids,
          ${idsOf('indicator_assignee', 'indicator_id')} AS indicator_ids,
          ${idsOf('action_assignee', 'action_id')} AS action_ids`.execute(db);
      const row = rows[0];
      return {
        unitIds: row?.unit_ids ?? [],
        elements: row?.element_ids ?? [],
        indicators: row?.indicator_ids ?? [],
        actions: row?.action_ids ?? [],
      };
    },
    /** Replaces the elements, indicators and actions assigned to a user. */
    async setAssignments(
      workspaceId: string,
      userId: string,
      ids: { elementIds: string[]; indicatorIds: string[]; actionIds: string[] },
    ) {
      for (const [table, column, list] of [
        ['element_assignee', 'element_id', ids.elementIds],
        ['indicator_assignee', 'indicator_id', ids.indicatorIds],
        ['action_assignee', 'action_id', ids.actionIds],
      ] as const) {
        await deleteLinksOf(db, table, 'user_id', workspaceId, [userId]);
        await insertRows(
          db,
          table,
          ['workspace_id', column, 'user_id'],
          [...new Set(list)].map((x) => ({
            workspace_id: workspaceId,
            [column]: x,
            user_id: userId,
          })),
        );
      }
    },
    /** All users' units (for the administration list). */
    async allUnits(workspaceId: string) {
      return db
        .selectFrom('user_unit')
        .select(['user_id', 'unit_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },
  };
}
