/**
 * Open data without signing in: the DCAT-AP catalogue (JSON-LD) a national portal harvests,
 * and each published dataset as CSV or JSON under the Etalab Licence Ouverte 2.0, named in
 * the file and in the `Link: <…>; rel="license"` header.
 */
import Type from 'typebox';
import { OpenDatasetParams, OpenDatasetQuery, OpenTable } from '../../contracts/index.ts';
import { LICENCE } from '../../services/data-io/index.ts';
import { renderTable } from '../../services/data-io/table.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import { sendFile } from './data-io.ts';

const LICENCE_HEADERS = {
  Link: `<${LICENCE.uri}>; rel="license"`,
  'X-License': LICENCE.spdx,
};

/** Registers the public open-data routes. */
export function publicRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/public/catalog',
    {
      schema: {
        tags: ['open data'],
        operationId: 'openDataCatalog',
        summary: 'DCAT-AP catalogue of the published datasets (JSON-LD)',
        produces: ['application/ld+json'],
        response: { 200: Type.Object({}, { additionalProperties: true }), ...problems },
      },
    },
    async (request, reply) => {
      const scope = await ctx.scope(request);
      const overview = await ctx.services.workspace.overview(scope);
      const base = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
      const catalog = await ctx.services.dataIo.openData.catalog(
        { ...scope, name: overview.workspace.name },
        base,
      );
      void reply.type('application/ld+json; charset=utf-8');
      for (const [k, v] of Object.entries(LICENCE_HEADERS)) void reply.header(k, v);
      return reply.serializer((payload: unknown) => JSON.stringify(payload)).send(catalog);
    },
  );

  app.get(
    '/api/v1/public/datasets/:dataset',
    {
      schema: {
        tags: ['open data'],
        operationId: 'openDataset',
        summary: 'A published dataset as JSON (default) or CSV, under the Licence Ouverte 2.0',
        params: OpenDatasetParams,
        querystring: OpenDatasetQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: OpenTable, ...problems },
      },
    },
    async (request, reply) => {
      const table = await ctx.services.dataIo.openData.table(
        await ctx.scope(request),
        request.params.dataset,
      );
      const q = request.query;
      if ((q.format ?? 'json') === 'json') {
        for (const [k, v] of Object.entries(LICENCE_HEADERS)) void reply.header(k, v);
        return {
          licence: LICENCE.name,
          licenceUrl: LICENCE.uri,
          columns: table.columns,
          items: table.rows,
        };
      }
      const file = await renderTable(table, {
        format: 'csv',
        locale: q.locale ?? 'fr',
        separator: q.separator,
      });
      return sendFile(reply, { ...file, fileName: `open-data-${file.fileName}` }, LICENCE_HEADERS);
    },
  );
}
