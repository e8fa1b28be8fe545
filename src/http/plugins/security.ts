/**
 * Security headers on every response (SECURITY-BAR 18) and no-store on API answers. The CSP
 * allows only same-origin scripts and styles (Mantine injects style attributes, hence
 * 'unsafe-inline' for styles only); the API docs page gets the allowances it needs.
 */
import type { App } from '../types.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The API docs page (Swagger UI) needs inline scripts and styles; the rest stays as strict. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Adds the headers hook. */
export function registerSecurityHeaders(app: App) {
  app.addHook('onSend', async (request, reply) => {
    void reply.header(
      'Content-Security-Policy',
      request.url.startsWith('/api/docs') ? DOCS_CSP : CSP,
    );
    void reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('Cache-Control', 'no-store');
    }
  });
}
