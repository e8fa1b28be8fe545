/**
 * Data in and out: spreadsheet imports (the raw CSV or XLSX file as the request body, refused
 * with 413 over the size limit before anything is parsed), import templates, exports of the
 * lists and the dashboard, and the publication flags of open data.
 */
import Type from 'typebox';
import {
  ExportParams,
  ExportQuery,
  Id,
  ImportQuery,
  ImportReport,
  Problem,
  PublicationBody,
  PublicationResult,
  PublicationStatus,
  TemplateParams,
  TemplateQuery,
} from '../../contracts/index.ts';
import { AppError } from '../../services/index.ts';
import { XLSX_TYPE, type RenderedFile } from '../../services/data-io/index.ts';
import { problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import type { FastifyReply } from 'fastify';

/** Largest file accepted by an import (refused with 413 before parsing). */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

const UPLOAD_TYPES = [XLSX_TYPE, 'text/csv', 'application/csv', 'application/octet-stream'];

/** Sends a rendered file as a download. */
export function sendFile(
  reply: FastifyReply,
  file: RenderedFile,
  headers: Record<string, string> = {},
) {
  void reply
    .type(file.contentType)
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`);
  for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
  return reply.send(file.body);
}

const fileResponse = {
  200: Type.String({ description: 'The file (CSV, XLSX or JSON)' }),
  ...problems,
  401: Problem,
  403: Problem,
};

/** Registers the data routes. */
export function dataIoRoutes(app: App, ctx: RouteContext) {
  // Raw uploads: bytes, limited before reading (Content-Length) and while streaming.
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post(
    '/api/v1/imports',
    {
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        tags: ['data'],
        operationId: 'importFile',
        summary:
          'Import measurements, targets, indicators or actions from a CSV or XLSX file sent as the raw body (text/csv or the XLSX media type); dryRun reports every problem by row and column and writes nothing; all or nothing',
        querystring: ImportQuery,
        response: { 200: ImportReport, ...writeProblems, 401: Problem, 403: Problem, 413: Problem },
      },
    },
    async (request) => {
      const body: unknown = request.body;
      if (!(body instanceof Uint8Array)) {
        throw new AppError(
          'invalid_input',
          'Send the file as the request body (text/csv or XLSX)',
          [{ field: 'body', message: 'must be the CSV or XLSX file' }],
        );
      }
      const report = await ctx.services.dataIo.imports.run(
        await ctx.scope(request),
        {
          fileName: request.query.fileName,
          contentType: request.headers['content-type'],
          bytes: body,
        },
        { kind: request.query.kind, dryRun: request.query.dryRun ?? false },
      );
      if (!report.committed && !report.dryRun) {
        throw new AppError(
          'invalid_input',
          `${report.problems.length} problem(s) in ${report.fileName}: nothing was imported`,
          report.problems.map((p) => ({
            field:
              p.row === 0
                ? 'file'
                : `row ${p.row}${p.column ? `, column ${p.column}` : ''} (${p.field})`,
            message: p.message,
          })),
        );
      }
      return report;
    },
  );

  app.get(
    '/api/v1/imports/templates/:kind',
    {
      schema: {
        tags: ['data'],
        operationId: 'importTemplate',
        summary: 'The import template of a kind (CSV or XLSX); for measurements, pre-filled rows',
        params: TemplateParams,
        querystring: TemplateQuery,
        produces: ['text/csv', XLSX_TYPE],
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const file = await ctx.services.dataIo.exports.template(
        await ctx.scope(request),
        request.params.kind,
        { elementId: q.elementId, period: q.period },
        { format: q.format ?? 'xlsx', locale: q.locale ?? 'fr', separator: q.separator },
      );
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/v1/exports/:dataset',
    {
      schema: {
        tags: ['data'],
        operationId: 'exportDataset',
        summary:
          'A list or the dashboard as CSV (UTF-8 BOM, ";" and decimal comma by default), XLSX or JSON; formula-like cells neutralised',
        params: ExportParams,
        querystring: ExportQuery,
        produces: ['text/csv', XLSX_TYPE, 'application/json'],
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { format, separator, locale, ...filters } = request.query;
      const file = await ctx.services.dataIo.exports.export(
        await ctx.scope(request),
        request.params.dataset,
        filters,
        {
          format: format ?? 'csv',
          locale: locale ?? 'fr',
          separator,
        },
      );
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/v1/publication',
    {
      schema: {
        tags: ['open data'],
        operationId: 'publicationStatus',
        summary: 'The elements and indicators published as open data',
        response: { 200: PublicationStatus, ...problems },
      },
    },
    async (request) => ctx.services.dataIo.openData.status(await ctx.scope(request)),
  );

  for (const kind of ['element', 'indicator'] as const) {
    app.put(
      `/api/v1/publication/${kind}s/:id`,
      {
        schema: {
          tags: ['open data'],
          operationId: kind === 'element' ? 'publishElement' : 'publishIndicator',
          summary:
            kind === 'element'
              ? 'Publish or withdraw an element as open data (strategy office)'
              : 'Publish or withdraw an indicator as open data (strategy office; never a confidential one)',
          params: Type.Object({ id: Id }),
          body: PublicationBody,
          response: { 200: PublicationResult, ...writeProblems, 401: Problem, 403: Problem },
        },
      },
      async (request) =>
        ctx.services.dataIo.openData.setPublished(
          await ctx.scope(request),
          kind,
          request.params.id,
          request.body.published,
        ),
    );
  }
}
