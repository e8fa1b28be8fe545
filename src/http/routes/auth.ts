/** Signing in and out, the current account, sessions, API tokens, passwords, one-time links. */
import Type from 'typebox';
import {
  canExportAudit,
  canManageUsers,
  canWriteAnything,
  isStrategyOffice,
} from '../../domain/access.ts';
import {
  Id,
  LinkAccept,
  LoginBody,
  Me,
  PasswordChange,
  Problem,
  ResetBody,
  SessionInfo,
  SetupBody,
  TokenCreate,
  TokenCreated,
  TokenInfo,
} from '../../contracts/index.ts';
import { hashSecret } from '../../services/auth/secrets.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../plugins/auth.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import type { OidcSettings } from '../../services/auth/oidc.ts';

const authProblems = { ...problems, 401: Problem, 403: Problem, 429: Problem } as const;
const Ok = Type.Object({ ok: Type.Literal(true) });

/** Registers the /api/v1/auth routes. */
export function authRoutes(
  app: App,
  ctx: RouteContext & { oidc?: OidcSettings | null | undefined },
) {
  const iso = (d: Date | string) => new Date(d).toISOString();

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getMe',
        summary: 'Who is signed in and what they may do',
        response: { 200: Me, ...problems },
      },
    },
    async (request) => {
      const scope = await ctx.scope(request);
      const p = scope.principal;
      const user = p.userId ? await ctx.services.users.me(scope) : null;
      return {
        authenticated: p.userId !== null,
        user,
        role: p.role,
        unitIds: [...p.unitIds],
        readOnly: p.readOnly,
        can: {
          manageUsers: canManageUsers(p),
          editStructure: isStrategyOffice(p),
          write: canWriteAnything(p),
          exportAudit: canExportAudit(p),
        },
        providers: { password: true, oidc: !!ctx.oidc, oidcLabel: ctx.oidc?.label ?? '' },
        setupPending: !(await ctx.services.users.hasAdmin(scope)),
      };
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Sign in with e-mail and password',
        body: LoginBody,
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request, reply) => {
      const scope = await ctx.scope(request);
      try {
        const session = await ctx.services.sessions.login(scope, {
          email: request.body.email,
          password: request.body.password,
          userAgent: request.headers['user-agent'] ?? '',
          clientKey: request.ip,
        });
        request.log.info({ event: 'auth.login', userId: session.userId }, 'signed in');
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return { ok: true as const };
      } catch (error) {
        request.log.warn({ event: 'auth.login_failed' }, 'sign-in refused');
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'Sign out (ends this session)',
        response: { 200: Ok, ...problems },
      },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await ctx.services.sessions.logout(token);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        operationId: 'listSessions',
        summary: 'My open sessions',
        response: { 200: Type.Object({ items: Type.Array(SessionInfo) }), ...authProblems },
      },
    },
    async (request) => {
      const current = sessionToken(request);
      const currentHash = current ? hashSecret(current) : '';
      const rows = await ctx.services.sessions.listSessions(await ctx.scope(request));
      return {
        items: rows.map((s) => ({
          id: s.id_hash.slice(0, 12),
          createdAt: iso(s.created_at),
          lastSeenAt: iso(s.last_seen_at),
          expiresAt: iso(s.expires_at),
          userAgent: s.user_agent,
          current: s.id_hash === currentHash,
        })),
      };
    },
  );

  app.post(
    '/api/v1/auth/sessions/end-all',
    {
      schema: {
        tags: ['auth'],
        operationId: 'endAllSessions',
        summary: 'End all my sessions, this one included',
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request, reply) => {
      await ctx.services.sessions.endAllSessions(await ctx.scope(request));
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        operationId: 'listTokens',
        summary: 'My API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenInfo) }), ...authProblems },
      },
    },
    async (request) => {
      const rows = await ctx.services.sessions.listTokens(await ctx.scope(request));
      return {
        items: rows.map((t) => ({
          id: t.id,
          name: t.name,
          scope: t.scope as 'read' | 'write',
          expiresAt: iso(t.expires_at),
          createdAt: iso(t.created_at),
          lastUsedAt: t.last_used_at ? iso(t.last_used_at) : null,
          revoked: t.revoked_at !== null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        operationId: 'createToken',
        summary: 'Create an API token (shown once)',
        body: TokenCreate,
        response: { 201: TokenCreated, ...authProblems },
      },
    },
    async (request, reply) => {
      const created = await ctx.services.sessions.createToken(
        await ctx.scope(request),
        request.body,
      );
      return reply.status(201).send({ ...created, expiresAt: iso(created.expiresAt) });
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        operationId: 'revokeToken',
        summary: 'Revoke one of my API tokens',
        params: Type.Object({ id: Id }),
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request) => {
      await ctx.services.sessions.revokeToken(await ctx.scope(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        operationId: 'changePassword',
        summary: 'Change my password',
        body: PasswordChange,
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request) => {
      await ctx.services.users.changePassword(await ctx.scope(request), {
        ...request.body,
        keepSessionToken: sessionToken(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/invitation',
    {
      schema: {
        tags: ['auth'],
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation and set my password',
        body: LinkAccept,
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request, reply) => {
      const session = await ctx.services.users.acceptInvitation(await ctx.scope(request), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        operationId: 'resetPassword',
        summary: 'Set a new password from a reset link',
        body: ResetBody,
        response: { 200: Ok, ...authProblems },
      },
    },
    async (request) => {
      await ctx.services.users.resetPassword(await ctx.scope(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/setup',
    {
      schema: {
        tags: ['auth'],
        operationId: 'completeSetup',
        summary: 'Create the first administrator from the setup link',
        body: SetupBody,
        response: { 200: Ok, ...authProblems, 409: Problem },
      },
    },
    async (request, reply) => {
      const session = await ctx.services.users.completeSetup(await ctx.scope(request), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );
}
