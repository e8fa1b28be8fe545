/** Dashboard, plan tree, alignment view, elements (read, create, update), unit pages, search. */
import Type from 'typebox';
import {
  AlignmentView,
  AsOfQuery,
  Dashboard,
  ElementCreate,
  ElementDetail,
  ElementUpdate,
  Id,
  PlanTree,
  SearchQuery,
  SearchResult,
  UnitPage,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, PlanParams, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import { asBytes, bytesCache, sendSerialized } from '../bytes-cache.ts';

/** Registers the plan-reading and element-writing routes. */
export function planRoutes(app: App, ctx: RouteContext) {
  const dashboards = bytesCache(64);
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        operationId: 'getDashboard',
        summary:
          'Status of every element of a plan, by focus and by unit; headlines; attention list',
        querystring: Type.Object({ planId: Type.Optional(Id), ...AsOfQuery.properties }),
        response: { 200: Dashboard, 304: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const scope = await ctx.scope(request);
      // An unchanged dashboard is answered from its ETag alone, before anything is built.
      const etag = await ctx.services.dashboard.etag(scope, request.query);
      void reply.header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      const sent = dashboards.get(etag);
      if (sent !== undefined) return sendSerialized(reply, sent);
      const dashboard = await ctx.services.dashboard.dashboard(scope, request.query);
      const body = asBytes(reply.serialize(dashboard));
      dashboards.set(etag, body);
      return sendSerialized(reply, body);
    },
  );

  app.get(
    '/api/v1/plans/:planId/tree',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getPlanTree',
        summary: 'A plan as a tree of elements with their rolled-up status',
        params: PlanParams,
        querystring: AsOfQuery,
        response: { 200: PlanTree, ...problems },
      },
    },
    async (request) =>
      ctx.services.views.tree(await ctx.scope(request), request.params.planId, request.query.asOf),
  );

  app.get(
    '/api/v1/alignment',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getAlignment',
        summary: 'Which school elements serve each group element',
        querystring: Type.Object({ planId: Type.Optional(Id), ...AsOfQuery.properties }),
        response: { 200: AlignmentView, ...problems },
      },
    },
    async (request) =>
      ctx.services.views.alignment(
        await ctx.scope(request),
        request.query.planId,
        request.query.asOf,
      ),
  );

  app.get(
    '/api/v1/elements/:id',
    {
      schema: {
        tags: ['elements'],
        operationId: 'getElement',
        summary: 'An element with its status, children, indicators, actions and alignments',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: ElementDetail, ...problems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.views.element(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/plans/:planId/elements',
    {
      schema: {
        tags: ['elements'],
        operationId: 'createElement',
        summary: 'Add an element to a plan',
        params: PlanParams,
        body: ElementCreate,
        response: { 201: ElementDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.elements.create(
        await ctx.scope(request),
        request.params.planId,
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/elements/:id',
    {
      schema: {
        tags: ['elements'],
        operationId: 'updateElement',
        summary: 'Update an element (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ElementUpdate,
        response: { 200: ElementDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.elements.update(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['units'],
        operationId: 'getUnit',
        summary: "A unit's page: its plan, its status on each group priority, figures and actions",
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: UnitPage, ...problems },
      },
    },
    async (request) =>
      ctx.services.views.unit(await ctx.scope(request), request.params.id, request.query.asOf),
  );

  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'search',
        summary: 'Find elements, indicators, actions and units by words in French or English',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...problems },
      },
    },
    async (request) =>
      ctx.services.search.search(await ctx.scope(request), request.query.q, request.query.limit),
  );
}
