/**
 * Accounts: the first administrator (CLI or one-time setup link), invitations by link, roles and
 * units, disabling (which ends sessions and tokens at once), password changes and resets, and
 * accounts matched or created from an institutional sign-in (OIDC).
 */
import { canManageUsers, ROLES, type Role } from '../../domain/access.ts';
import { existingIds, replaceLinks } from '../../db/repositories/links.ts';
import { sessionRepository } from '../../db/repositories/session.repository.ts';
import { userRepository } from '../../db/repositories/user.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { audit } from '../audit.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { requireExisting } from '../references.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { requireUser, sessionsService, type NewSession } from './sessions.service.ts';
import { atomic } from '../common.ts';
import { principalOf } from './principal.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { versionEtag } from '../etags.ts';

const LINK_DAYS = { invitation: 7, password_reset: 1, setup: 2 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof userRepository>['findById']>>>;

/** An account as the API shows it (never its password hash). */
export function userDto(row: UserRow, unitIds: string[]) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    locale: row.locale as 'fr' | 'en',
    unitIds,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    version: row.version,
    etag: versionEtag('u', row),
  };
}

function checkEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (!EMAIL.test(normal) || normal.length > 254)
    throw invalid('/email', 'must be an e-mail address');
  return normal;
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid('/password', problem);
}

/** A one-time link's secret (shown once) and its expiry. */
export interface OneTimeLinkResult {
  token: string;
  expiresAt: Date;
}

