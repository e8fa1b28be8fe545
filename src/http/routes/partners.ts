/** The partner registry: partners (directory, page, writes, duplicates, merge), agreements, contacts. */
import Type from 'typebox';
import {
  AgreementCard,
  AgreementCreate,
  AgreementDetail,
  AgreementQuery,
  AgreementUpdate,
  Contact,
  ContactCreate,
  ContactDetail,
  ContactExport,
  ContactUpdate,
  DuplicatePair,
  ListQuery,
  MergeBody,
  Page,
  PartnerCreate,
  PartnerDetail,
  PartnerDirectory,
  PartnerQuery,
  PartnerUpdate,
  Problem,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import { csvCell } from './audit.ts';

const readProblems = { ...problems, 401: Problem, 403: Problem } as const;
const changeProblems = { ...writeProblems, 401: Problem, 403: Problem } as const;

/** Registers the partner, agreement and contact routes. */
export function partnerRoutes(app: App, ctx: RouteContext) {
  const { services } = ctx;

  app.get(
    '/api/v1/partners',
    {
      schema: {
        tags: ['partners'],
        operationId: 'listPartners',
        summary: 'The partner directory, filtered, with counts by region, scale and kind',
        querystring: Type.Object({ ...PartnerQuery.properties, ...ListQuery.properties }),
        response: { 200: PartnerDirectory, ...readProblems },
      },
    },
    async (request) => services.partners.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/partners/duplicates',
    {
      schema: {
        tags: ['partners'],
        operationId: 'listPartnerDuplicates',
        summary: 'Pairs of partners with the same SIREN or a near-identical name in one country',
        response: { 200: Type.Object({ items: Type.Array(DuplicatePair) }), ...readProblems },
      },
    },
    async (request) => ({ items: await services.partners.duplicates(await ctx.scope(request)) }),
  );

  app.get(
    '/api/v1/partners/:id',
    {
      schema: {
        tags: ['partners'],
        operationId: 'getPartner',
        summary: 'A partner with its agreements, funding and (for those allowed) contacts',
        params: IdParams,
        response: { 200: PartnerDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.partners.detail(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/partners',
    {
      schema: {
        tags: ['partners'],
        operationId: 'createPartner',
        summary: 'Register a partner (409 when its SIREN is already registered)',
        body: PartnerCreate,
        response: { 201: PartnerDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.partners.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/partners/:id',
    {
      schema: {
        tags: ['partners'],
        operationId: 'updatePartner',
        summary: 'Update a partner (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: PartnerUpdate,
        response: { 200: PartnerDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.partners.update(
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
    '/api/v1/partners/:id/merge',
    {
      schema: {
        tags: ['partners'],
        operationId: 'mergePartners',
        summary: 'Merge a duplicate into this partner: its agreements, contacts, funding move here',
        params: IdParams,
        body: MergeBody,
        response: { 200: PartnerDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.partners.merge(
        await ctx.scope(request),
        request.params.id,
        request.body.duplicateId,
      );
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['partners'],
        operationId: 'listAgreements',
        summary: 'Agreements with partners, filtered',
        querystring: Type.Object({ ...AgreementQuery.properties, ...ListQuery.properties }),
        response: { 200: Page(AgreementCard), ...readProblems },
      },
    },
    async (request) => services.agreements.list(await ctx.scope(request), request.query),
  );

  app.get(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: ['partners'],
        operationId: 'getAgreement',
        summary: 'An agreement with the elements, actions, indicators and funding it serves',
        params: IdParams,
        response: { 200: AgreementDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.agreements.detail(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.post(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['partners'],
        operationId: 'createAgreement',
        summary: 'Record an agreement with a partner',
        body: AgreementCreate,
        response: { 201: AgreementDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.agreements.create(await ctx.scope(request), request.body);
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: ['partners'],
        operationId: 'updateAgreement',
        summary: 'Update an agreement (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: AgreementUpdate,
        response: { 200: AgreementDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.agreements.update(
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
    '/api/v1/partners/:id/contacts',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'listPartnerContacts',
        summary: "A partner's contacts (office, admin, editors of an involved school)",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Contact) }), ...readProblems },
      },
    },
    async (request) => ({
      items: await services.contacts.listOfPartner(await ctx.scope(request), request.params.id),
    }),
  );

  app.post(
    '/api/v1/partners/:id/contacts',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'createContact',
        summary: 'Record a contact of a partner, with the purpose and legal basis of processing',
        params: IdParams,
        body: ContactCreate,
        response: { 201: ContactDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.contacts.create(
        await ctx.scope(request),
        request.params.id,
        request.body,
      );
      void reply.header('ETag', detail.etag);
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'getContact',
        summary: 'A contact',
        params: IdParams,
        response: { 200: ContactDetail, ...readProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.contacts.detail(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'updateContact',
        summary: 'Update a contact (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ContactUpdate,
        response: { 200: ContactDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.contacts.update(
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
    '/api/v1/contacts/:id/export',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'exportContact',
        summary: 'Everything held about one contact, as JSON (GDPR access; office and admin)',
        params: IdParams,
        response: { 200: ContactExport, ...readProblems },
      },
    },
    async (request, reply) => {
      const data = await services.contacts.export(await ctx.scope(request), request.params.id);
      void reply.header(
        'Content-Disposition',
        `attachment; filename="strata-contact-${request.params.id}.json"`,
      );
      return data;
    },
  );

  app.get(
    '/api/v1/contacts/:id/export.csv',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'exportContactCsv',
        summary: 'Everything held about one contact, as CSV (UTF-8 with BOM; formulas neutralised)',
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...readProblems },
      },
    },
    async (request, reply) => {
      const data = await services.contacts.export(await ctx.scope(request), request.params.id);
      const rows: unknown[][] = [
        ['section', 'field', 'value'],
        ['export', 'exportedAt', data.exportedAt],
        ...Object.entries(data.contact).map(([k, v]) => ['contact', k, v]),
        ...Object.entries(data.partner).map(([k, v]) => ['partner', k, v]),
        ...data.history.map((e) => ['history', `${e.at} ${e.action}`, e]),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'Content-Disposition',
          `attachment; filename="strata-contact-${request.params.id}.csv"`,
        )
        .serializer((payload: string) => payload)
        .send(`\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
    },
  );

  app.post(
    '/api/v1/contacts/:id/erase',
    {
      schema: {
        tags: ['contacts'],
        operationId: 'eraseContact',
        summary: "Erase (anonymise) a contact on the person's request (office and admin)",
        params: IdParams,
        response: { 200: ContactDetail, ...changeProblems },
      },
    },
    async (request, reply) => {
      const detail = await services.contacts.erase(await ctx.scope(request), request.params.id);
      void reply.header('ETag', detail.etag);
      return detail;
    },
  );
}
