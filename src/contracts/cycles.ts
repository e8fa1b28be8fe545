/** Contracts of reporting cycles, check-ins and "my work". */
import Type, { type Static } from 'typebox';
import {
  CHECK_IN_ACTIONS,
  CHECK_IN_STATES,
  ITEM_STATES,
  REPORTED_STATUSES,
} from '../domain/check-in.ts';
import {
  AsOfQuery,
  Bilingual,
  BilingualTitle,
  Code,
  ElementRef,
  Id,
  IsoDate,
  IsoDateTime,
  PeriodText,
  StatusSchema,
  UnitRef,
} from './common.ts';

export const ItemStateSchema = Type.Enum(ITEM_STATES);
export const CheckInStateSchema = Type.Enum(CHECK_IN_STATES);
export const ReportedStatusSchema = Type.Enum(REPORTED_STATUSES);

/** Counts of a set of items by state. */
export const Completion = Type.Object({
  total: Type.Integer(),
  notStarted: Type.Integer(),
  draft: Type.Integer(),
  submitted: Type.Integer(),
  returned: Type.Integer(),
  validated: Type.Integer(),
  rate: Type.Number({ description: 'Share of items validated, 0 to 1' }),
});
export type Completion = Static<typeof Completion>;

export const Cycle = Type.Object({
  id: Id,
  code: Type.String(),
  title: Bilingual,
  period: Type.String(),
  opensOn: Type.String(),
  dueOn: Type.String(),
  reminderOffsets: Type.Array(Type.Integer()),
  escalateAfterDays: Type.Integer(),
  weeklyDigest: Type.Boolean(),
  closed: Type.Boolean(),
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
  version: Type.Integer(),
  completion: Completion,
});
export type Cycle = Static<typeof Cycle>;

/** A person an item is assigned to. */
export const Assignee = Type.Object({ id: Id, label: Type.String() });
export type Assignee = Static<typeof Assignee>;

/** The people a cycle's check-ins may be assigned to: id and name only (strategy office). */
export const AssignablePeople = Type.Object({ items: Type.Array(Assignee) });
export type AssignablePeople = Static<typeof AssignablePeople>;

/** One item of a cycle with the state of its check-in. */
export const CheckInCard = Type.Object({
  id: Id,
  cycle: Type.Object({
    id: Id,
    code: Type.String(),
    title: Bilingual,
    dueOn: Type.String(),
    closed: Type.Boolean(),
  }),
  kind: Type.Union([Type.Literal('element'), Type.Literal('action')]),
  target: Type.Object({ id: Id, code: Type.String(), title: Bilingual }),
  unit: UnitRef,
  assignees: Type.Array(Assignee),
  state: ItemStateSchema,
  status: Type.Union([ReportedStatusSchema, Type.Null()]),
  updatedAt: Type.Union([IsoDateTime, Type.Null()]),
  overdue: Type.Boolean(),
});
export type CheckInCard = Static<typeof CheckInCard>;

/** Completion of the items of one school, or of one priority. */
export const CompletionRow = Type.Object({
  unit: Type.Optional(UnitRef),
  priority: Type.Optional(Type.Union([ElementRef, Type.Null()])),
  completion: Completion,
});
export type CompletionRow = Static<typeof CompletionRow>;

export const CycleDetail = Type.Object({
  cycle: Cycle,
  etag: Type.String(),
  items: Type.Array(CheckInCard),
  bySchool: Type.Array(CompletionRow),
  byPriority: Type.Array(CompletionRow),
});
export type CycleDetail = Static<typeof CycleDetail>;

export const EvidenceLink = Type.Object(
  {
    label: Type.String({ maxLength: 200 }),
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'An http(s) address (other schemes are refused)',
    }),
  },
  { additionalProperties: false },
);
export type EvidenceLink = Static<typeof EvidenceLink>;

/** One recorded state of a check-in. */
export const CheckInEntry = Type.Object({
  seq: Type.Integer(),
  state: CheckInStateSchema,
  status: Type.Union([ReportedStatusSchema, Type.Null()]),
  summary: Type.String(),
  risks: Type.String(),
  nextSteps: Type.String(),
  explanation: Type.String(),
  evidence: Type.Array(EvidenceLink),
  comment: Type.String(),
  supersedeReason: Type.Union([Type.String(), Type.Null()]),
  recordedAt: IsoDateTime,
  recordedBy: Type.String(),
});
export type CheckInEntry = Static<typeof CheckInEntry>;

