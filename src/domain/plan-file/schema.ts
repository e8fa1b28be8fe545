/**
 * The plan-file format ("plan as code"): TypeBox schemas of one YAML document and of a merged
 * bundle, and the TypeScript types inferred from them. See docs/plan-format.md.
 *
 * Every object schema forbids unknown keys. Schemas may carry an `errorMessage` option: the error
 * report (schema-errors.ts) uses it instead of the generic keyword message.
 */
import Type, { type Static } from 'typebox';
import {
  ACTION_STATES,
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  PLAN_STATUSES,
  PROVENANCES,
  TARGET_KINDS,
  UNIT_KINDS,
} from '../types.ts';
import { parseIsoDate } from '../dates.ts';
import { parsePeriod } from '../period.ts';

/** The only version of the format; every file starts with `strata: 1`. */
export const PLAN_FILE_VERSION = 1;

/** Codes: a letter or digit, then letters, digits, `.`, `_` or `-` (never `/`). */
export const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

const CLOSED = { additionalProperties: false } as const;

/** A code naming a unit, plan, element, facet, facet value, indicator or action. */
export const CodeSchema = Type.String({
  pattern: CODE_PATTERN,
  maxLength: 64,
  errorMessage:
    'must be a code: a letter or digit, then letters, digits, ".", "_" or "-" (at most 64)',
});

/** A non-blank text. */
export const TextSchema = Type.String({ pattern: '\\S', errorMessage: 'must be a non-empty text' });

/** A free text that may be empty (empty is the same as absent). */
export const FreeTextSchema = Type.String();

/** A text in French and English, both non-empty. */
export const BilingualSchema = Type.Object({ fr: TextSchema, en: TextSchema }, CLOSED);

/** A calendar date `yyyy-mm-dd` (unquoted YAML dates stay text). */
export const IsoDateSchema = Type.Refine(
  Type.String({ errorMessage: 'must be a date written yyyy-mm-dd' }),
  (text) => parseIsoDate(text) !== null,
  (text) => `"${text}" is not a date written yyyy-mm-dd`,
);

/** True when a text is a period in one of its exact forms (see period.ts). */
export function isPeriodText(text: string): boolean {
  return parsePeriod(text) !== null;
}

const PERIOD_FORMS = '"2025", "2025-26", "2025-S1", "2025-Q3" or "2025-07"';

/** A period text; in YAML, quote years ("2025") so they stay text. */
export const PeriodSchema = Type.Refine(
  Type.String({ errorMessage: `must be a period in quotes: ${PERIOD_FORMS}` }),
  isPeriodText,
  (text) => `"${text}" is not a period: ${PERIOD_FORMS}`,
);

/** A year of a plan. */
export const YearSchema = Type.Integer({ minimum: 1900, maximum: 2200 });

/** Status thresholds on progress or score: on track from `onTrack`, at risk from `atRisk`. */
export const ThresholdsSchema = Type.Object(
  { onTrack: Type.Number({ minimum: 0 }), atRisk: Type.Number({ minimum: 0 }) },
  CLOSED,
);

/** Facet tags: facet code → list of value codes. */
export const FacetTagsSchema = Type.Record(Type.String(), Type.Array(CodeSchema), {
  errorMessage: 'must map facet codes to lists of value codes, e.g. { focus: [industry] }',
});

const NonNegative = Type.Number({ minimum: 0 });

/** The workspace (tenant): exactly once in a bundle. */
export const WorkspaceSchema = Type.Object(
  {
    slug: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]*$',
      maxLength: 64,
      errorMessage: 'must be a slug: lower-case letters, digits and "-"',
    }),
    name: BilingualSchema,
    mission: BilingualSchema,
  },
  CLOSED,
);

/** An organisational unit; `parent` is a unit code (absent or null for a root). */
export const UnitSchema = Type.Object(
  {
    code: CodeSchema,
    kind: Type.Enum(UNIT_KINDS),
    name: BilingualSchema,
    shortName: Type.Optional(FreeTextSchema),
    city: Type.Optional(FreeTextSchema),
    region: Type.Optional(FreeTextSchema),
    parent: Type.Optional(
      Type.Union([CodeSchema, Type.Null()], { errorMessage: 'must be a unit code or null' }),
    ),
  },
  CLOSED,
);

/** A value of a facet. */
export const FacetValueSchema = Type.Object(
  { code: CodeSchema, name: BilingualSchema, description: Type.Optional(BilingualSchema) },
  CLOSED,
);

