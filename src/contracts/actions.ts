/** Contracts of actions and their milestones. */
import Type, { type Static } from 'typebox';
import {
  ActionStateSchema,
  Bilingual,
  BilingualTitle,
  Code,
  ElementRef,
  Id,
  IsoDate,
  ProvenanceSchema,
  StatusSchema,
  UnitRef,
} from './common.ts';

/** An action with its computed status, as lists and element pages show it. */
export const ActionCard = Type.Object({
  id: Id,
  code: Type.String(),
  title: Bilingual,
  leadUnit: UnitRef,
  owner: Type.String(),
  startDate: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  state: ActionStateSchema,
  progress: Type.Integer(),
  status: StatusSchema,
  expectedProgress: Type.Union([Type.Number(), Type.Null()]),
  overdue: Type.Boolean(),
  provenance: ProvenanceSchema,
});
export type ActionCard = Static<typeof ActionCard>;

export const Milestone = Type.Object({
  id: Id,
  title: Bilingual,
  dueDate: Type.String(),
  doneOn: Type.Union([Type.String(), Type.Null()]),
});
export type Milestone = Static<typeof Milestone>;

export const ActionDetail = Type.Object({
  action: Type.Object({
    id: Id,
    code: Type.String(),
    title: Bilingual,
    description: Bilingual,
    leadUnitId: Id,
    unitIds: Type.Array(Id),
    owner: Type.String(),
    startDate: Type.Union([Type.String(), Type.Null()]),
    dueDate: Type.Union([Type.String(), Type.Null()]),
    state: ActionStateSchema,
    progress: Type.Integer(),
    budget: Type.Union([Type.Number(), Type.Null()]),
    weight: Type.Number(),
    provenance: ProvenanceSchema,
    elementIds: Type.Array(Id),
    facetValueIds: Type.Array(Id),
    version: Type.Integer(),
  }),
  etag: Type.String(),
  card: ActionCard,
  elements: Type.Array(ElementRef),
  units: Type.Array(UnitRef),
  milestones: Type.Array(Milestone),
});
export type ActionDetail = Static<typeof ActionDetail>;

const ActionFields = {
  title: BilingualTitle,
  description: Type.Optional(Bilingual),
  leadUnitId: Id,
  unitIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  startDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  dueDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  state: Type.Optional(ActionStateSchema),
  progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  budget: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e13 }), Type.Null()])),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  provenance: Type.Optional(ProvenanceSchema),
  elementIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  facetValueIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
};

export const ActionCreate = Type.Object(
  { code: Code, ...ActionFields },
  { additionalProperties: false },
);
export type ActionCreate = Static<typeof ActionCreate>;

export const ActionUpdate = Type.Partial(
  Type.Object({ code: Code, ...ActionFields }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type ActionUpdate = Static<typeof ActionUpdate>;

export const ActionQuery = Type.Object({
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  status: Type.Optional(StatusSchema),
  asOf: Type.Optional(Type.String({ format: 'date' })),
});
