/** Health and the workspace overview. */
import Type from 'typebox';
import { WorkspaceOverview } from '../../contracts/index.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

/** Registers /api/health and /api/v1/workspace. */
export function metaRoutes(
  app: App,
  ctx: RouteContext & { ping(): Promise<boolean>; engine: string },
) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        operationId: 'health',
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), engine: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), engine: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      if (await ctx.ping()) return { status: 'ok' as const, engine: ctx.engine };
      void reply.header('Retry-After', '2');
      return reply.status(503).send({ status: 'unavailable' as const, engine: ctx.engine });
    },
  );

  app.get(
    '/api/v1/workspace',
    {
      schema: {
        tags: ['workspace'],
        operationId: 'getWorkspace',
        summary: 'The workspace: group, units, facets and plans',
        response: { 200: WorkspaceOverview, ...problems },
      },
    },
    async (request) => ctx.services.workspace.overview(await ctx.scope(request)),
  );
}