/** A facet: a classification that cuts across the plan (strategic focus, scale, SDG, …). */
export const FacetSchema = Type.Object(
  { code: CodeSchema, name: BilingualSchema, values: Type.Array(FacetValueSchema) },
  CLOSED,
);

/** A level of a plan's tree, from the root down. */
export const LevelSchema = Type.Object({ key: CodeSchema, name: BilingualSchema }, CLOSED);

/** An indicator attached to an element: its code, or the code with a roll-up weight. */
export const ElementIndicatorSchema = Type.Union(
  [CodeSchema, Type.Object({ code: CodeSchema, weight: Type.Optional(NonNegative) }, CLOSED)],
  { errorMessage: 'must be an indicator code or { code, weight }' },
);

/** A node of a plan's tree (recursive through `children`). */
export const ElementSchema = Type.Cyclic(
  {
    Element: Type.Object(
      {
        code: CodeSchema,
        level: CodeSchema,
        title: BilingualSchema,
        description: Type.Optional(BilingualSchema),
        owner: Type.Optional(CodeSchema),
        lead: Type.Optional(FreeTextSchema),
        weight: Type.Optional(NonNegative),
        facets: Type.Optional(FacetTagsSchema),
        alignsTo: Type.Optional(Type.Array(CodeSchema)),
        indicators: Type.Optional(Type.Array(ElementIndicatorSchema)),
        children: Type.Optional(Type.Array(Type.Ref('Element'))),
      },
      CLOSED,
    ),
  },
  'Element',
);

/** A plan: the group's, or a school's aligned to it. */
export const PlanSchema = Type.Object(
  {
    code: CodeSchema,
    unit: CodeSchema,
    title: BilingualSchema,
    years: Type.Tuple([YearSchema, YearSchema], {
      errorMessage: 'must be [first year, last year], e.g. [2023, 2027]',
    }),
    status: Type.Enum(PLAN_STATUSES),
    adoptedOn: Type.Optional(IsoDateSchema),
    alignsTo: Type.Optional(
      Type.Union([CodeSchema, Type.Null()], { errorMessage: 'must be a plan code or null' }),
    ),
    levels: Type.Array(LevelSchema, { minItems: 1 }),
    rollupThresholds: Type.Optional(ThresholdsSchema),
    elements: Type.Optional(Type.Array(ElementSchema)),
  },
  CLOSED,
);

/** A dated point of an indicator's trajectory, for one unit (or the whole group when absent). */
export const TargetPointSchema = Type.Object(
  {
    kind: Type.Enum(TARGET_KINDS),
    period: PeriodSchema,
    value: Type.Number(),
    unit: Type.Optional(CodeSchema),
    provenance: Type.Enum(PROVENANCES),
    source: Type.Optional(FreeTextSchema),
    reason: Type.Optional(FreeTextSchema),
  },
  CLOSED,
);

/** An indicator with its rule, aggregation across units and trajectory points. */
export const IndicatorSchema = Type.Object(
  {
    code: CodeSchema,
    name: BilingualSchema,
    definition: Type.Optional(BilingualSchema),
    unit: TextSchema,
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    direction: Type.Enum(DIRECTIONS),
    range: Type.Optional(
      Type.Tuple([Type.Number(), Type.Number()], { errorMessage: 'must be [min, max]' }),
    ),
    frequency: Type.Enum(FREQUENCIES),
    aggregation: Type.Enum(AGGREGATIONS),
    weightIndicator: Type.Optional(CodeSchema),
    numerator: Type.Optional(CodeSchema),
    denominator: Type.Optional(CodeSchema),
    scale: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    source: Type.Optional(FreeTextSchema),
    owner: Type.Optional(CodeSchema),
    thresholds: Type.Optional(ThresholdsSchema),
    graceDays: Type.Optional(Type.Integer({ minimum: 0 })),
    public: Type.Optional(Type.Boolean()),
    headline: Type.Optional(Type.Boolean()),
    units: Type.Optional(Type.Array(CodeSchema)),
    facets: Type.Optional(FacetTagsSchema),
    targets: Type.Optional(Type.Array(TargetPointSchema)),
  },
  CLOSED,
);

/** Measurements of one indicator for one unit from one provenance and source: period → value. */
export const MeasurementSchema = Type.Object(
  {
    indicator: CodeSchema,
    unit: CodeSchema,
    provenance: Type.Enum(PROVENANCES),
    source: Type.Optional(FreeTextSchema),
    validated: Type.Optional(Type.Boolean()),
    note: Type.Optional(FreeTextSchema),
    values: Type.Record(Type.String(), Type.Number({ errorMessage: 'must be a number' }), {
      minProperties: 1,
      errorMessage: 'must map periods to numbers, e.g. { "2024": 120 }',
    }),
  },
  CLOSED,
);

