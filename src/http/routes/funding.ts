/** Funding lines, budget execution, and what serves a plan element (partners, agreements, funding). */
import Type from 'typebox';
import {
  ElementPartnerships,
  ExecutionQuery,
  FundingExecution,
  FundingLineCard,
  FundingLineCreate,
  FundingLineDetail,
  FundingLineUpdate,
  FundingQuery,
  ListQuery,
  Page,
  Problem,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const readProblems = { ...problems, 401: Problem, 403: Problem } as const;
const changeProblems = { ...writeProblems, 401: Problem, 403: Problem } as const;

/** Registers the funding routes. */
export function fundingRoutes(app: App, ctx: RouteContext) {
  const { services } = ctx;

  app.get(
    '/api/v1/funding-lines',
    {
      schema: {
        tags: ['funding'],
        operationId: 'listFundingLines',
        summary: 'Funding lines with their totals, filtered',
        querystring: Type.Object({ ...FundingQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(FundingLineCard), ...readProblems },
      },
    },
    async (request) => services.funding.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/funding-lines/:id',
    {
      schema: {
        tags: ['funding'],
        operationId: 'getFundingLine',
        summary: 'A funding line with its yearly amounts, actions and agreement',
        params: IdParams,
        response: { 200: FundingLineDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.funding.detail(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/funding-lines',
    {
      schema: {
        tags: ['funding'],
        operationId: 'createFundingLine',
        summary: 'Record a funding line',
        body: FundingLineCreate,
        response: { 201: FundingLineDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.funding.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/funding-lines/:id',
    {
      schema: {
        tags: ['funding'],
        operationId: 'updateFundingLine',
        summary: 'Update a funding line (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: FundingLineUpdate,
        response: { 200: FundingLineDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.funding.update(
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
    '/api/v1/funding/execution',
    {
      schema: {
        tags: ['funding'],
        operationId: 'getFundingExecution',
        summary: 'Budget execution by priority, school, funder, programme and year',
        querystring: ExecutionQuery,
        response: { 200: FundingExecution, ...readProblems },
      },
    },
    async (request) => services.funding.execution(await ctx.scope(request), request.query.year),
  );

  app.get(
    '/api/v1/elements/:id/partnerships',
    {
      schema: {
        tags: ['funding'],
        operationId: 'getElementPartnerships',
        summary: 'The partners, agreements and funding lines that serve a plan element',
        params: IdParams,
        response: { 200: ElementPartnerships, ...readProblems },
      },
    },
    async (request) => services.funding.forElement(await ctx.scope(request), request.params.id),
  );
}
