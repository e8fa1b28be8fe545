/**
 * The normal form of a plan file: fields equal to their default are omitted, keys are in schema
 * order, element indicators without a weight (or with weight 1) are bare codes. `parsePlanFiles`
 * returns this form and `serializePlanFile` writes it, so a parse → serialize → parse round trip
 * is exact. The defaults are listed in docs/plan-format.md.
 */
import {
  DEFAULT_GRACE_DAYS,
  DEFAULT_INDICATOR_THRESHOLDS,
  DEFAULT_ROLLUP_THRESHOLDS,
} from '../types.ts';
import type { Thresholds } from '../types.ts';
import type {
  PlanFile,
  PlanFileAction,
  PlanFileBilingual,
  PlanFileDocument,
  PlanFileElement,
  PlanFileElementIndicator,
  PlanFileFacet,
  PlanFileFacetTags,
  PlanFileIndicator,
  PlanFileMeasurement,
  PlanFileMilestone,
  PlanFilePlan,
  PlanFileTargetPoint,
  PlanFileUnit,
  PlanFileWorkspace,
} from './schema.ts';

/** `{ key: value }`, or `{}` when the value is absent, null or `omit` holds. */
function opt<K extends string, V>(
  key: K,
  value: V | null | undefined,
  omit = false,
): Partial<Record<K, V>> {
  return value === undefined || value === null || omit
    ? {}
    : ({ [key]: value } as Partial<Record<K, V>>);
}

/** An optional free text: omitted when absent or empty. */
function optText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return opt(key, value, value === '');
}

/** An optional list: omitted when absent or empty. */
function optList<K extends string, V>(
  key: K,
  value: readonly V[] | undefined,
): Partial<Record<K, V[]>> {
  return opt(key, value ? [...value] : undefined, !value || value.length === 0);
}

function bilingual(text: PlanFileBilingual): PlanFileBilingual {
  return { fr: text.fr, en: text.en };
}

function optBilingual<K extends string>(
  key: K,
  text: PlanFileBilingual | undefined,
): Partial<Record<K, PlanFileBilingual>> {
  return opt(key, text ? bilingual(text) : undefined);
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return a.onTrack === b.onTrack && a.atRisk === b.atRisk;
}

function optThresholds<K extends string>(
  key: K,
  value: Thresholds | undefined,
  defaults: Thresholds,
): Partial<Record<K, Thresholds>> {
  return opt(
    key,
    value ? { onTrack: value.onTrack, atRisk: value.atRisk } : undefined,
    !!value && sameThresholds(value, defaults),
  );
}

/** Facet tags without empty lists; undefined when nothing is left. */
export function normalizeFacetTags(
  tags: PlanFileFacetTags | undefined,
): PlanFileFacetTags | undefined {
  if (!tags) return undefined;
  const entries = Object.entries(tags).filter(([, values]) => values.length > 0);
  return entries.length === 0
    ? undefined
    : Object.fromEntries(entries.map(([facet, values]) => [facet, [...values]]));
}

function workspace(ws: PlanFileWorkspace): PlanFileWorkspace {
  return { slug: ws.slug, name: bilingual(ws.name), mission: bilingual(ws.mission) };
}

function unit(u: PlanFileUnit): PlanFileUnit {
  return {
    code: u.code,
    kind: u.kind,
    name: bilingual(u.name),
    ...optText('shortName', u.shortName),
    ...optText('city', u.city),
    ...optText('region', u.region),
    ...opt('parent', u.parent),
  };
}

function facet(f: PlanFileFacet): PlanFileFacet {
  return {
    code: f.code,
    name: bilingual(f.name),
    values: f.values.map((v) => ({
      code: v.code,
      name: bilingual(v.name),
      ...optBilingual('description', v.description),
    })),
  };
}

function elementIndicator(ref: PlanFileElementIndicator): PlanFileElementIndicator {
  if (typeof ref === 'string') return ref;
  return ref.weight === undefined || ref.weight === 1
    ? ref.code
    : { code: ref.code, weight: ref.weight };
}

function element(e: PlanFileElement): PlanFileElement {
  return {
    code: e.code,
    level: e.level,
    title: bilingual(e.title),
    ...optBilingual('description', e.description),
    ...opt('owner', e.owner),
    ...optText('lead', e.lead),
    ...opt('weight', e.weight, e.weight === 1),
    ...opt('facets', normalizeFacetTags(e.facets)),
    ...optList('alignsTo', e.alignsTo),
    ...optList('indicators', e.indicators?.map(elementIndicator)),
    ...optList('children', e.children?.map(element)),
  };
}

