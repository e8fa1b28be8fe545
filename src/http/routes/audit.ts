/** The audit trail: an entity's history, and the export of a period (CSV or JSON). */
import Type from 'typebox';
import { AuditEvent, Id, Problem } from '../../contracts/index.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'actorUserId',
  'unitId',
  'entityType',
  'entityId',
  'action',
  'before',
  'after',
  'requestId',
] as const;

/** A CSV cell: quoted, and neutralised when a spreadsheet would read it as a formula. */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  if (/^[=+\-@\t\r\0]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** Registers the audit routes. */
export function auditRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/audit/:entityType/:id',
    {
      schema: {
        tags: ['audit'],
        operationId: 'getHistory',
        summary: 'History of an element, indicator, action or risk, newest first',
        params: Type.Object({
          entityType: Type.Union([
            Type.Literal('element'),
            Type.Literal('indicator'),
            Type.Literal('action'),
            Type.Literal('risk'),
          ]),
          id: Id,
        }),
        response: {
          200: Type.Object({ items: Type.Array(AuditEvent) }),
          ...problems,
          401: Problem,
        },
      },
    },
    async (request) => ({
      items: await ctx.services.audit.history(
        await ctx.scope(request),
        request.params.entityType,
        request.params.id,
      ),
    }),
  );

  const querystring = Type.Object({
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  });

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAudit',
        summary: 'The audit trail of a period, oldest first (strategy office)',
        querystring,
        response: {
          200: Type.Object({ items: Type.Array(AuditEvent) }),
          ...problems,
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => ({
      items: await ctx.services.audit.export(await ctx.scope(request), request.query),
    }),
  );

  app.get(
    '/api/v1/audit.csv',
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditCsv',
        summary:
          'The audit trail of a period as CSV (UTF-8 with BOM; formula-like cells neutralised)',
        querystring,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...problems, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const items = await ctx.services.audit.export(await ctx.scope(request), request.query);
      const lines = [
        CSV_COLUMNS.join(','),
        ...items.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="strata-audit.csv"')
        .serializer((payload: string) => payload)
        .send(`\ufeff${lines.join('\r\n')}\r\n`);
    },
  );
}
