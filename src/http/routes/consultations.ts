/**
 * Stakeholder consultations: the builder (drafts editable, published questionnaires frozen),
 * respondent links, results and exports, links of results to plan elements, and the
 * consultations an action cites. The public answering side is in consult-public.ts.
 */
import Type from 'typebox';
import {
  CitationsUpdate,
  ConsultationCard,
  ConsultationCreate,
  ConsultationDetail,
  ConsultationQuery,
  ConsultationRefs,
  ConsultationResults,
  ConsultationUpdate,
  ElementConsultations,
  IssuedTokens,
  LinksUpdate,
  Problem,
  ResponseExport,
  SharedLink,
  TokenRequest,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import { csvCell } from './audit.ts';

const denied = { 401: Problem, 403: Problem } as const;
const writes = { ...writeProblems, ...denied } as const;
const reads = { ...problems, ...denied } as const;
const tags = ['consultations'];

/** Registers the consultation routes. */
export function consultationRoutes(app: App, ctx: RouteContext) {
  const service = () => ctx.services.consultations;

  app.get(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        operationId: 'listConsultations',
        summary: 'Consultations the caller may read',
        querystring: ConsultationQuery,
        response: { 200: Type.Object({ items: Type.Array(ConsultationCard) }), ...reads },
      },
    },
    async (request) => service().list(await ctx.scope(request), request.query),
  );

  app.post(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        operationId: 'createConsultation',
        summary: 'Create a consultation (a draft)',
        body: ConsultationCreate,
        response: { 201: ConsultationDetail, ...writes },
      },
    },
    async (request, reply) => {
      const detail = await service().create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        operationId: 'getConsultation',
        summary: 'A consultation with its questions, links and citing actions',
        params: IdParams,
        response: { 200: ConsultationDetail, ...reads },
      },
    },
    async (request, reply) => {
      const detail = await service().detail(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.patch(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        operationId: 'updateConsultation',
        summary: 'Change a draft consultation, questions included (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ConsultationUpdate,
        response: { 200: ConsultationDetail, ...writes },
      },
    },
    async (request, reply) => {
      const detail = await service().update(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  for (const [verb, operationId, summary] of [
    ['publish', 'publishConsultation', 'Publish a draft: its questionnaire is frozen from then on'],
    ['close', 'closeConsultation', 'Close a published consultation now'],
  ] as const) {
    app.post(
      `/api/v1/consultations/:id/${verb}`,
      {
        schema: {
          tags,
          operationId,
          summary: `${summary} (If-Match required)`,
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 200: ConsultationDetail, ...writes },
        },
      },
      async (request, reply) => {
        const scope = await ctx.scope(request);
        const ifMatch = request.headers['if-match'];
        const detail =
          verb === 'publish'
            ? await service().publish(scope, request.params.id, ifMatch)
            : await service().close(scope, request.params.id, ifMatch);
        void reply.header('ETag', detail.etag);
        return detail;
      },
    );
  }

  app.post(
    '/api/v1/consultations/:id/revisions',
    {
      schema: {
        tags,
        operationId: 'reviseConsultation',
        summary: 'Start a new draft revision of a published consultation',
        params: IdParams,
        response: { 201: ConsultationDetail, ...writes },
      },
    },
    async (request, reply) => {
      const detail = await service().revise(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/api/v1/consultations/:id/tokens',
    {
      schema: {
        tags,
        operationId: 'issueConsultationLinks',
        summary: 'Issue respondent links (each secret is returned once; one answer per link)',
        params: IdParams,
        body: TokenRequest,
        response: { 201: IssuedTokens, ...writes },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service().issueTokens(await ctx.scope(request), request.params.id, request.body),
        ),
  );

  app.post(
    '/api/v1/consultations/:id/shared-link',
    {
      schema: {
        tags,
        operationId: 'shareConsultation',
        summary:
          'Issue or replace the shared link (returned once). A shared link allows several answers per person (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 201: SharedLink, ...writes },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service().shareLink(
            await ctx.scope(request),
            request.params.id,
            request.headers['if-match'],
          ),
        ),
  );

  app.put(
    '/api/v1/consultations/:id/links',
    {
      schema: {
        tags,
        operationId: 'linkConsultation',
        summary:
          'Set the plan elements the results serve, whole or question by question (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: LinksUpdate,
        response: { 200: ConsultationDetail, ...writes },
      },
    },
    async (request, reply) => {
      const detail = await service().setLinks(
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
    '/api/v1/consultations/:id/results',
    {
      schema: {
        tags,
        operationId: 'getConsultationResults',
        summary: 'Results per question: counts, mean, distribution, free texts',
        params: IdParams,
        response: { 200: ConsultationResults, ...reads },
      },
    },
    async (request) =>
      ctx.services.consultationResults.results(await ctx.scope(request), request.params.id),
  );

  app.get(
    '/api/v1/consultations/:id/responses',
    {
      schema: {
        tags,
        operationId: 'exportConsultationResponses',
        summary: 'Every response as JSON (those who may change the consultation)',
        params: IdParams,
        response: { 200: ResponseExport, ...reads },
      },
    },
    async (request) =>
      ctx.services.consultationResults.export(await ctx.scope(request), request.params.id),
  );

  app.get(
    '/api/v1/consultations/:id/responses.csv',
    {
      schema: {
        tags,
        operationId: 'exportConsultationResponsesCsv',
        summary:
          'Every response as CSV, one column per question (UTF-8 with BOM; formula-like cells neutralised)',
        params: IdParams,
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
        }),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...reads },
      },
    },
    async (request, reply) => {
      const data = await ctx.services.consultationResults.export(
        await ctx.scope(request),
        request.params.id,
      );
      const lang = request.query.lang ?? 'fr';
      const header = [
        'response',
        'submittedAt',
        'respondent',
        ...data.questions.map((q) => `${String(q.position + 1)}. ${q.prompt[lang]}`),
      ];
      const lines = data.responses.map((r) => [
        r.id,
        r.submittedAt,
        r.respondent,
        ...data.questions.map((q) => {
          const a = r.answers.find((x) => x.questionId === q.id);
          if (!a) return null;
          if (a.choices) return a.choices.map((c) => q.options[c]?.[lang] ?? '').join('; ');
          return a.rating ?? a.text;
        }),
      ]);
      const csv = [header, ...lines].map((cells) => cells.map(csvCell).join(','));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'Content-Disposition',
          `attachment; filename="strata-consultation-${data.consultation.code}.csv"`,
        )
        .serializer((payload: string) => payload)
        .send(`\ufeff${csv.join('\r\n')}\r\n`);
    },
  );

  app.get(
    '/api/v1/elements/:id/consultations',
    {
      schema: {
        tags,
        operationId: 'getElementConsultations',
        summary: 'The consultation results serving a plan element',
        params: IdParams,
        response: { 200: ElementConsultations, ...reads },
      },
    },
    async (request) =>
      ctx.services.consultationResults.ofElement(await ctx.scope(request), request.params.id),
  );

  app.get(
    '/api/v1/actions/:id/consultations',
    {
      schema: {
        tags,
        operationId: 'getActionConsultations',
        summary: 'The consultations an action cites',
        params: IdParams,
        response: { 200: ConsultationRefs, ...reads },
      },
    },
    async (request) =>
      ctx.services.consultationResults.citations(await ctx.scope(request), request.params.id),
  );

  app.put(
    '/api/v1/actions/:id/consultations',
    {
      schema: {
        tags,
        operationId: 'citeConsultations',
        summary: 'Set the consultations an action came from',
        params: IdParams,
        body: CitationsUpdate,
        response: { 200: ConsultationRefs, ...writes },
      },
    },
    async (request) =>
      ctx.services.consultationResults.setCitations(
        await ctx.scope(request),
        request.params.id,
        request.body,
      ),
  );
}
