/** Sessions, API tokens, one-time links and failed logins: all looked up by hashes. */
import { sql, type Insertable, type Kysely } from 'kysely';
import { grantColumns, type GrantRow } from './user.repository.ts';
import type { ApiTokenTable, AuthSessionTable, DB, OneTimeLinkTable } from '../schema.ts';

/** Creates the session repository. */
export function sessionRepository(db: Kysely<DB>) {
  return {
    async createSession(values: Insertable<AuthSessionTable>) {
      await db.insertInto('auth_session').values(values).execute();
    },
    /**
     * A session with the account it belongs to (null fields when the account is gone) and the
     * account's grants, in one statement: resolving a request's principal is one round trip.
     */
    async findSessionWithUser(idHash: string) {
      const { rows } = await sql<
        {
          workspace_id: string;
          revoked_at: Date | null;
          expires_at: Date;
          last_seen_at: Date;
          account_id: string | null;
          email: string | null;
          role: string | null;
          disabled_at: Date | null;
        } & GrantRow
      >`SELECT s.workspace_id, s.revoked_at, s.expires_at, s.last_seen_at,
          u.id AS account_id, u.email, u.role, u.disabled_at,
          ${grantColumns(sql.ref('s.workspace_id'), sql.ref('s.user_id'))}
        FROM auth_session AS s
        LEFT JOIN app_user AS u ON u.workspace_id = s.workspace_id AND u.id = s.user_id
        WHERE s.id_hash = ${idHash}`.execute(db);
      return rows[0];
    },
    async touchSession(idHash: string, at: Date) {
      await db
        .updateTable('auth_session')
        .set({ last_seen_at: at })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async revokeSession(idHash: string, at: Date) {
      await db
        .updateTable('auth_session')
        .set({ revoked_at: at })
        .where('id_hash', '=', idHash)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeUserSessions(workspaceId: string, userId: string, at: Date) {
      await db
        .updateTable('auth_session')
        .set({ revoked_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeOtherSessions(workspaceId: string, userId: string, keepHash: string, at: Date) {
      await db
        .updateTable('auth_session')
        .set({ revoked_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('id_hash', '<>', keepHash)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeUserTokens(workspaceId: string, userId: string, at: Date) {
      await db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async listSessions(workspaceId: string, userId: string, now: Date) {
      return db
        .selectFrom('auth_session')
        .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute();
    },

    async createToken(values: Insertable<ApiTokenTable>) {
      return db.insertInto('api_token').values(values).returningAll().executeTakeFirstOrThrow();
    },
    async findToken(tokenHash: string) {
      return db
        .selectFrom('api_token')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    async touchToken(workspaceId: string, id: string, at: Date) {
      await db
        .updateTable('api_token')
        .set({ last_used_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async listTokens(workspaceId: string, userId: string) {
      return db
        .selectFrom('api_token')
        .select(['id', 'name', 'scope', 'expires_at', 'created_at', 'last_used_at', 'revoked_at'])
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
    },
    async revokeToken(workspaceId: string, userId: string, id: string, at: Date) {
      return db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
    },

    async createLink(values: Insertable<OneTimeLinkTable>) {
      await db.insertInto('one_time_link').values(values).execute();
    },
    /** Marks a link used and returns it, if it exists, is unused and has not expired. */
    async consumeLink(tokenHash: string, purpose: string, now: Date) {
      return db
        .updateTable('one_time_link')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
    },
    async peekLink(tokenHash: string, now: Date) {
      return db
        .selectFrom('one_time_link')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },

    async recordFailure(key: string, at: Date) {
      await db.insertInto('login_failure').values({ key, at }).execute();
    },
    /** Failures for `key` since `since`, oldest first (the oldest decides when the window frees). */
    async failuresSince(key: string, since: Date) {
      return db
        .selectFrom('login_failure')
        .select('at')
        .where('key', '=', key)
        .where('at', '>', since)
        .orderBy('at')
        .execute();
    },
    async clearFailures(key: string) {
      await db.deleteFrom('login_failure').where('key', '=', key).execute();
    },
  };
}