/** Creates the users service. */
export function usersService(deps: ServiceDeps) {
  const users = userRepository(deps.db);
  const links = sessionRepository(deps.db);

  function requireAdmin(scope: WorkspaceScope) {
    if (!canManageUsers(scope.principal)) {
      throw new AppError(
        scope.principal.userId ? 'forbidden' : 'unauthenticated',
        'Only an administrator manages accounts',
      );
    }
  }

  async function checkUnits(scope: WorkspaceScope, unitIds: readonly string[]) {
    const found = await existingIds(deps.db, 'unit', scope.id, unitIds);
    unitIds.forEach((id, i) => {
      if (!found.has(id)) throw invalid(`/unitIds/${i}`, 'no such unit');
    });
  }

  async function dto(scope: WorkspaceScope, row: UserRow) {
    const grants = await users.grants(scope.id, row.id);
    return userDto(row, grants.unitIds);
  }

  async function createLink(
    scope: WorkspaceScope,
    purpose: keyof typeof LINK_DAYS,
    values: { email?: string; role?: Role; unitIds?: string[]; userId?: string },
  ) {
    const secret = newSecret();
    const expiresAt = new Date(deps.now().getTime() + LINK_DAYS[purpose] * 86_400_000);
    await links.createLink({
      token_hash: hashSecret(secret),
      workspace_id: scope.id,
      purpose,
      email: values.email ?? '',
      role: values.role ?? null,
      unit_ids: JSON.stringify(values.unitIds ?? []),
      user_id: values.userId ?? null,
      expires_at: expiresAt,
      created_by: scope.principal.label,
    });
    return { token: secret, expiresAt };
  }

  return {
    /** Creates an account directly (the CLI's `user create`, or an administrator). */
    async create(
      scope: WorkspaceScope,
      input: {
        email: string;
        role: Role;
        password?: string;
        displayName?: string;
        unitIds?: string[];
      },
    ) {
      requireAdmin(scope);
      const email = checkEmail(input.email);
      if (!ROLES.includes(input.role)) throw invalid('/role', `must be one of ${ROLES.join(', ')}`);
      if (input.password !== undefined) checkPassword(input.password, email);
      return deps.db.transaction().execute(async (trx) => {
        const tx = userRepository(trx);
        if (await tx.findByEmail(scope.id, email)) {
          throw new AppError('conflict', `An account for ${email} exists already`, [
            { field: '/email', message: 'already used' },
          ]);
        }
        await usersService({ ...deps, db: trx }).checkUnitsInTransaction(
          scope,
          input.unitIds ?? [],
        );
        const row = await tx.insert({
          workspace_id: scope.id,
          email,
          role: input.role,
          display_name: input.displayName ?? '',
          password_hash: input.password === undefined ? null : await hashPassword(input.password),
          disabled_at: null,
          last_login_at: null,
        });
        await replaceLinks(trx, 'user_unit', scope.id, row.id, input.unitIds ?? []);
        await audit(trx, scope, {
          entityType: 'user',
          entityId: row.id,
          action: 'create',
          after: { email, role: input.role, unitIds: input.unitIds ?? [] },
        });
        return userDto(row, input.unitIds ?? []);
      });
    },

    checkUnitsInTransaction: checkUnits,

    async list(scope: WorkspaceScope) {
      requireAdmin(scope);
      const [rows, units] = await Promise.all([users.list(scope.id), users.allUnits(scope.id)]);
      return rows.map((row) =>
        userDto(
          row,
          units.filter((u) => u.user_id === row.id).map((u) => u.unit_id),
        ),
      );
    },

    async get(scope: WorkspaceScope, id: string) {
      requireAdmin(scope);
      const row = await users.findById(scope.id, id);
      if (!row) throw notFound('User');
      return dto(scope, row);
    },

    /** The signed-in account. */
    async me(scope: WorkspaceScope) {
      const row = await users.findById(scope.id, requireUser(scope));
      if (!row) throw notFound('User');
      return dto(scope, row);
    },

    /** Changes role, units, name or locale; disabling ends every session and token at once. */
    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: { role?: Role; unitIds?: string[]; displayName?: string; disabled?: boolean },
    ) {
      requireAdmin(scope);
      return deps.db.transaction().execute(async (trx) => {
        const tx = userRepository(trx);
        await tx.lockAccounts(scope.id);
        const current = await tx.findById(scope.id, id);
        if (!current) throw notFound('User');
        const version = checkIfMatch('u', id, current.version, ifMatch, 'account');
        const before = await usersService({ ...deps, db: trx }).snapshotOf(scope, current);
        if (input.unitIds)
          await usersService({ ...deps, db: trx }).checkUnitsInTransaction(scope, input.unitIds);
        const demotes = (input.role && input.role !== 'admin') || input.disabled === true;
        if (current.role === 'admin' && demotes && (await tx.countAdmins(scope.id)) <= 1) {
          throw new AppError('conflict', 'The last administrator cannot be demoted or disabled');
        }
        const now = deps.now();
        const row = await tx.updateIfVersion(scope.id, id, version, {
          ...(input.role && { role: input.role }),
          ...(input.displayName !== undefined && { display_name: input.displayName }),
          ...(input.disabled !== undefined && {
            disabled_at: input.disabled ? (current.disabled_at ?? now) : null,
          }),
        });
        if (!row) throw staleWrite('account');
        if (input.unitIds) await replaceLinks(trx, 'user_unit', scope.id, id, input.unitIds);
        if (input.disabled) {
          const sessions = sessionRepository(trx);
          await sessions.revokeUserSessions(scope.id, id, now);
          await sessions.revokeUserTokens(scope.id, id, now);
        }
        await audit(trx, scope, {
          entityType: 'user',
          entityId: id,
          action: input.disabled ? 'disable' : 'update',
          before,
          after: {
            role: row.role,
            disabled: row.disabled_at !== null,
            unitIds: input.unitIds ?? before.unitIds,
          },
        });
        return userDto(row, input.unitIds ?? before.unitIds);
      });
    },

    async snapshotOf(scope: WorkspaceScope, row: UserRow) {
      const grants = await users.grants(scope.id, row.id);
      return { role: row.role, disabled: row.disabled_at !== null, unitIds: grants.unitIds };
    },

    /** Assigns elements, indicators and actions to a contributor (replacing the previous ones). */
    async assign(
      scope: WorkspaceScope,
      id: string,
      input: { elementIds: string[]; indicatorIds: string[]; actionIds: string[] },
    ) {
      requireAdmin(scope);
      const row = await users.findById(scope.id, id);
      if (!row) throw notFound('User');
      await deps.db.transaction().execute(async (trx) => {
        await requireExisting(trx, scope.id, 'element', 'elementIds', input.elementIds, 'element');
        await requireExisting(
          trx,
          scope.id,
          'indicator',
          'indicatorIds',
          input.indicatorIds,
          'indicator',
        );
        await requireExisting(trx, scope.id, 'action', 'actionIds', input.actionIds, 'action');
        await userRepository(trx).setAssignments(scope.id, id, input);
        await audit(trx, scope, {
          entityType: 'user',
          entityId: id,
          action: 'assign',
          after: input,
        });
      });
    },

    /** An invitation link for a new account with a role and units. */
    async invite(
      scope: WorkspaceScope,
      input: { email: string; role: Role; unitIds?: string[] },
    ): Promise<OneTimeLinkResult> {
      if (!deps.db.isTransaction) {
        return atomic(deps.db, (db) => usersService({ ...deps, db }).invite(scope, input));
      }
      requireAdmin(scope);
      const email = checkEmail(input.email);
      if (await users.findByEmail(scope.id, email)) {
        throw new AppError('conflict', `An account for ${email} exists already`, [
          { field: '/email', message: 'already used' },
        ]);
      }
      await checkUnits(scope, input.unitIds ?? []);
      const link = await createLink(scope, 'invitation', {
        email,
        role: input.role,
        unitIds: input.unitIds ?? [],
      });
      await audit(deps.db, scope, {
        entityType: 'invitation',
        entityId: email,
        action: 'create',
        after: { email, role: input.role },
      });
      return link;
    },

    /** Accepts an invitation: creates the account with its password and signs it in. */
    async acceptInvitation(
      scope: WorkspaceScope,
      input: { token: string; password: string; displayName?: string; userAgent?: string },
    ) {
      const peek = await links.peekLink(hashSecret(input.token), deps.now());
      if (!peek || peek.purpose !== 'invitation' || peek.workspace_id !== scope.id) {
        throw new AppError('not_found', 'This invitation link is unknown, used or expired');
      }
      checkPassword(input.password, peek.email);
      const userId = await deps.db.transaction().execute(async (trx) => {
        const link = await sessionRepository(trx).consumeLink(
          hashSecret(input.token),
          'invitation',
          deps.now(),
        );
        if (!link)
          throw new AppError('not_found', 'This invitation link is unknown, used or expired');
        const tx = userRepository(trx);
        if (await tx.findByEmail(scope.id, link.email))
          throw new AppError('conflict', 'This account exists already');
        const row = await tx.insert({
          workspace_id: scope.id,
          email: link.email,
          role: link.role ?? 'contributor',
          display_name: input.displayName ?? '',
          password_hash: await hashPassword(input.password),
          disabled_at: null,
          last_login_at: null,
        });
        await replaceLinks(trx, 'user_unit', scope.id, row.id, link.unit_ids);
        await audit(
          trx,
          { ...scope, principal: { ...scope.principal, label: link.email, userId: row.id } },
          {
            entityType: 'user',
            entityId: row.id,
            action: 'accept_invitation',
            after: { email: link.email, role: row.role },
          },
        );
        return row.id;
      });
      return sessionsService(deps).open(scope.id, userId, input.userAgent ?? '');
    },

    /** A password-reset link for an account (given by an administrator). */
    async resetLink(scope: WorkspaceScope, id: string): Promise<OneTimeLinkResult> {
      if (!deps.db.isTransaction) {
        return atomic(deps.db, (db) => usersService({ ...deps, db }).resetLink(scope, id));
      }
      requireAdmin(scope);
      const row = await users.findById(scope.id, id);
      if (!row) throw notFound('User');
      const link = await createLink(scope, 'password_reset', { userId: id, email: row.email });
      await audit(deps.db, scope, { entityType: 'user', entityId: id, action: 'reset_link' });
      return link;
    },

    /** Sets a new password from a reset link; every session of the account ends. */
    async resetPassword(scope: WorkspaceScope, input: { token: string; password: string }) {
      const peek = await links.peekLink(hashSecret(input.token), deps.now());
      if (
        !peek ||
        peek.purpose !== 'password_reset' ||
        peek.workspace_id !== scope.id ||
        !peek.user_id
      ) {
        throw new AppError('not_found', 'This reset link is unknown, used or expired');
      }
      checkPassword(input.password, peek.email);
      await deps.db.transaction().execute(async (trx) => {
        const link = await sessionRepository(trx).consumeLink(
          hashSecret(input.token),
          'password_reset',
          deps.now(),
        );
        if (!link?.user_id)
          throw new AppError('not_found', 'This reset link is unknown, used or expired');
        await userRepository(trx).update(scope.id, link.user_id, {
          password_hash: await hashPassword(input.password),
        });
        await sessionRepository(trx).revokeUserSessions(scope.id, link.user_id, deps.now());
        await sessionRepository(trx).revokeUserTokens(scope.id, link.user_id, deps.now());
        await audit(trx, scope, {
          entityType: 'user',
          entityId: link.user_id,
          action: 'reset_password',
        });
      });
    },

    /** Changes the signed-in user's password after checking the current one. */
    async changePassword(
      scope: WorkspaceScope,
      input: { current: string; next: string; keepSessionToken?: string | undefined },
    ): Promise<void> {
      if (!deps.db.isTransaction) {
        return atomic(deps.db, (db) => usersService({ ...deps, db }).changePassword(scope, input));
      }
      const id = requireUser(scope);
      const row = await users.findById(scope.id, id);
      if (!row) throw notFound('User');
      const { verifyPassword } = await import('./passwords.ts');
      if (!row.password_hash || !(await verifyPassword(row.password_hash, input.current))) {
        throw invalid('/current', 'is not your current password');
      }
      checkPassword(input.next, row.email);
      await users.update(scope.id, id, { password_hash: await hashPassword(input.next) });
      // Other sessions end: whoever knew the old password is signed out everywhere else.
      await links.revokeOtherSessions(
        scope.id,
        id,
        input.keepSessionToken ? hashSecret(input.keepSessionToken) : '',
        deps.now(),
      );
      await audit(deps.db, scope, { entityType: 'user', entityId: id, action: 'change_password' });
    },

    /** The principal of an enabled account (the CLI's --as); not found otherwise. */
    async principalByEmail(scope: WorkspaceScope, email: string) {
      const row = await users.findByEmail(scope.id, email.trim().toLowerCase());
      if (!row || row.disabled_at) throw notFound(`Account ${email}`);
      return principalOf(deps.db, scope.id, row);
    },

    /** Whether the workspace has an active administrator. */
    async hasAdmin(scope: WorkspaceScope): Promise<boolean> {
      return (await users.countAdmins(scope.id)) > 0;
    },

    /** A one-time link to create the first administrator; null when one exists. */
    async setupLink(scope: WorkspaceScope) {
      if ((await users.countAdmins(scope.id)) > 0) return null;
      return createLink(scope, 'setup', {});
    },

    /** Creates the first administrator from the setup link and signs them in. */
    async completeSetup(
      scope: WorkspaceScope,
      input: { token: string; email: string; password: string; userAgent?: string },
    ) {
      const email = checkEmail(input.email);
      checkPassword(input.password, email);
      const userId = await deps.db.transaction().execute(async (trx) => {
        await userRepository(trx).lockAccounts(scope.id);
        const link = await sessionRepository(trx).consumeLink(
          hashSecret(input.token),
          'setup',
          deps.now(),
        );
        if (!link || link.workspace_id !== scope.id)
          throw new AppError('not_found', 'This setup link is unknown, used or expired');
        if ((await userRepository(trx).countAdmins(scope.id)) > 0)
          throw new AppError('conflict', 'An administrator exists already');
        const row = await userRepository(trx).insert({
          workspace_id: scope.id,
          email,
          role: 'admin',
          password_hash: await hashPassword(input.password),
          disabled_at: null,
          last_login_at: null,
        });
        await audit(
          trx,
          { ...scope, principal: { ...scope.principal, label: email, userId: row.id } },
          {
            entityType: 'user',
            entityId: row.id,
            action: 'setup_admin',
            after: { email, role: 'admin' },
          },
        );
        return row.id;
      });
      return sessionsService(deps).open(scope.id, userId, input.userAgent ?? '');
    },

    /**
     * Signs in an account from an institutional identity provider: matched by e-mail, or created
     * with the default role. A disabled account stays out.
     */
    async loginFromSso(
      scope: WorkspaceScope,
      input: { email: string; name?: string; defaultRole: Role; userAgent?: string },
    ): Promise<NewSession> {
      if (!deps.db.isTransaction) {
        return atomic(deps.db, (db) => usersService({ ...deps, db }).loginFromSso(scope, input));
      }
      const email = checkEmail(input.email);
      let row = await users.findByEmail(scope.id, email);
      if (row?.disabled_at) throw new AppError('forbidden', 'This account is disabled');
      if (!row) {
        row = await users.insert({
          workspace_id: scope.id,
          email,
          role: input.defaultRole,
          display_name: input.name ?? '',
          password_hash: null,
          disabled_at: null,
          last_login_at: null,
        });
        await audit(
          deps.db,
          { ...scope, principal: { ...scope.principal, label: email, userId: row.id } },
          {
            entityType: 'user',
            entityId: row.id,
            action: 'create_from_sso',
            after: { email, role: row.role },
          },
        );
      }
      return sessionsService(deps).open(scope.id, row.id, input.userAgent ?? '');
    },
  };
}
