/**
 * Signing in and staying signed in: password login with a rate limit shared by every process,
 * sessions stored in the database (idle and absolute lifetimes, revocable), API tokens (hashed,
 * scoped, expiring, revocable), and resolving either into a principal.
 */
import type { Principal } from '../../domain/access.ts';
import { sessionRepository } from '../../db/repositories/session.repository.ts';
import { userRepository } from '../../db/repositories/user.repository.ts';
import type { ServiceDeps, SessionPolicy, WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { audit } from '../audit.ts';
import { atomic } from '../common.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { principalOf, principalWith } from './principal.ts';
import { grantsOf } from '../../db/repositories/user.repository.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { readCache } from '../read-cache.ts';

/** At most this many failed logins per account (and per client address) in the window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MINUTES = 15;
const DEFAULT_POLICY: SessionPolicy = { idleMinutes: 60, absoluteHours: 12 };
/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 60_000;
/** Sessions kept in memory between changes (any write clears them; see read-cache.ts). */
const SESSION_CACHE = { capacity: 10_000, maxAgeMs: 5_000 };

/** Too many failed logins: retry after the given number of seconds. */
export class RateLimitedError extends AppError {
  readonly retryAfter: number;
  constructor(retryAfter: number) {
    super('rate_limited', 'Too many failed sign-in attempts; try again later');
    this.retryAfter = retryAfter;
  }
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  userId: string;
}

/** Creates the session service. */
export function sessionsService(deps: ServiceDeps) {
  const sessions = sessionRepository(deps.db);
  const sessionReads = readCache<string, Awaited<ReturnType<typeof sessions.findSessionWithUser>>>(
    deps.changes,
    SESSION_CACHE,
  );
  const users = userRepository(deps.db);
  const policy = deps.sessions ?? DEFAULT_POLICY;

  async function limitCheck(keys: string[]): Promise<void> {
    const now = deps.now();
    const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
    for (const key of keys) {
      const failures = await sessions.failuresSince(key, since);
      if (failures.length >= LOGIN_LIMIT) {
        const oldest = failures[failures.length - LOGIN_LIMIT];
        const frees =
          (oldest ? new Date(oldest.at).getTime() : now.getTime()) + LOGIN_WINDOW_MINUTES * 60_000;
        throw new RateLimitedError(Math.max(1, Math.ceil((frees - now.getTime()) / 1000)));
      }
    }
  }

  async function openWith(
    db: Kysely<DB>,
    workspaceId: string,
    userId: string,
    userAgent: string,
  ): Promise<NewSession> {
    const now = deps.now();
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
    await sessionRepository(db).createSession({
      id_hash: hashSecret(token),
      workspace_id: workspaceId,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      user_agent: userAgent.slice(0, 300),
    });
    await userRepository(db).update(workspaceId, userId, { last_login_at: now });
    return { token, expiresAt, userId };
  }

  /** Opens a session (and records the sign-in) in one transaction. */
  function open(workspaceId: string, userId: string, userAgent: string): Promise<NewSession> {
    return atomic(deps.db, (db) => openWith(db, workspaceId, userId, userAgent));
  }

  return {
    policy,

    /** Password login. Wrong e-mail and wrong password give the same answer, in the same time. */
    async login(
      scope: WorkspaceScope,
      input: { email: string; password: string; userAgent?: string; clientKey?: string },
    ): Promise<NewSession> {
      const email = input.email.trim().toLowerCase();
      const keys = [
        `account:${scope.id}:${email}`,
        ...(input.clientKey ? [`client:${input.clientKey}`] : []),
      ];
      await limitCheck(keys);
      const user = await users.findByEmail(scope.id, email);
      // Without an account, still spend the time of a verification: timing tells nothing.
      let ok = false;
      if (user?.password_hash) ok = await verifyPassword(user.password_hash, input.password);
      else await verifyPassword(await dummyHash(), input.password);
      if (!user || !ok || user.disabled_at) {
        for (const key of keys) await sessions.recordFailure(key, deps.now());
        throw new AppError('unauthenticated', 'Wrong e-mail or password');
      }
      const principal = await principalOf(deps.db, scope.id, user);
      return atomic(deps.db, async (db) => {
        await sessionRepository(db).clearFailures(keys[0] ?? '');
        const session = await openWith(db, scope.id, user.id, input.userAgent ?? '');
        await audit(
          db,
          { ...scope, principal },
          { entityType: 'session', entityId: user.id, action: 'login' },
        );
        return session;
      });
    },

    /** Opens a session for an account already authenticated elsewhere (SSO, setup, invitation). */
    open,

    /** The principal of a session cookie's token, or null when it is unknown, ended or expired. */
    async principalFromSession(workspaceId: string, token: string): Promise<Principal | null> {
      const idHash = hashSecret(token);
      const session = await sessionReads.read(idHash, () => sessions.findSessionWithUser(idHash));
      const now = deps.now();
      if (!session || session.workspace_id !== workspaceId || session.revoked_at) return null;
      if (new Date(session.expires_at) <= now) return null;
      const idleEnd = new Date(session.last_seen_at).getTime() + policy.idleMinutes * 60_000;
      if (idleEnd <= now.getTime()) return null;
      const { account_id: id, email, role } = session;
      if (id === null || email === null || role === null || session.disabled_at) return null;
      if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
        await sessions.touchSession(idHash, now);
      }
      return principalWith({ id, email, role }, grantsOf(session));
    },

    /** The principal of an API token (`Authorization: Bearer …`), or null. */
    async principalFromToken(workspaceId: string, token: string): Promise<Principal | null> {
      const row = await sessions.findToken(hashSecret(token));
      const now = deps.now();
      if (!row || row.workspace_id !== workspaceId || row.revoked_at) return null;
      if (new Date(row.expires_at) <= now) return null;
      const user = await users.findById(workspaceId, row.user_id);
      if (!user || user.disabled_at) return null;
      await sessions.touchToken(workspaceId, row.id, now);
      return principalOf(deps.db, workspaceId, user, row.scope === 'read');
    },

    /** Ends the session of this token. */
    async logout(token: string): Promise<void> {
      await sessions.revokeSession(hashSecret(token), deps.now());
    },

    /** Ends every session of the signed-in user (this one included). */
    async endAllSessions(scope: WorkspaceScope): Promise<void> {
      const userId = requireUser(scope);
      await atomic(deps.db, async (db) => {
        await sessionRepository(db).revokeUserSessions(scope.id, userId, deps.now());
        await audit(db, scope, { entityType: 'session', entityId: userId, action: 'end_all' });
      });
    },

    async listSessions(scope: WorkspaceScope) {
      const userId = requireUser(scope);
      return sessions.listSessions(scope.id, userId, deps.now());
    },

    /** Creates an API token; its secret is returned once and stored only hashed. */
    async createToken(
      scope: WorkspaceScope,
      input: { name: string; scope: 'read' | 'write'; expiresInDays: number },
    ) {
      const userId = requireUser(scope);
      if (scope.principal.readOnly)
        throw new AppError('forbidden', 'A read-only token cannot create tokens');
      if (input.expiresInDays < 1 || input.expiresInDays > 366) {
        throw invalid('/expiresInDays', 'must be between 1 and 366');
      }
      const secret = newSecret('strata_');
      const row = await atomic(deps.db, async (db) => {
        const created = await sessionRepository(db).createToken({
          workspace_id: scope.id,
          user_id: userId,
          name: input.name,
          token_hash: hashSecret(secret),
          scope: input.scope,
          expires_at: new Date(deps.now().getTime() + input.expiresInDays * 86_400_000),
        });
        await audit(db, scope, {
          entityType: 'api_token',
          entityId: created.id,
          action: 'create',
          after: { name: created.name, scope: created.scope, expiresAt: created.expires_at },
        });
        return created;
      });
      return {
        token: secret,
        id: row.id,
        name: row.name,
        scope: row.scope,
        expiresAt: row.expires_at,
      };
    },

    async listTokens(scope: WorkspaceScope) {
      return sessions.listTokens(scope.id, requireUser(scope));
    },

    async revokeToken(scope: WorkspaceScope, id: string): Promise<void> {
      const userId = requireUser(scope);
      await atomic(deps.db, async (db) => {
        const revoked = await sessionRepository(db).revokeToken(scope.id, userId, id, deps.now());
        if (!revoked) throw notFound('Token');
        await audit(db, scope, { entityType: 'api_token', entityId: id, action: 'revoke' });
      });
    },
  };
}

/** The signed-in user's id; an error for anonymous or system callers. */
export function requireUser(scope: WorkspaceScope): string {
  if (!scope.principal.userId) throw new AppError('unauthenticated', 'Sign in first');
  return scope.principal.userId;
}
