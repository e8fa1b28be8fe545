/** Contracts of the risk register: risks, their reviews and the likelihood × impact matrix. */
import Type, { type Static } from 'typebox';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES } from '../domain/risk.ts';
import { Bilingual, BilingualTitle, Code, ElementRef, Id, IsoDate, UnitRef } from './common.ts';

export const RiskStatusSchema = Type.Enum(RISK_STATUSES);
export const RiskCategorySchema = Type.Enum(RISK_CATEGORIES);
export const RiskLevelSchema = Type.Enum(RISK_LEVELS);
const Rating = Type.Integer({ minimum: 1, maximum: 5 });

/** A risk as lists, element and action pages show it: its assessment as of the view's date. */
export const RiskCard = Type.Object({
  id: Id,
  code: Type.String(),
  title: Bilingual,
  unit: UnitRef,
  category: RiskCategorySchema,
  owner: Type.String(),
  status: RiskStatusSchema,
  likelihood: Rating,
  impact: Rating,
  score: Type.Integer(),
  level: RiskLevelSchema,
  reviewOn: Type.Union([Type.String(), Type.Null()]),
  reviewOverdue: Type.Boolean(),
  lastReviewedOn: Type.String(),
});
export type RiskCard = Static<typeof RiskCard>;

export const RiskReview = Type.Object({
  id: Id,
  reviewedOn: Type.String(),
  likelihood: Rating,
  impact: Rating,
  score: Type.Integer(),
  level: RiskLevelSchema,
  note: Type.String(),
  reviewer: Type.String(),
  checkInId: Type.Union([Id, Type.Null()]),
  recordedAt: Type.String(),
});
export type RiskReview = Static<typeof RiskReview>;

export const RiskDetail = Type.Object({
  risk: Type.Object({
    id: Id,
    code: Type.String(),
    title: Bilingual,
    description: Bilingual,
    mitigation: Bilingual,
    unitId: Id,
    category: RiskCategorySchema,
    owner: Type.String(),
    reviewOn: Type.Union([Type.String(), Type.Null()]),
    status: RiskStatusSchema,
    elementIds: Type.Array(Id),
    actionIds: Type.Array(Id),
    version: Type.Integer(),
  }),
  etag: Type.String(),
  asOf: Type.String(),
  card: RiskCard,
  elements: Type.Array(ElementRef),
  actions: Type.Array(Type.Object({ id: Id, code: Type.String(), title: Bilingual })),
  /** Reviews recorded by the end of `asOf`, latest first. */
  reviews: Type.Array(RiskReview),
});
export type RiskDetail = Static<typeof RiskDetail>;

const RiskFields = {
  title: BilingualTitle,
  description: Type.Optional(Bilingual),
  mitigation: Type.Optional(Bilingual),
  unitId: Id,
  category: Type.Optional(RiskCategorySchema),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  reviewOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  status: Type.Optional(RiskStatusSchema),
  elementIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  actionIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
};

/** A new risk with its first assessment (recorded as its first review). */
export const RiskCreate = Type.Object(
  { code: Code, likelihood: Rating, impact: Rating, ...RiskFields },
  { additionalProperties: false },
);
export type RiskCreate = Static<typeof RiskCreate>;

/** Changes to a risk; its likelihood and impact change only by a review. */
export const RiskUpdate = Type.Partial(
  Type.Object({ code: Code, ...RiskFields }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type RiskUpdate = Static<typeof RiskUpdate>;

/** A review: a new assessment with its note; it may also set the status and next review date. */
export const RiskReviewCreate = Type.Object(
  {
    reviewedOn: Type.Optional(IsoDate),
    likelihood: Rating,
    impact: Rating,
    note: Type.String({ maxLength: 4000 }),
    status: Type.Optional(RiskStatusSchema),
    reviewOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RiskReviewCreate = Static<typeof RiskReviewCreate>;

export const RiskQuery = Type.Object({
  unitId: Type.Optional(Id),
  /** Risks linked to this element, to one below it, or to an action serving one of them. */
  elementId: Type.Optional(Id),
  actionId: Type.Optional(Id),
  status: Type.Optional(RiskStatusSchema),
  level: Type.Optional(RiskLevelSchema),
  likelihood: Type.Optional(Rating),
  impact: Type.Optional(Rating),
  asOf: Type.Optional(Type.String({ format: 'date' })),
});
export type RiskQuery = Static<typeof RiskQuery>;

/** The 5 × 5 matrix: risk counts per likelihood × impact (closed risks left out). */
export const RiskMatrix = Type.Object({
  asOf: Type.String(),
  total: Type.Integer(),
  cells: Type.Array(
    Type.Object({
      likelihood: Rating,
      impact: Rating,
      score: Type.Integer(),
      level: RiskLevelSchema,
      count: Type.Integer(),
    }),
  ),
});
export type RiskMatrix = Static<typeof RiskMatrix>;

export const RiskMatrixQuery = Type.Object({
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  asOf: Type.Optional(Type.String({ format: 'date' })),
});
export type RiskMatrixQuery = Static<typeof RiskMatrixQuery>;
