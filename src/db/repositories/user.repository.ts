/** Accounts: find, create, update, and what a principal is given (units, assigned items). */
import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { AppUserTable, DB } from '../schema.ts';
import { deleteLinksOf, insertRows } from './upsert.ts';

/** The id arrays of a user's grants, as selected by `grantColumns`. */
export interface GrantRow {
  unit_ids: string[];
  element_ids: string[];
  indicator_ids: string[];
  action_ids: string[];
}

const GRANT_TABLES = [
  ['unit_ids', 'user_unit', 'unit_id'],
  ['element_ids', 'element_assignee', 'element_id'],
  ['indicator_ids', 'indicator_assignee', 'indicator_id'],
  ['action_ids', 'action_assignee', 'action_id'],
] as const;

/**
 * Select-list items giving a user's units and assigned elements, indicators and actions as
 * text arrays (empty when none), for the workspace and user given as SQL expressions (values
 * or column references): lets a lookup fetch an account's grants in the same statement.
 */
export function grantColumns(workspaceId: RawBuilder<unknown>, userId: RawBuilder<unknown>) {
  return sql.join(
    GRANT_TABLES.map(
      ([alias, table, column]) =>
        sql`coalesce((SELECT array_agg(g.${sql.ref(column)}::text ORDER BY g.${sql.ref(column)})
          FROM ${sql.table(table)} AS g
          WHERE g.workspace_id = ${workspaceId} AND g.user_id = ${userId}), '{}'::text[]) AS ${sql.ref(alias)}`,
    ),
  );
}

/** The grants of a principal from a row holding `grantColumns`. */
export function grantsOf(row: GrantRow | undefined) {
  return {
    unitIds: row?.unit_ids ?? [],
    elements: row?.element_ids ?? [],
    indicators: row?.indicator_ids ?? [],
    actions: row?.action_ids ?? [],
  };
}

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
    /** The units and assigned items of a user, in one round trip. */
    async grants(workspaceId: string, userId: string) {
      const { rows } =
        await sql<GrantRow>`SELECT ${grantColumns(sql`${workspaceId}`, sql`${userId}`)}`.execute(
          db,
        );
      return grantsOf(rows[0]);
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