function plan(p: PlanFilePlan): PlanFilePlan {
  return {
    code: p.code,
    unit: p.unit,
    title: bilingual(p.title),
    years: [p.years[0], p.years[1]],
    status: p.status,
    ...opt('adoptedOn', p.adoptedOn),
    ...opt('alignsTo', p.alignsTo),
    levels: p.levels.map((level) => ({ key: level.key, name: bilingual(level.name) })),
    ...optThresholds('rollupThresholds', p.rollupThresholds, DEFAULT_ROLLUP_THRESHOLDS),
    ...optList('elements', p.elements?.map(element)),
  };
}

function targetPoint(t: PlanFileTargetPoint): PlanFileTargetPoint {
  return {
    kind: t.kind,
    period: t.period,
    value: t.value,
    ...opt('unit', t.unit),
    provenance: t.provenance,
    ...optText('source', t.source),
    ...optText('reason', t.reason),
  };
}

function indicator(i: PlanFileIndicator): PlanFileIndicator {
  return {
    code: i.code,
    name: bilingual(i.name),
    ...optBilingual('definition', i.definition),
    unit: i.unit,
    ...opt('decimals', i.decimals, i.decimals === 0),
    direction: i.direction,
    ...opt('range', i.range ? ([i.range[0], i.range[1]] as [number, number]) : undefined),
    frequency: i.frequency,
    aggregation: i.aggregation,
    ...opt('weightIndicator', i.weightIndicator),
    ...opt('numerator', i.numerator),
    ...opt('denominator', i.denominator),
    ...opt('scale', i.scale, i.scale === 1),
    ...optText('source', i.source),
    ...opt('owner', i.owner),
    ...optThresholds('thresholds', i.thresholds, DEFAULT_INDICATOR_THRESHOLDS),
    ...opt('graceDays', i.graceDays, i.graceDays === DEFAULT_GRACE_DAYS),
    ...opt('public', i.public, i.public === true),
    ...opt('headline', i.headline, i.headline === false),
    ...optList('units', i.units),
    ...opt('facets', normalizeFacetTags(i.facets)),
    ...optList('targets', i.targets?.map(targetPoint)),
  };
}

function measurement(m: PlanFileMeasurement): PlanFileMeasurement {
  return {
    indicator: m.indicator,
    unit: m.unit,
    provenance: m.provenance,
    ...optText('source', m.source),
    ...opt('validated', m.validated, m.validated === false),
    ...optText('note', m.note),
    values: { ...m.values },
  };
}

function milestone(m: PlanFileMilestone): PlanFileMilestone {
  return { title: bilingual(m.title), due: m.due, ...opt('done', m.done) };
}

function action(a: PlanFileAction): PlanFileAction {
  return {
    code: a.code,
    title: bilingual(a.title),
    ...optBilingual('description', a.description),
    lead: a.lead,
    ...optList('units', a.units),
    ...optText('owner', a.owner),
    ...opt('start', a.start),
    ...opt('due', a.due),
    state: a.state,
    ...opt('progress', a.progress, a.progress === 0),
    ...opt('budget', a.budget),
    ...opt('weight', a.weight, a.weight === 1),
    provenance: a.provenance,
    ...optList('elements', a.elements),
    ...opt('facets', normalizeFacetTags(a.facets)),
    ...optList('milestones', a.milestones?.map(milestone)),
  };
}

/** The normal form of a whole bundle (every list present). */
export function normalizePlanFile(p: PlanFile): PlanFile {
  return {
    strata: p.strata,
    workspace: workspace(p.workspace),
    units: p.units.map(unit),
    facets: p.facets.map(facet),
    plans: p.plans.map(plan),
    indicators: p.indicators.map(indicator),
    measurements: p.measurements.map(measurement),
    actions: p.actions.map(action),
  };
}

/** The normal form of one document; empty lists are omitted. */
export function normalizePlanFileDocument(d: PlanFileDocument): PlanFileDocument {
  return {
    strata: d.strata,
    ...opt('workspace', d.workspace ? workspace(d.workspace) : undefined),
    ...optList('units', d.units?.map(unit)),
    ...optList('facets', d.facets?.map(facet)),
    ...optList('plans', d.plans?.map(plan)),
    ...optList('indicators', d.indicators?.map(indicator)),
    ...optList('measurements', d.measurements?.map(measurement)),
    ...optList('actions', d.actions?.map(action)),
  };
}
