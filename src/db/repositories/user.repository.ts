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
    async grants(workspaceId: string, userId: string) {
      const [units, elements, indicators, actions] = await Promise.all([
        db
          .selectFrom('user_unit')
          .select('unit_id as id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute(),
        db
          .selectFrom('element_assignee')
          .select('element_id as id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute(),
        db
          .selectFrom('indicator_assignee')
          .select('indicator_id as id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute(),
        db
          .selectFrom('action_assignee')
          .select('action_id as id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute(),
      ]);
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      return {
        unitIds: ids(units),
        elements: ids(elements),
        indicators: ids(indicators),
        actions: ids(actions),
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
