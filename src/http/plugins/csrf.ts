/**
 * Cross-site request forgery defence for the API (SECURITY-BAR 17): a state-changing request is
 * refused (403) when its Origin is another site, when the browser says it is cross-site, or when
 * its body is one a cross-site form can send without a preflight (form, multipart, text/plain).
 * No CORS grant is ever given, so other origins cannot read answers either.
 */
import { sendProblem } from '../errors.ts';
import type { App } from '../types.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/** Registers the check. */
export function registerCsrf(app: App) {
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    const own = `${request.protocol}://${request.headers.host ?? ''}`;
    const site = request.headers['sec-fetch-site'];
    const type = request.headers['content-type'] ?? '';
    let reason: string | null = null;
    if (origin !== undefined && origin !== own) reason = `a request from ${origin}`;
    else if (site === 'cross-site') reason = 'a cross-site request';
    else if (FORM_TYPES.test(type)) reason = `a ${type.split(';')[0] ?? ''} body`;
    if (reason === null) return;
    request.log.warn({ event: 'csrf.rejected', origin, site, type }, 'cross-site write refused');
    return sendProblem(
      reply,
      request,
      403,
      'cross_site_refused',
      `Refused ${reason}: writes must come from Strata itself, as JSON`,
    );
  });
}
