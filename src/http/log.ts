/**
 * Logger settings: structured JSON, and nothing secret — no cookie or authorization header, and
 * no query string on the sign-in routes (an OIDC callback carries a one-time code).
 */
import type { FastifyServerOptions } from 'fastify';

type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Paths carrying a consultation respondent link's secret: logged without it. */
const CONSULT_SECRET = /^(\/consult\/|\/api\/v1\/consult\/)[^/?#]+/;

/** The URL as logged: without its query string under /api/v1/auth/, without link secrets. */
export function loggedUrl(url: string): string {
  if (CONSULT_SECRET.test(url)) return url.replace(CONSULT_SECRET, '$1<secret>');
  return url.startsWith('/api/v1/auth/') ? (url.split('?')[0] ?? url) : url;
}

/** Fastify logger options for `level`. */
export function loggerOptions(level: LogLevel): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: loggedUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
