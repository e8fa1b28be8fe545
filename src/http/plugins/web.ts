/** Serves the built web app (dist/web) with a fallback to index.html for client-side routes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { sendProblem } from '../errors.ts';
import type { App } from '../types.ts';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Strata</title>
<main><h1>Strata</h1><p>The web app is not built yet. Run <code>npm run build</code>, or start with <code>npm start</code>, which builds it.</p>
<p>The API is available: <a href="/api/docs">/api/docs</a>.</p></main></html>`;

/** Registers static serving of `webDir` and the SPA fallback. */
export async function registerWeb(app: App, webDir: string) {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1y',
      immutable: true,
      // The build writes .br and .gz copies (scripts/precompress-plugin.ts): sent as they are.
      preCompressed: true,
      setHeaders: (res, path) => {
        // The page itself is never cached (it names the current assets), nor its compressed copies.
        if (/index\.html(\.br|\.gz)?$/.test(path)) void res.header('Cache-Control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // A missing asset (e.g. from a build the page predates) is a 404, never the app's page.
    if (
      request.url.startsWith('/api/') ||
      request.url.startsWith('/assets/') ||
      request.method !== 'GET'
    ) {
      return sendProblem(
        reply,
        request,
        404,
        'not_found',
        `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      );
    }
    if (!built) return reply.status(200).type('text/html').send(NOT_BUILT);
    void reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
