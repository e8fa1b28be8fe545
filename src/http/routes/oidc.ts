/**
 * Institutional sign-in (OpenID Connect): `/start` sends the browser to the provider, `/callback`
 * brings it back signed in. Between the two, the flow's one-time values (state, nonce, PKCE
 * verifier), when it started and where to go next live in a cookie: HttpOnly (scripts cannot
 * read the verifier), SameSite=Lax (sent on the provider's top-level redirect back, not on
 * cross-site sub-requests), ten minutes (also checked against the start time inside), `__Host-`
 * and Secure behind HTTPS (no sub-domain can plant one), and cleared at the callback whatever
 * its outcome. It is not signed: its values are fresh random ones checked against the provider's
 * answer (state, compared here in constant time), the ID token (nonce) and the token endpoint
 * (verifier), so editing it only makes the sign-in fail. Both routes answer 404 when no provider
 * is configured.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { Problem } from '../../contracts/index.ts';
import { AppError } from '../../services/index.ts';
import type { OidcSettings } from '../../services/auth/oidc.ts';
import { oidcService, type OidcFlow } from '../../services/auth/oidc.service.ts';
import { isHttps, setSessionCookie } from '../plugins/auth.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const SECURE_FLOW_COOKIE = '__Host-strata_oidc';
const PLAIN_FLOW_COOKIE = 'strata_oidc';
const FLOW_SECONDS = 10 * 60;
const MAX_NEXT = 1024;

interface SavedFlow extends OidcFlow {
  next: string;
  /** When the flow started (ms since the epoch). */
  startedAt: number;
}

/** An in-app path to go back to: starts with one `/`, never another site. */
function safeNext(next: string | undefined): string {
  if (
    !next ||
    next.length > MAX_NEXT ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    /[\u0000-\u001f\u007f]/.test(next)
  ) {
    return '/';
  }
  return next;
}

function cookieName(request: FastifyRequest): string {
  return isHttps(request) ? SECURE_FLOW_COOKIE : PLAIN_FLOW_COOKIE;
}

function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(request) };
}

function saveFlow(request: FastifyRequest, reply: FastifyReply, flow: SavedFlow): void {
  const value = Buffer.from(JSON.stringify(flow)).toString('base64url');
  void reply.setCookie(cookieName(request), value, {
    ...cookieOptions(request),
    maxAge: FLOW_SECONDS,
  });
}

function clearFlow(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(cookieName(request), cookieOptions(request));
}

/** The flow kept by `/start`, if the cookie is there, well-formed and recent. */
function readFlow(request: FastifyRequest, now: number): SavedFlow | null {
  const raw = request.cookies[cookieName(request)];
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const value = parsed as Record<string, unknown>;
  const { state, nonce, codeVerifier, next, startedAt } = value;
  if (
    typeof state !== 'string' ||
    typeof nonce !== 'string' ||
    typeof codeVerifier !== 'string' ||
    typeof next !== 'string' ||
    typeof startedAt !== 'number'
  ) {
    return null;
  }
  if (now - startedAt > FLOW_SECONDS * 1000 || startedAt > now + 60_000) return null;
  return { state, nonce, codeVerifier, next: safeNext(next), startedAt };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const StartQuery = Type.Object({
  next: Type.Optional(
    Type.String({
      maxLength: MAX_NEXT,
      description: 'In-app path to return to once signed in (default /)',
    }),
  ),
});

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 1024 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

const Redirect = Type.Null({ description: 'Found: the Location header says where to go' });
const oidcProblems = { ...problems, 401: Problem, 403: Problem } as const;

/** Registers /api/v1/auth/oidc/start and /api/v1/auth/oidc/callback. */
export function oidcRoutes(
  app: App,
  ctx: RouteContext & { oidc?: OidcSettings | null | undefined },
) {
  const settings = ctx.oidc ?? null;
  const service = settings ? oidcService(settings) : null;
  const configured = () => {
    if (!settings || !service) {
      throw new AppError('not_found', 'Institutional sign-in is not configured on this server');
    }
    return { settings, service };
  };

  /** Checks the callback against the saved flow, signs the account in; where to go next. */
  async function signIn(
    request: FastifyRequest<{ Querystring: Static<typeof CallbackQuery> }>,
    reply: FastifyReply,
    saved: SavedFlow | null,
  ): Promise<string> {
    const { settings, service } = configured();
    if (!saved) {
      throw new AppError(
        'unauthenticated',
        'This sign-in attempt expired or was started in another browser; start again',
      );
    }
    if (!sameText(request.query.state ?? '', saved.state)) {
      throw new AppError(
        'unauthenticated',
        'The sign-in answer does not match the attempt started here (state); start again',
      );
    }
    // The URL as the provider saw it: the registered redirect URI with this query.
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
    const identity = await service.finish(callbackUrl, saved);
    const session = await ctx.services.users.loginFromSso(await ctx.scope(request), {
      email: identity.email,
      ...(identity.name !== undefined && { name: identity.name }),
      defaultRole: settings.defaultRole,
      userAgent: request.headers['user-agent'] ?? '',
    });
    request.log.info({ event: 'auth.login_oidc' }, 'signed in with the identity provider');
    setSessionCookie(request, reply, session.token, session.expiresAt);
    return saved.next;
  }

  app.get(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags: ['auth'],
        operationId: 'startOidcLogin',
        summary: 'Sign in with the institutional account (redirects to the identity provider)',
        querystring: StartQuery,
        response: { 302: Redirect, ...oidcProblems },
      },
    },
    async (request, reply) => {
      const { service } = configured();
      const flow = await service.start();
      saveFlow(request, reply, {
        state: flow.state,
        nonce: flow.nonce,
        codeVerifier: flow.codeVerifier,
        next: safeNext(request.query.next),
        startedAt: Date.now(),
      });
      return reply.redirect(flow.url, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        operationId: 'finishOidcLogin',
        summary: 'Where the identity provider sends the browser back (signs in, then redirects)',
        querystring: CallbackQuery,
        response: { 302: Redirect, ...oidcProblems },
      },
    },
    async (request, reply) => {
      configured();
      const saved = readFlow(request, Date.now());
      clearFlow(request, reply);
      let next: string;
      try {
        next = await signIn(request, reply, saved);
      } catch (error) {
        request.log.warn(
          { event: 'auth.oidc_failed', reason: error instanceof Error ? error.message : '' },
          'institutional sign-in refused',
        );
        throw error;
      }
      return reply.redirect(next, 302);
    },
  );
}
