/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, with browsable docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from '../types.ts';

/** Registers the OpenAPI document and its docs page (/api/docs). */
export async function registerOpenApi(app: App, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Strata API',
        version,
        description:
          'Steer a multi-school strategic plan: plans, indicators, figures (append-only, with provenance), actions and dashboards. Errors are application/problem+json with a stable code; writes to existing resources take If-Match with the ETag read.',
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl',
        },
      },
      tags: [
        { name: 'meta' },
        { name: 'workspace' },
        { name: 'dashboard' },
        { name: 'plans' },
        { name: 'elements' },
        { name: 'indicators' },
        { name: 'measurements' },
        { name: 'actions' },
        { name: 'units' },
        { name: 'search' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
