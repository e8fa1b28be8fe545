/** Contracts of the workspace overview: the group, its units, facets and plans. */
import Type, { type Static } from 'typebox';
import { Bilingual, Id, PlanStatusSchema, UnitKindSchema } from './common.ts';

export const Unit = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  code: Type.String(),
  kind: UnitKindSchema,
  name: Bilingual,
  shortName: Type.String(),
  city: Type.String(),
  region: Type.String(),
});
export type Unit = Static<typeof Unit>;

export const FacetValue = Type.Object({
  id: Id,
  code: Type.String(),
  name: Bilingual,
  description: Bilingual,
});
export type FacetValue = Static<typeof FacetValue>;

export const Facet = Type.Object({
  id: Id,
  code: Type.String(),
  name: Bilingual,
  values: Type.Array(FacetValue),
});
export type Facet = Static<typeof Facet>;

export const LevelDef = Type.Object({ key: Type.String(), name: Bilingual });
export type LevelDef = Static<typeof LevelDef>;

export const PlanSummary = Type.Object({
  id: Id,
  code: Type.String(),
  unitId: Id,
  title: Bilingual,
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  status: PlanStatusSchema,
  adoptedOn: Type.Union([Type.String(), Type.Null()]),
  alignsToPlanId: Type.Union([Id, Type.Null()]),
  levels: Type.Array(LevelDef),
  rollupThresholds: Type.Object({ onTrack: Type.Number(), atRisk: Type.Number() }),
});
export type PlanSummary = Static<typeof PlanSummary>;

/** Everything the web app needs to start: the workspace, its units, facets and plans. */
export const WorkspaceOverview = Type.Object({
  workspace: Type.Object({ id: Id, slug: Type.String(), name: Bilingual, mission: Bilingual }),
  units: Type.Array(Unit),
  facets: Type.Array(Facet),
  plans: Type.Array(PlanSummary),
  /** The group plan: the adopted plan of the root unit. */
  groupPlanId: Type.Union([Id, Type.Null()]),
});
export type WorkspaceOverview = Static<typeof WorkspaceOverview>;