/** A dated step of an action. */
export const MilestoneSchema = Type.Object(
  { title: BilingualSchema, due: IsoDateSchema, done: Type.Optional(IsoDateSchema) },
  CLOSED,
);

/** An action: led by a unit, linked to plan elements, with progress and milestones. */
export const ActionSchema = Type.Object(
  {
    code: CodeSchema,
    title: BilingualSchema,
    description: Type.Optional(BilingualSchema),
    lead: CodeSchema,
    units: Type.Optional(Type.Array(CodeSchema)),
    owner: Type.Optional(FreeTextSchema),
    start: Type.Optional(IsoDateSchema),
    due: Type.Optional(IsoDateSchema),
    state: Type.Enum(ACTION_STATES),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    budget: Type.Optional(NonNegative),
    weight: Type.Optional(NonNegative),
    provenance: Type.Enum(PROVENANCES),
    elements: Type.Optional(
      Type.Array(
        Type.String({
          pattern: '^([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*$',
          errorMessage: 'must be an element reference: PLAN/ELEMENT or ELEMENT',
        }),
      ),
    ),
    facets: Type.Optional(FacetTagsSchema),
    milestones: Type.Optional(Type.Array(MilestoneSchema)),
  },
  CLOSED,
);

/** One YAML document of a bundle: the version and any subset of the top-level keys. */
export const PlanFileDocumentSchema = Type.Object(
  {
    strata: Type.Literal(PLAN_FILE_VERSION, { errorMessage: 'must be 1 (the format version)' }),
    workspace: Type.Optional(WorkspaceSchema),
    units: Type.Optional(Type.Array(UnitSchema)),
    facets: Type.Optional(Type.Array(FacetSchema)),
    plans: Type.Optional(Type.Array(PlanSchema)),
    indicators: Type.Optional(Type.Array(IndicatorSchema)),
    measurements: Type.Optional(Type.Array(MeasurementSchema)),
    actions: Type.Optional(Type.Array(ActionSchema)),
  },
  CLOSED,
);

/** A whole merged bundle: one workspace, every list present (possibly empty). */
export const PlanFileSchema = Type.Object(
  {
    strata: Type.Literal(PLAN_FILE_VERSION),
    workspace: WorkspaceSchema,
    units: Type.Array(UnitSchema),
    facets: Type.Array(FacetSchema),
    plans: Type.Array(PlanSchema),
    indicators: Type.Array(IndicatorSchema),
    measurements: Type.Array(MeasurementSchema),
    actions: Type.Array(ActionSchema),
  },
  CLOSED,
);

/** A text in French and English. */
export type PlanFileBilingual = Static<typeof BilingualSchema>;
/** Facet tags: facet code → value codes. */
export type PlanFileFacetTags = Static<typeof FacetTagsSchema>;
/** Status thresholds. */
export type PlanFileThresholds = Static<typeof ThresholdsSchema>;
/** The workspace. */
export type PlanFileWorkspace = Static<typeof WorkspaceSchema>;
/** An organisational unit. */
export type PlanFileUnit = Static<typeof UnitSchema>;
/** A facet value. */
export type PlanFileFacetValue = Static<typeof FacetValueSchema>;
/** A facet with its values. */
export type PlanFileFacet = Static<typeof FacetSchema>;
/** A level of a plan's tree. */
export type PlanFileLevel = Static<typeof LevelSchema>;
/** An element's indicator reference. */
export type PlanFileElementIndicator = Static<typeof ElementIndicatorSchema>;
/** A node of a plan's tree. */
export type PlanFileElement = Static<typeof ElementSchema>;
/** A plan. */
export type PlanFilePlan = Static<typeof PlanSchema>;
/** A trajectory point (baseline, milestone, target). */
export type PlanFileTargetPoint = Static<typeof TargetPointSchema>;
/** An indicator. */
export type PlanFileIndicator = Static<typeof IndicatorSchema>;
/** A measurement entry (one indicator × unit × provenance/source, several periods). */
export type PlanFileMeasurement = Static<typeof MeasurementSchema>;
/** An action milestone. */
export type PlanFileMilestone = Static<typeof MilestoneSchema>;
/** An action. */
export type PlanFileAction = Static<typeof ActionSchema>;
/** One YAML document of a bundle. */
export type PlanFileDocument = Static<typeof PlanFileDocumentSchema>;
/** A whole merged bundle. */
export type PlanFile = Static<typeof PlanFileSchema>;