/** A figure due for the cycle: an indicator of the element, for the item's unit and period. */
export const DueFigure = Type.Object({
  indicatorId: Id,
  code: Type.String(),
  name: Bilingual,
  unitLabel: Type.String(),
  period: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
});
export type DueFigure = Static<typeof DueFigure>;

export const CheckInDetail = Type.Object({
  card: CheckInCard,
  etag: Type.String(),
  current: Type.Union([CheckInEntry, Type.Null()]),
  history: Type.Array(CheckInEntry),
  figures: Type.Array(DueFigure),
  computedStatus: StatusSchema,
  canWrite: Type.Boolean(),
  canValidate: Type.Boolean(),
});
export type CheckInDetail = Static<typeof CheckInDetail>;

const text = (max: number) => Type.String({ maxLength: max });

/** A step of a check-in's workflow, with the content it records. */
export const CheckInWrite = Type.Object(
  {
    action: Type.Enum(CHECK_IN_ACTIONS),
    status: Type.Optional(Type.Union([ReportedStatusSchema, Type.Null()])),
    summary: Type.Optional(text(8000)),
    risks: Type.Optional(text(8000)),
    nextSteps: Type.Optional(text(8000)),
    explanation: Type.Optional(text(8000)),
    evidence: Type.Optional(Type.Array(EvidenceLink, { maxItems: 20 })),
    comment: Type.Optional(text(4000)),
    reason: Type.Optional(text(4000)),
  },
  { additionalProperties: false },
);
export type CheckInWrite = Static<typeof CheckInWrite>;

const CycleFields = {
  title: BilingualTitle,
  opensOn: IsoDate,
  dueOn: IsoDate,
  reminderOffsets: Type.Array(Type.Integer({ minimum: -90, maximum: 90 }), { maxItems: 10 }),
  escalateAfterDays: Type.Integer({ minimum: 1, maximum: 90 }),
  weeklyDigest: Type.Boolean(),
};

export const CycleCreate = Type.Object(
  {
    code: Code,
    period: PeriodText,
    ...CycleFields,
    reminderOffsets: Type.Optional(CycleFields.reminderOffsets),
    escalateAfterDays: Type.Optional(CycleFields.escalateAfterDays),
    weeklyDigest: Type.Optional(CycleFields.weeklyDigest),
    elementIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    actionIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    unitIds: Type.Optional(
      Type.Array(Id, { maxItems: 100, description: 'Only the items of these units' }),
    ),
  },
  { additionalProperties: false },
);
export type CycleCreate = Static<typeof CycleCreate>;

export const CycleUpdate = Type.Partial(
  Type.Object(
    {
      ...CycleFields,
      closed: Type.Literal(true, { description: 'Close the cycle (final)' }),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false, minProperties: 1 },
);
export type CycleUpdate = Static<typeof CycleUpdate>;

export const AssigneesUpdate = Type.Object(
  { userIds: Type.Array(Id, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type AssigneesUpdate = Static<typeof AssigneesUpdate>;

export const CheckInQuery = Type.Object({
  ...AsOfQuery.properties,
  cycleId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  actionId: Type.Optional(Id),
  state: Type.Optional(ItemStateSchema),
});

/** What is due, overdue, returned and waiting for validation, for the signed-in user. */
export const MyWork = Type.Object({
  due: Type.Array(CheckInCard),
  overdue: Type.Array(CheckInCard),
  returned: Type.Array(CheckInCard),
  toValidate: Type.Array(CheckInCard),
  digestOptOut: Type.Boolean(),
});
export type MyWork = Static<typeof MyWork>;

export const MailPreferences = Type.Object(
  { digestOptOut: Type.Boolean() },
  { additionalProperties: false },
);
export type MailPreferences = Static<typeof MailPreferences>;

/** A mail of the outbox, as the strategy office sees it. */
export const OutboxMail = Type.Object({
  id: Id,
  kind: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  createdAt: IsoDateTime,
  sentAt: Type.Union([IsoDateTime, Type.Null()]),
  attempts: Type.Integer(),
  lastError: Type.String(),
});
export type OutboxMail = Static<typeof OutboxMail>;
