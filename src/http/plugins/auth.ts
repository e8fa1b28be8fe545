/**
 * Who is calling: an API token (`Authorization: Bearer`), a session cookie, or nobody. Sets
 * `request.principal` before any route runs. The cookie is `__Host-strata_session` (Secure)
 * behind HTTPS, `strata_session` on plain HTTP (a local install); HttpOnly and SameSite=Lax
 * either way.
 */
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Principal } from '../../domain/access.ts';
import type { Services, WorkspaceScope } from '../../services/index.ts';
import { sendProblem } from '../errors.ts';
import type { App } from '../types.ts';

export const SECURE_COOKIE = '__Host-strata_session';
export const PLAIN_COOKIE = 'strata_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Whether the request came over HTTPS (directly, or through a trusted proxy). */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Sets the session cookie for `token`. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  const secure = isHttps(request);
  void reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = isHttps(request);
  void reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

/** The session token of a request's cookie, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  // Behind HTTPS only the __Host- cookie counts: a plain one could have been planted.
  return isHttps(request) ? request.cookies[SECURE_COOKIE] : request.cookies[PLAIN_COOKIE];
}

/** Registers cookie parsing and the principal resolution hook. */
export async function registerAuth(
  app: App,
  services: Services,
  workspace: () => Promise<WorkspaceScope>,
) {
  await app.register(cookie);
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('preHandler', async (request, reply) => {
    request.principal = ANONYMOUS;
    if (!request.url.startsWith('/api/v1/')) return;
    const scope = await workspace();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match?.[1]
        ? await services.sessions.principalFromToken(scope.id, match[1])
        : null;
      if (!principal) {
        request.log.warn({ event: 'auth.token_rejected' }, 'invalid API token');
        void reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        return sendProblem(
          reply,
          request,
          401,
          'invalid_token',
          'The API token is unknown, revoked or expired',
        );
      }
      request.principal = principal;
      return;
    }
    const token = sessionToken(request);
    if (token) {
      const principal = await services.sessions.principalFromSession(scope.id, token);
      if (principal) request.principal = principal;
      else clearSessionCookie(request, reply);
    }
  });
}
