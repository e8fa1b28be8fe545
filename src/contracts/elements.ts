/** Contracts of plan elements: the plan tree, an element's page, element writes. */
import Type, { type Static } from 'typebox';
import {
  Bilingual,
  BilingualTitle,
  Code,
  ElementRef,
  Id,
  StatusSummary,
  UnitRef,
} from './common.ts';
import { IndicatorCard } from './indicators.ts';
import { ActionCard } from './actions.ts';

/** A node of the plan tree, with its rolled-up status. */
export const TreeNode = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  code: Type.String(),
  level: Type.String(),
  title: Bilingual,
  ownerUnitId: Type.Union([Id, Type.Null()]),
  weight: Type.Number(),
  facetValueIds: Type.Array(Id),
  indicatorIds: Type.Array(Id),
  actionIds: Type.Array(Id),
  status: StatusSummary,
});
export type TreeNode = Static<typeof TreeNode>;

/** A plan as a flat list of nodes in tree order (parents before children, siblings by order). */
export const PlanTree = Type.Object({
  planId: Id,
  asOf: Type.String(),
  nodes: Type.Array(TreeNode),
});
export type PlanTree = Static<typeof PlanTree>;

export const ElementDetail = Type.Object({
  element: Type.Object({
    id: Id,
    planId: Id,
    parentId: Type.Union([Id, Type.Null()]),
    code: Type.String(),
    level: Type.String(),
    title: Bilingual,
    description: Bilingual,
    ownerUnit: Type.Union([UnitRef, Type.Null()]),
    lead: Type.String(),
    weight: Type.Number(),
    facetValueIds: Type.Array(Id),
    version: Type.Integer(),
  }),
  etag: Type.String(),
  asOf: Type.String(),
  breadcrumb: Type.Array(ElementRef),
  status: StatusSummary,
  children: Type.Array(Type.Object({ element: ElementRef, status: StatusSummary })),
  indicators: Type.Array(IndicatorCard),
  actions: Type.Array(ActionCard),
  /** School elements that serve this element (when it is a group element). */
  alignedFrom: Type.Array(
    Type.Object({ element: ElementRef, unit: UnitRef, status: StatusSummary }),
  ),
  /** Group elements this element serves (when it is a school element). */
  alignsTo: Type.Array(ElementRef),
  /** Status of this element evaluated for each unit with figures. */
  byUnit: Type.Array(Type.Object({ unitId: Id, status: StatusSummary })),
});
export type ElementDetail = Static<typeof ElementDetail>;

export const ElementCreate = Type.Object(
  {
    parentId: Type.Union([Id, Type.Null()]),
    code: Code,
    level: Type.String({ minLength: 1 }),
    title: BilingualTitle,
    description: Type.Optional(Bilingual),
    ownerUnitId: Type.Optional(Type.Union([Id, Type.Null()])),
    lead: Type.Optional(Type.String({ maxLength: 200 })),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    facetValueIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type ElementCreate = Static<typeof ElementCreate>;

export const ElementUpdate = Type.Object(
  {
    code: Type.Optional(Code),
    title: Type.Optional(BilingualTitle),
    description: Type.Optional(Bilingual),
    ownerUnitId: Type.Optional(Type.Union([Id, Type.Null()])),
    lead: Type.Optional(Type.String({ maxLength: 200 })),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    facetValueIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ElementUpdate = Static<typeof ElementUpdate>;

/** The alignment view: for each group element, the school elements that serve it. */
export const AlignmentView = Type.Object({
  groupPlanId: Id,
  asOf: Type.String(),
  rows: Type.Array(
    Type.Object({
      element: ElementRef,
      status: StatusSummary,
      aligned: Type.Array(
        Type.Object({ element: ElementRef, unit: UnitRef, status: StatusSummary }),
      ),
    }),
  ),
  /** Units with a plan that aligns to the group plan, and how many of their elements align. */
  units: Type.Array(
    Type.Object({ unit: UnitRef, planId: Id, elements: Type.Integer(), aligned: Type.Integer() }),
  ),
});
export type AlignmentView = Static<typeof AlignmentView>;
