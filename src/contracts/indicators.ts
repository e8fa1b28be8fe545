/** Contracts of indicators: definitions, series, trajectories, status, forecast, writes. */
import Type, { type Static } from 'typebox';
import {
  AggregationSchema,
  Bilingual,
  BilingualTitle,
  Code,
  DirectionSchema,
  ElementRef,
  FrequencySchema,
  Id,
  PeriodText,
  PeriodValue,
  ProvenanceSchema,
  StatusSchema,
  TargetKindSchema,
  UnitRef,
} from './common.ts';

export const IndicatorStatusDto = Type.Object({
  status: StatusSchema,
  progress: Type.Union([Type.Number(), Type.Null()]),
  latest: Type.Union([PeriodValue, Type.Null()]),
  expected: Type.Union([Type.Number(), Type.Null()]),
  baseline: Type.Union([Type.Number(), Type.Null()]),
  stale: Type.Boolean(),
  staleAfter: Type.Union([Type.String(), Type.Null()]),
});
export type IndicatorStatusDto = Static<typeof IndicatorStatusDto>;

export const ForecastDto = Type.Object({
  trendPerPeriod: Type.Union([Type.Number(), Type.Null()]),
  projected: Type.Union([Type.Number(), Type.Null()]),
  requiredPerPeriod: Type.Union([Type.Number(), Type.Null()]),
  periodsLeft: Type.Integer(),
  likely: Type.Union([Type.Boolean(), Type.Null()]),
  basis: Type.Integer(),
  targetPeriod: PeriodText,
  targetValue: Type.Number(),
});
export type ForecastDto = Static<typeof ForecastDto>;

export const TargetPointDto = Type.Object({
  id: Id,
  kind: TargetKindSchema,
  period: PeriodText,
  value: Type.Number(),
  provenance: ProvenanceSchema,
  source: Type.String(),
  reason: Type.String(),
});
export type TargetPointDto = Static<typeof TargetPointDto>;

/** The definition of an indicator. */
export const Indicator = Type.Object({
  id: Id,
  code: Type.String(),
  name: Bilingual,
  definition: Bilingual,
  unitLabel: Type.String(),
  decimals: Type.Integer(),
  direction: DirectionSchema,
  rangeMin: Type.Union([Type.Number(), Type.Null()]),
  rangeMax: Type.Union([Type.Number(), Type.Null()]),
  frequency: FrequencySchema,
  aggregation: AggregationSchema,
  weightIndicatorId: Type.Union([Id, Type.Null()]),
  numeratorIndicatorId: Type.Union([Id, Type.Null()]),
  denominatorIndicatorId: Type.Union([Id, Type.Null()]),
  ratioScale: Type.Number(),
  source: Type.String(),
  ownerUnitId: Type.Union([Id, Type.Null()]),
  owner: Type.String(),
  thresholds: Type.Object({ onTrack: Type.Number(), atRisk: Type.Number() }),
  graceDays: Type.Integer(),
  isPublic: Type.Boolean(),
  isHeadline: Type.Boolean(),
  unitIds: Type.Array(Id),
  facetValueIds: Type.Array(Id),
  version: Type.Integer(),
});
export type Indicator = Static<typeof Indicator>;

/** An indicator with its group status, as lists and element pages show it. */
export const IndicatorCard = Type.Object({
  id: Id,
  code: Type.String(),
  name: Bilingual,
  unitLabel: Type.String(),
  decimals: Type.Integer(),
  direction: DirectionSchema,
  isHeadline: Type.Boolean(),
  status: IndicatorStatusDto,
  /** Where the group value comes from: reported for the group, or aggregated from units. */
  origin: Type.Union([Type.Literal('reported'), Type.Literal('aggregated'), Type.Null()]),
  provenance: Type.Union([ProvenanceSchema, Type.Null()]),
  coverage: Type.Union([
    Type.Object({ reporting: Type.Integer(), expected: Type.Integer() }),
    Type.Null(),
  ]),
  target: Type.Union([PeriodValue, Type.Null()]),
  sparkline: Type.Array(PeriodValue),
});
export type IndicatorCard = Static<typeof IndicatorCard>;

