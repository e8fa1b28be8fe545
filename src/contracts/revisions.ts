/** Contracts of plan revisions: the list, adoption, the diff of two revisions, mid-term reviews. */
import Type, { type Static } from 'typebox';
import { Bilingual, Id, IsoDate, IsoDateTime } from './common.ts';

export const RevisionKindSchema = Type.Union([
  Type.Literal('initial'),
  Type.Literal('revision'),
  Type.Literal('mid_term'),
]);

export const PlanRevision = Type.Object({
  id: Id,
  number: Type.Integer(),
  label: Type.String(),
  kind: RevisionKindSchema,
  reason: Type.String(),
  adoptedOn: Type.Union([IsoDate, Type.Null()]),
  adoptedAt: IsoDateTime,
  adoptedBy: Type.String(),
});
export type PlanRevision = Static<typeof PlanRevision>;

export const PlanReview = Type.Object({
  id: Id,
  label: Type.String(),
  baseRevision: Type.Integer(),
  startedAt: IsoDateTime,
  startedBy: Type.String(),
});
export type PlanReview = Static<typeof PlanReview>;

export const RevisionList = Type.Object({
  planId: Id,
  items: Type.Array(PlanRevision),
  /** The open mid-term review, if one is under way. */
  review: Type.Union([PlanReview, Type.Null()]),
});
export type RevisionList = Static<typeof RevisionList>;

const DiffElement = Type.Object({
  code: Type.String(),
  level: Type.String(),
  title: Bilingual,
  parent: Type.Union([Type.String(), Type.Null()]),
});

export const RevisionDiffDto = Type.Object({
  from: Type.Integer({ description: 'Revision number' }),
  /** A revision number, or null for the plan as it stands now. */
  to: Type.Union([Type.Integer(), Type.Null()]),
  added: Type.Array(DiffElement),
  removed: Type.Array(DiffElement),
  renamed: Type.Array(Type.Object({ code: Type.String(), from: Bilingual, to: Bilingual })),
  moved: Type.Array(
    Type.Object({
      code: Type.String(),
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  targets: Type.Array(
    Type.Object({
      key: Type.String(),
      indicator: Type.String(),
      unit: Type.Union([Type.String(), Type.Null()]),
      kind: Type.String(),
      period: Type.String(),
      from: Type.Union([Type.Number(), Type.Null()]),
      to: Type.Union([Type.Number(), Type.Null()]),
      reason: Type.String(),
    }),
  ),
});
export type RevisionDiffDto = Static<typeof RevisionDiffDto>;

export const RevisionDiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  to: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: 'Revision number; omitted: the plan as it stands now',
    }),
  ),
});

export const RevisionAdopt = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    reason: Type.Optional(Type.String({ maxLength: 4000 })),
    adoptedOn: Type.Optional(IsoDate),
    /** The reason for each target changed since the previous revision, by target key. */
    targetReasons: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({
              minLength: 1,
              maxLength: 300,
              description: 'indicator/kind/period[/unit], as the diff names it',
            }),
            reason: Type.String({ maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 2000 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RevisionAdopt = Static<typeof RevisionAdopt>;

export const ReviewStart = Type.Object(
  { label: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })) },
  { additionalProperties: false },
);
export type ReviewStart = Static<typeof ReviewStart>;
