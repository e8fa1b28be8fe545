/** Indicators (list, detail, create, update) and their figures (list, record). */
import Type from 'typebox';
import {
  AsOfQuery,
  Id,
  IndicatorCreate,
  IndicatorDetail,
  IndicatorListItem,
  IndicatorUpdate,
  ListQuery,
  Measurement,
  MeasurementCreate,
  MeasurementQuery,
  Page,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

/** Registers the indicator and measurement routes. */
export function indicatorRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags: ['indicators'],
        operationId: 'listIndicators',
        summary: 'Indicators with their status, for the group or one unit',
        querystring: Type.Object({
          elementId: Type.Optional(Id),
          unitId: Type.Optional(Id),
          ...ListQuery.properties,
          ...AsOfQuery.properties,
        }),
        response: { 200: Page(IndicatorListItem), ...problems },
      },
    },
    async (request) => ctx.services.indicators.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        operationId: 'getIndicator',
        summary: 'An indicator: series per unit and for the group, trajectory, status, forecast',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: IndicatorDetail, ...problems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.indicators.detail(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      schema: {
        tags: ['indicators'],
        operationId: 'createIndicator',
        summary: 'Define an indicator',
        body: IndicatorCreate,
        response: { 201: IndicatorDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.indicators.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        operationId: 'updateIndicator',
        summary: 'Update an indicator definition (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: IndicatorUpdate,
        response: { 200: IndicatorDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.indicators.update(
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
    '/api/v1/indicators/:id/measurements',
    {
      schema: {
        tags: ['measurements'],
        operationId: 'listMeasurements',
        summary: 'Recorded figures of an indicator, current or with their history',
        params: IdParams,
        querystring: MeasurementQuery,
        response: { 200: Type.Object({ items: Type.Array(Measurement) }), ...problems },
      },
    },
    async (request) =>
      ctx.services.measurements.list(await ctx.scope(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/indicators/:id/measurements',
    {
      schema: {
        tags: ['measurements'],
        operationId: 'recordMeasurement',
        summary: 'Record a figure; correcting an existing one needs If-Match and a note',
        params: IdParams,
        headers: IfMatchHeaders,
        body: MeasurementCreate,
        response: { 201: Measurement, ...writeProblems },
      },
    },
    async (request, reply) => {
      const created = await ctx.services.measurements.record(
        await ctx.scope(request),
        request.params.id,
        request.body,
        request.headers['if-match'],
      );
      void reply.header('ETag', created.etag);
      return reply.status(201).send(created);
    },
  );
}