export const SeriesPoint = Type.Object({
  period: PeriodText,
  value: Type.Number(),
  provenance: ProvenanceSchema,
  source: Type.String(),
  validated: Type.Boolean(),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const GroupPoint = Type.Object({
  period: PeriodText,
  value: Type.Number(),
  origin: Type.Union([Type.Literal('reported'), Type.Literal('aggregated')]),
  provenance: ProvenanceSchema,
  source: Type.String(),
  reporting: Type.Integer(),
  expected: Type.Integer(),
});
export type GroupPoint = Static<typeof GroupPoint>;

export const IndicatorDetail = Type.Object({
  indicator: Indicator,
  etag: Type.String(),
  asOf: Type.String(),
  elements: Type.Array(ElementRef),
  group: Type.Object({
    series: Type.Array(GroupPoint),
    targets: Type.Array(TargetPointDto),
    expected: Type.Array(PeriodValue),
    status: IndicatorStatusDto,
    forecast: Type.Union([ForecastDto, Type.Null()]),
  }),
  units: Type.Array(
    Type.Object({
      unit: UnitRef,
      series: Type.Array(SeriesPoint),
      targets: Type.Array(TargetPointDto),
      expected: Type.Array(PeriodValue),
      status: IndicatorStatusDto,
      forecast: Type.Union([ForecastDto, Type.Null()]),
    }),
  ),
});
export type IndicatorDetail = Static<typeof IndicatorDetail>;

const IndicatorFields = {
  name: BilingualTitle,
  definition: Type.Optional(Bilingual),
  unitLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  direction: DirectionSchema,
  rangeMin: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  rangeMax: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  frequency: FrequencySchema,
  aggregation: Type.Optional(AggregationSchema),
  weightIndicatorId: Type.Optional(Type.Union([Id, Type.Null()])),
  numeratorIndicatorId: Type.Optional(Type.Union([Id, Type.Null()])),
  denominatorIndicatorId: Type.Optional(Type.Union([Id, Type.Null()])),
  ratioScale: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6 })),
  source: Type.Optional(Type.String({ maxLength: 1000 })),
  ownerUnitId: Type.Optional(Type.Union([Id, Type.Null()])),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  thresholds: Type.Optional(
    Type.Object(
      {
        onTrack: Type.Number({ minimum: 0, maximum: 2 }),
        atRisk: Type.Number({ minimum: 0, maximum: 2 }),
      },
      { additionalProperties: false },
    ),
  ),
  graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  isPublic: Type.Optional(Type.Boolean()),
  isHeadline: Type.Optional(Type.Boolean()),
  unitIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
  elementIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  facetValueIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
};

export const IndicatorCreate = Type.Object(
  { code: Code, ...IndicatorFields },
  { additionalProperties: false },
);
export type IndicatorCreate = Static<typeof IndicatorCreate>;

export const IndicatorUpdate = Type.Partial(
  Type.Object({ code: Code, ...IndicatorFields }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type IndicatorUpdate = Static<typeof IndicatorUpdate>;

/** A recorded figure, current or superseded. */
export const Measurement = Type.Object({
  id: Id,
  indicatorId: Id,
  unitId: Id,
  period: PeriodText,
  value: Type.Union([Type.Number(), Type.Null()]),
  provenance: ProvenanceSchema,
  source: Type.String(),
  note: Type.String(),
  validated: Type.Boolean(),
  supersedesId: Type.Union([Id, Type.Null()]),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
  /** True when no later record for the same indicator, unit and period exists. */
  current: Type.Boolean(),
  etag: Type.String(),
});
export type Measurement = Static<typeof Measurement>;

/**
 * A new figure. When the indicator × unit × period already has one, this is a correction: it
 * must carry `If-Match` with the current figure's ETag, and a note giving the reason.
 */
export const MeasurementCreate = Type.Object(
  {
    unitId: Id,
    period: PeriodText,
    value: Type.Union([Type.Number({ minimum: -1e15, maximum: 1e15 }), Type.Null()]),
    provenance: ProvenanceSchema,
    source: Type.Optional(Type.String({ maxLength: 1000 })),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    validated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MeasurementCreate = Static<typeof MeasurementCreate>;

export const MeasurementQuery = Type.Object({
  unitId: Type.Optional(Id),
  history: Type.Optional(Type.Boolean({ description: 'Include superseded records' })),
  asOf: Type.Optional(Type.String({ format: 'date' })),
});

export const IndicatorListItem = Type.Object({
  card: IndicatorCard,
  frequency: FrequencySchema,
  aggregation: AggregationSchema,
  elements: Type.Array(ElementRef),
  unitCount: Type.Integer(),
});
export type IndicatorListItem = Static<typeof IndicatorListItem>;

export { UnitRef };
