/** The risk register: list, matrix, detail, create, update, review. */
import Type from 'typebox';
import {
  AsOfQuery,
  ListQuery,
  Page,
  RiskCard,
  RiskCreate,
  RiskDetail,
  RiskMatrix,
  RiskMatrixQuery,
  RiskQuery,
  RiskReviewCreate,
  RiskUpdate,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

/** Registers the risk routes. */
export function riskRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/risks',
    {
      schema: {
        tags: ['risks'],
        operationId: 'listRisks',
        summary: 'Risks with their assessment as of a date',
        querystring: Type.Object({ ...RiskQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(RiskCard), ...problems },
      },
    },
    async (request) => ctx.services.risks.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/risks/matrix',
    {
      schema: {
        tags: ['risks'],
        operationId: 'riskMatrix',
        summary: 'Open and mitigated risks counted by likelihood × impact',
        querystring: RiskMatrixQuery,
        response: { 200: RiskMatrix, ...problems },
      },
    },
    async (request) => ctx.services.risks.matrix(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/risks/:id',
    {
      schema: {
        tags: ['risks'],
        operationId: 'getRisk',
        summary: 'A risk with its links and review history',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: RiskDetail, ...problems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.risks.detail(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/risks',
    {
      schema: {
        tags: ['risks'],
        operationId: 'createRisk',
        summary: 'Create a risk with its first assessment',
        body: RiskCreate,
        response: { 201: RiskDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.risks.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/risks/:id',
    {
      schema: {
        tags: ['risks'],
        operationId: 'updateRisk',
        summary: 'Update a risk (If-Match required; likelihood and impact change by a review)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RiskUpdate,
        response: { 200: RiskDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.risks.update(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/risks/:id/reviews',
    {
      schema: {
        tags: ['risks'],
        operationId: 'reviewRisk',
        summary: 'Review a risk: a new assessment appended to its history (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RiskReviewCreate,
        response: { 201: RiskDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.risks.review(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );
}
