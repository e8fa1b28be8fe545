/** Reporting cycles, check-ins and "my work". */
import Type from 'typebox';
import {
  AsOfQuery,
  AssignablePeople,
  AssigneesUpdate,
  CheckInCard,
  CheckInDetail,
  CheckInQuery,
  CheckInWrite,
  Cycle,
  CycleCreate,
  CycleDetail,
  CycleUpdate,
  ListQuery,
  MailPreferences,
  MyWork,
  OutboxMail,
  Page,
  Problem,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const readProblems = { ...problems, 401: Problem } as const;
const changeProblems = { ...writeProblems, 401: Problem, 403: Problem } as const;

/** One page of a list. */
function pageOf<T>(all: T[], query: { limit?: number | undefined; offset?: number | undefined }) {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}

/** Registers the cycle, check-in and my-work routes. */
export function cycleRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/cycles',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'listCycles',
        summary: 'Reporting cycles with their completion (as of a date)',
        querystring: Type.Object({ ...AsOfQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(Cycle), ...readProblems },
      },
    },
    async (request) => {
      const all = await ctx.services.cycles.list(await ctx.scope(request), request.query.asOf);
      return pageOf(all, request.query);
    },
  );

  app.post(
    '/api/v1/cycles',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'createCycle',
        summary: 'Open a reporting cycle: period, dates, scope; assignees derived from owners',
        body: CycleCreate,
        response: { 201: CycleDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.cycles.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/api/v1/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'getCycle',
        summary: 'A cycle with its items and completion per school and per priority',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: CycleDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.cycles.detail(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.patch(
    '/api/v1/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'updateCycle',
        summary: 'Change or close a cycle (If-Match required); a closed cycle is final',
        params: IdParams,
        headers: IfMatchHeaders,
        body: CycleUpdate,
        response: { 200: CycleDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.cycles.update(
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
    '/api/v1/cycles/:id/assignable-people',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'listAssignablePeople',
        summary:
          'People a cycle’s check-ins may be assigned to: id and name only (strategy office)',
        params: IdParams,
        response: { 200: AssignablePeople, ...readProblems, 403: Problem },
      },
    },
    async (request) => ctx.services.cycles.assignable(await ctx.scope(request), request.params.id),
  );

  app.get(
    '/api/v1/check-ins',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'listCheckIns',
        summary: 'Check-ins (items of cycles) with their state, as of a date',
        querystring: Type.Object({ ...CheckInQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(CheckInCard), ...readProblems },
      },
    },
    async (request) => {
      const all = await ctx.services.checkIns.list(await ctx.scope(request), request.query);
      return pageOf(all, request.query);
    },
  );

  app.get(
    '/api/v1/check-ins/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'getCheckIn',
        summary: 'A check-in with its history and the figures due, as of a date',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: CheckInDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.checkIns.detail(
        await ctx.scope(request),
        request.params.id,
        request.query.asOf,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/check-ins/:id/entries',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'recordCheckInEntry',
        summary:
          'Save, submit, return, validate or supersede a check-in (If-Match once it has an entry)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: CheckInWrite,
        response: { 201: CheckInDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.checkIns.write(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.put(
    '/api/v1/check-ins/:id/assignees',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'setCheckInAssignees',
        summary: 'Set who a check-in is assigned to',
        params: IdParams,
        body: AssigneesUpdate,
        response: { 200: CheckInDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await ctx.services.cycles.setAssignees(
        await ctx.scope(request),
        request.params.id,
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.get(
    '/api/v1/my-work',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'getMyWork',
        summary: 'What is due, overdue and returned to me, and what waits for my review',
        response: { 200: MyWork, ...readProblems },
      },
    },
    async (request) => ctx.services.checkIns.myWork(await ctx.scope(request)),
  );

  app.put(
    '/api/v1/my-work/preferences',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'setMailPreferences',
        summary: 'Turn the weekly digest off or on',
        body: MailPreferences,
        response: { 200: MyWork, ...changeProblems },
      },
    },
    async (request) =>
      ctx.services.checkIns.setPreferences(await ctx.scope(request), request.body.digestOptOut),
  );

  app.get(
    '/api/v1/outbox',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'listOutbox',
        summary: 'Mails queued and sent (reminders, escalations, digests)',
        querystring: ListQuery,
        response: { 200: Page(OutboxMail), ...readProblems, 403: Problem },
      },
    },
    async (request) => {
      const wanted = (request.query.limit ?? 100) + (request.query.offset ?? 0);
      const all = await ctx.services.mail.outbox(await ctx.scope(request), wanted);
      return pageOf(all, request.query);
    },
  );
}
