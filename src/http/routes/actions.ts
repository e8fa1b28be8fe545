/** Actions: list, detail, create, update. */
import Type from 'typebox';
import {
  ActionCard,
  ActionCreate,
  ActionDetail,
  ActionQuery,
  ActionUpdate,
  AsOfQuery,
  ListQuery,
  Page,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

/** Registers the action routes. */
export function actionRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/actions',
    {
      schema: {
        tags: ['actions'],
        operationId: 'listActions',
        summary: 'Actions with their computed status',
        querystring: Type.Object({ ...ActionQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(ActionCard), ...problems },
      },
    },
    async (request) => ctx.services.actions.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/actions/:id',
    {
      schema: {
        tags: ['actions'],
        operationId: 'getAction',
        summary: 'An action with its milestones, units and elements',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: ActionDetail, ...problems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.actions.detail(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/actions',
    {
      schema: {
        tags: ['actions'],
        operationId: 'createAction',
        summary: 'Create an action',
        body: ActionCreate,
        response: { 201: ActionDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.actions.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/actions/:id',
    {
      schema: {
        tags: ['actions'],
        operationId: 'updateAction',
        summary: 'Update an action (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ActionUpdate,
        response: { 200: ActionDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.actions.update(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );
}
