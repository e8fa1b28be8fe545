/** Contracts of the data area: imports, exports, templates, publication and open data. */
import Type, { type Static } from 'typebox';
import { Id } from './common.ts';

export const ImportKindSchema = Type.Enum([
  'measurements',
  'targets',
  'indicators',
  'actions',
  'partners',
  'agreements',
]);

/** Query of an import: the file travels as the raw request body (CSV or XLSX). */
export const ImportQuery = Type.Object({
  fileName: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The file name (.csv or .xlsx)',
  }),
  kind: Type.Optional(ImportKindSchema),
  dryRun: Type.Optional(Type.Boolean({ description: 'Check only: report, write nothing' })),
});

export const CellProblem = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  field: Type.String(),
  message: Type.String(),
});

export const ImportReport = Type.Object({
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  kind: ImportKindSchema,
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  problems: Type.Array(CellProblem),
});
export type ImportReport = Static<typeof ImportReport>;

export const ExportFormatSchema = Type.Union([
  Type.Literal('csv'),
  Type.Literal('xlsx'),
  Type.Literal('json'),
]);
export const SeparatorSchema = Type.Union([Type.Literal('semicolon'), Type.Literal('comma')]);
export const LocaleSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);

export const ExportParams = Type.Object({
  dataset: Type.Enum(['indicators', 'actions', 'dashboard', 'measurements']),
});

export const ExportQuery = Type.Object({
  format: Type.Optional(ExportFormatSchema),
  separator: Type.Optional(SeparatorSchema),
  locale: Type.Optional(LocaleSchema),
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  planId: Type.Optional(Id),
  indicatorId: Type.Optional(Id),
  asOf: Type.Optional(Type.String({ format: 'date' })),
});

export const TemplateParams = Type.Object({ kind: ImportKindSchema });
export const TemplateQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
  separator: Type.Optional(SeparatorSchema),
  locale: Type.Optional(LocaleSchema),
  elementId: Type.Optional(Id),
  period: Type.Optional(Type.String({ minLength: 4, maxLength: 10 })),
});

export const PublicationBody = Type.Object(
  { published: Type.Boolean() },
  { additionalProperties: false },
);
export const PublicationResult = Type.Object({ id: Id, published: Type.Boolean() });
export type PublicationResult = Static<typeof PublicationResult>;
export const PublicationStatus = Type.Object({
  elementIds: Type.Array(Id),
  indicatorIds: Type.Array(Id),
});
export type PublicationStatus = Static<typeof PublicationStatus>;

export const OpenDatasetParams = Type.Object({
  dataset: Type.Enum(['elements', 'indicators', 'figures']),
});
export const OpenDatasetQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])),
  separator: Type.Optional(SeparatorSchema),
  locale: Type.Optional(LocaleSchema),
});

/** A table of open data as JSON: its licence, columns and rows. */
export const OpenTable = Type.Object({
  licence: Type.String(),
  licenceUrl: Type.String(),
  columns: Type.Array(Type.Object({ key: Type.String(), fr: Type.String(), en: Type.String() })),
  items: Type.Array(
    Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
  ),
});
export type OpenTable = Static<typeof OpenTable>;
