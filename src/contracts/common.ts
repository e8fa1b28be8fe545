/**
 * Schemas shared by every API contract: identifiers, bilingual text, statuses, problems.
 * The server validates and serialises with them; the web client and the tests take their types.
 */
import Type, { type Static } from 'typebox';
import {
  ACTION_STATES,
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  PLAN_STATUSES,
  PROVENANCES,
  STATUSES,
  TARGET_KINDS,
  UNIT_KINDS,
} from '../domain/types.ts';

export const Id = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const Code = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'Short code, unique in its scope (e.g. A1, GRAD-ENG)',
});
export const PeriodText = Type.String({
  minLength: 4,
  maxLength: 10,
  description: 'Period: 2025, 2025-26 (academic year), 2025-S1, 2025-Q3 or 2025-07',
});
export const IsoDate = Type.String({ format: 'date', description: 'ISO date, yyyy-mm-dd' });
export const IsoDateTime = Type.String({ format: 'date-time' });

export const Bilingual = Type.Object(
  { fr: Type.String({ maxLength: 4000 }), en: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false, description: 'Text in French and English' },
);
export type Bilingual = Static<typeof Bilingual>;
/** A required bilingual title: both languages non-empty. */
export const BilingualTitle = Type.Object(
  {
    fr: Type.String({ minLength: 1, maxLength: 500 }),
    en: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const StatusSchema = Type.Enum(STATUSES);
export const ProvenanceSchema = Type.Enum(PROVENANCES);
export const DirectionSchema = Type.Enum(DIRECTIONS);
export const FrequencySchema = Type.Enum(FREQUENCIES);
export const AggregationSchema = Type.Enum(AGGREGATIONS);
export const UnitKindSchema = Type.Enum(UNIT_KINDS);
export const PlanStatusSchema = Type.Enum(PLAN_STATUSES);
export const ActionStateSchema = Type.Enum(ACTION_STATES);
export const TargetKindSchema = Type.Enum(TARGET_KINDS);

/** A rolled-up status: score in [0, 1] (null without data) and how many items were scored. */
export const StatusSummary = Type.Object({
  status: StatusSchema,
  score: Type.Union([Type.Number(), Type.Null()]),
  scored: Type.Integer(),
  total: Type.Integer(),
});
export type StatusSummary = Static<typeof StatusSummary>;

export const PeriodValue = Type.Object({ period: PeriodText, value: Type.Number() });
export type PeriodValue = Static<typeof PeriodValue>;

/** RFC 9457 problem details, with a stable `code` and the fields at fault. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String({ description: 'Stable machine-readable error code' }),
  detail: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(
      Type.Object({
        field: Type.String({ description: 'JSON pointer-like path of the field, e.g. /value' }),
        message: Type.String(),
      }),
    ),
  ),
});
export type Problem = Static<typeof Problem>;

/** A unit as other resources refer to it. */
export const UnitRef = Type.Object({
  id: Id,
  code: Type.String(),
  kind: UnitKindSchema,
  name: Bilingual,
  shortName: Type.String(),
});
export type UnitRef = Static<typeof UnitRef>;

/** An element as other resources refer to it. */
export const ElementRef = Type.Object({
  id: Id,
  planId: Id,
  code: Type.String(),
  level: Type.String(),
  title: Bilingual,
});
export type ElementRef = Static<typeof ElementRef>;

export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

/** A page of a list. */
export function Page<T extends Type.TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });
}

export const AsOfQuery = Type.Object({
  asOf: Type.Optional(
    Type.String({
      format: 'date',
      description: 'View the data as recorded at the end of this day',
    }),
  ),
});
