/** Reports: the annual progress report and the board briefing pack, as HTML or PDF. */
import Type from 'typebox';
import { Id, Problem } from '../../contracts/index.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const ReportQuery = Type.Object({
  format: Type.Optional(
    Type.Union([Type.Literal('html'), Type.Literal('pdf')], { default: 'html' }),
  ),
  unitId: Type.Optional(Id),
  asOf: Type.Optional(
    Type.String({ format: 'date', description: 'The data as recorded at the end of this day' }),
  ),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')], { default: 'fr' })),
  period: Type.Optional(
    Type.String({
      minLength: 4,
      maxLength: 10,
      description: 'The period reported on (2025, 2025-26, 2025-S1…); default: the year of asOf',
    }),
  ),
});

/** The HTML page (text) or the PDF file (bytes, sent as they are). */
const ReportBody = Type.Unsafe<string | Buffer>({
  type: 'string',
  description: 'The report: an HTML page, or a PDF file',
});

const KINDS = {
  annual: {
    operationId: 'getAnnualReport',
    summary:
      'The annual progress report of the group or one school (summary, status matrix, priorities with indicators and actions, attention list, methodology) as HTML or PDF',
  },
  board: {
    operationId: 'getBoardPack',
    summary:
      'The board briefing pack (headline figures, status matrix, changes since the previous period, decisions needed) as HTML or PDF',
  },
} as const;

/** Registers the report routes. */
export function reportRoutes(app: App, ctx: RouteContext) {
  for (const [kind, doc] of Object.entries(KINDS) as [
    keyof typeof KINDS,
    (typeof KINDS)[keyof typeof KINDS],
  ][]) {
    app.get(
      `/api/v1/reports/${kind}`,
      {
        schema: {
          tags: ['reports'],
          operationId: doc.operationId,
          summary: doc.summary,
          querystring: ReportQuery,
          produces: ['text/html', 'application/pdf'],
          response: { 200: ReportBody, ...problems, 401: Problem },
        },
      },
      async (request, reply) => {
        const report = await ctx.services.reports.render(await ctx.scope(request), {
          kind,
          format: request.query.format ?? 'html',
          lang: request.query.lang ?? 'fr',
          unitId: request.query.unitId,
          asOf: request.query.asOf,
          period: request.query.period,
        });
        const disposition = report.contentType === 'application/pdf' ? 'attachment' : 'inline';
        void reply
          .type(report.contentType)
          .header('Content-Disposition', `${disposition}; filename="${report.fileName}"`);
        // A PDF's bytes are sent as they are; the HTML text is not JSON-encoded.
        if (typeof report.body !== 'string') return reply.send(report.body);
        return reply.serializer((payload: string) => payload).send(report.body);
      },
    );
  }
}
