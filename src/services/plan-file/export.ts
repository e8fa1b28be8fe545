/**
 * Exports a workspace as a plan bundle (the normal form of the plan-file format): structure,
 * current target points and current figures with their provenance, source and note.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { planFileRepository } from '../../db/repositories/plan-file.repository.ts';
import { comparePeriods, mustParsePeriod } from '../../domain/period.ts';
import {
  normalizePlanFile,
  type PlanFile,
  type PlanFileElement,
  type PlanFileFacetTags,
  type PlanFileMeasurement,
} from '../../domain/plan-file/index.ts';
import type {
  ActionState,
  Aggregation,
  Direction,
  Frequency,
  PlanStatus,
  Provenance,
  TargetKind,
  UnitKind,
} from '../../domain/types.ts';
import { notFound } from '../errors.ts';

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const text = (fr: string, en: string) => ({ fr, en });
const optionalText = (fr: string, en: string) => (fr || en ? { fr, en } : undefined);

/** Exports the workspace `slug` as a plan bundle. */
export async function exportPlanFile(db: Kysely<DB>, slug: string): Promise<PlanFile> {
  const repo = planFileRepository(db);
  const ws = await repo.workspaceBySlug(slug);
  if (!ws) throw notFound(`Workspace ${slug}`);
  const s = await repo.structure(ws.id);
  const unitCode = new Map(s.units.map((u) => [u.id, u.code]));
  const facetCode = new Map(s.facets.map((f) => [f.id, f.code]));
  const valueOf = new Map(s.facetValues.map((v) => [v.id, v]));
  const facetOrder = new Map(s.facets.map((f, i) => [f.id, i]));
  const indicatorCode = new Map(s.indicators.map((i) => [i.id, i.code]));
  const planById = new Map(s.plans.map((p) => [p.id, p]));
  const elementById = new Map(s.elements.map((e) => [e.id, e]));
  const code = (map: Map<string, string>, id: string) => map.get(id) ?? id;

  const tags = (
    links: readonly { facet_value_id: string }[] | undefined,
  ): PlanFileFacetTags | undefined => {
    // Canonical order: facets, then their values, in their defined order.
    const values = (links ?? [])
      .flatMap((link) => valueOf.get(link.facet_value_id) ?? [])
      .sort(
        (x, y) =>
          (facetOrder.get(x.facet_id) ?? 0) - (facetOrder.get(y.facet_id) ?? 0) ||
          x.sort_order - y.sort_order,
      );
    const out: Record<string, string[]> = {};
    for (const value of values) (out[code(facetCode, value.facet_id)] ??= []).push(value.code);
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const elementTags = group(s.elementFacets, (l) => l.element_id);
  const indicatorTags = group(s.indicatorFacets, (l) => l.indicator_id);
  const actionTags = group(s.actionFacets, (l) => l.action_id);
  const elementIndicators = group(s.elementIndicators, (l) => l.element_id);
  const alignments = group(s.alignments, (l) => l.element_id);
  const children = group(s.elements, (e) => `${e.plan_id}|${e.parent_id ?? ''}`);

  const buildElement = (e: (typeof s.elements)[number]): PlanFileElement => {
    const kids = children.get(`${e.plan_id}|${e.id}`) ?? [];
    return {
      code: e.code,
      level: e.level,
      title: text(e.title_fr, e.title_en),
      description: optionalText(e.description_fr, e.description_en),
      owner: e.owner_unit_id ? code(unitCode, e.owner_unit_id) : undefined,
      lead: e.lead || undefined,
      weight: e.weight,
      facets: tags(elementTags.get(e.id)),
      alignsTo: (alignments.get(e.id) ?? [])
        .map((a) => elementById.get(a.target_element_id)?.code ?? a.target_element_id)
        .sort(),
      indicators: (elementIndicators.get(e.id) ?? []).map((l) => ({
        code: code(indicatorCode, l.indicator_id),
        weight: l.weight,
      })),
      children: kids.map(buildElement),
    };
  };

  const targets = group(await repo.currentTargetKeys(ws.id), (t) => t.indicator_id);
  const indicatorUnits = group(s.indicatorUnits, (l) => l.indicator_id);
  const figures = (await repo.currentFigureKeys(ws.id)).filter((f) => f.value !== null);
  const measurementGroups = group(figures, (f) =>
    JSON.stringify([f.indicator_id, f.unit_id, f.provenance, f.source, f.validated, f.note]),
  );
  const indicatorOrder = new Map(s.indicators.map((i, n) => [i.id, n]));
  const unitOrder = new Map(s.units.map((u, n) => [u.id, n]));
  const measurements: PlanFileMeasurement[] = [...measurementGroups.values()]
    .sort((a, b) => {
      const x = a[0];
      const y = b[0];
      if (!x || !y) return 0;
      return (
        (indicatorOrder.get(x.indicator_id) ?? 0) - (indicatorOrder.get(y.indicator_id) ?? 0) ||
        (unitOrder.get(x.unit_id) ?? 0) - (unitOrder.get(y.unit_id) ?? 0) ||
        x.provenance.localeCompare(y.provenance) ||
        x.source.localeCompare(y.source)
      );
    })
    .flatMap((rows) => {
      const first = rows[0];
      if (!first) return [];
      const sorted = [...rows].sort((a, b) =>
        comparePeriods(mustParsePeriod(a.period), mustParsePeriod(b.period)),
      );
      return [
        {
          indicator: code(indicatorCode, first.indicator_id),
          unit: code(unitCode, first.unit_id),
          provenance: first.provenance as Provenance,
          source: first.source || undefined,
          validated: first.validated,
          note: first.note || undefined,
          values: Object.fromEntries(sorted.map((f) => [f.period, f.value ?? 0])),
        },
      ];
    });

  const actionUnits = group(s.actionUnits, (l) => l.action_id);
  const actionElements = group(s.actionElements, (l) => l.action_id);
  const milestones = group(s.milestones, (m) => m.action_id);

  const plan: PlanFile = {
    strata: 1,
    workspace: {
      slug: ws.slug,
      name: text(ws.name_fr, ws.name_en),
      mission: text(ws.mission_fr, ws.mission_en),
    },
    units: s.units.map((u) => ({
      code: u.code,
      kind: u.kind as UnitKind,
      name: text(u.name_fr, u.name_en),
      shortName: u.short_name || undefined,
      city: u.city || undefined,
      region: u.region || undefined,
      parent: u.parent_id ? code(unitCode, u.parent_id) : undefined,
    })),
    facets: s.facets.map((f) => ({
      code: f.code,
      name: text(f.name_fr, f.name_en),
      values: s.facetValues
        .filter((v) => v.facet_id === f.id)
        .map((v) => ({
          code: v.code,
          name: text(v.name_fr, v.name_en),
          description: optionalText(v.description_fr, v.description_en),
        })),
    })),
    plans: s.plans.map((p) => ({
      code: p.code,
      unit: code(unitCode, p.unit_id),
      title: text(p.title_fr, p.title_en),
      years: [p.start_year, p.end_year] as [number, number],
      status: p.status as PlanStatus,
      adoptedOn: p.adopted_on ?? undefined,
      alignsTo: p.aligns_to_plan_id ? (planById.get(p.aligns_to_plan_id)?.code ?? null) : undefined,
      levels: p.levels.map((l) => ({ key: l.key, name: text(l.fr, l.en) })),
      rollupThresholds: { onTrack: p.rollup_on_track, atRisk: p.rollup_at_risk },
      elements: (children.get(`${p.id}|`) ?? []).map(buildElement),
    })),
    indicators: s.indicators.map((i) => ({
      code: i.code,
      name: text(i.name_fr, i.name_en),
      definition: optionalText(i.definition_fr, i.definition_en),
      unit: i.unit_label,
      decimals: i.decimals,
      direction: i.direction as Direction,
      range:
        i.range_min !== null && i.range_max !== null
          ? ([i.range_min, i.range_max] as [number, number])
          : undefined,
      frequency: i.frequency as Frequency,
      aggregation: i.aggregation as Aggregation,
      weightIndicator: i.weight_indicator_id
        ? code(indicatorCode, i.weight_indicator_id)
        : undefined,
      numerator: i.numerator_indicator_id
        ? code(indicatorCode, i.numerator_indicator_id)
        : undefined,
      denominator: i.denominator_indicator_id
        ? code(indicatorCode, i.denominator_indicator_id)
        : undefined,
      scale: i.ratio_scale,
      source: i.source || undefined,
      owner: i.owner_unit_id ? code(unitCode, i.owner_unit_id) : undefined,
      thresholds: { onTrack: i.threshold_on_track, atRisk: i.threshold_at_risk },
      graceDays: i.grace_days,
      public: i.is_public,
      headline: i.is_headline,
      units: (indicatorUnits.get(i.id) ?? [])
        .map((l) => code(unitCode, l.unit_id))
        .sort((a, b) => a.localeCompare(b)),
      facets: tags(indicatorTags.get(i.id)),
      targets: (targets.get(i.id) ?? [])
        .filter((t) => t.value !== null)
        .sort(
          (a, b) =>
            (a.unit_id === null ? -1 : (unitOrder.get(a.unit_id) ?? 0)) -
              (b.unit_id === null ? -1 : (unitOrder.get(b.unit_id) ?? 0)) ||
            comparePeriods(mustParsePeriod(a.period), mustParsePeriod(b.period)) ||
            a.kind.localeCompare(b.kind),
        )
        .map((t) => ({
          kind: t.kind as TargetKind,
          period: t.period,
          value: t.value ?? 0,
          unit: t.unit_id ? code(unitCode, t.unit_id) : undefined,
          provenance: t.provenance as Provenance,
          source: t.source || undefined,
          reason: t.reason || undefined,
        })),
    })),
    measurements,
    actions: s.actions.map((a) => ({
      code: a.code,
      title: text(a.title_fr, a.title_en),
      description: optionalText(a.description_fr, a.description_en),
      lead: code(unitCode, a.lead_unit_id),
      units: (actionUnits.get(a.id) ?? [])
        .map((l) => code(unitCode, l.unit_id))
        .sort((x, y) => x.localeCompare(y)),
      owner: a.owner || undefined,
      start: a.start_date ?? undefined,
      due: a.due_date ?? undefined,
      state: a.state as ActionState,
      progress: a.progress,
      budget: a.budget ?? undefined,
      weight: a.weight,
      provenance: a.provenance as Provenance,
      elements: (actionElements.get(a.id) ?? [])
        .map((l) => {
          const e = elementById.get(l.element_id);
          const p = e ? planById.get(e.plan_id) : undefined;
          return e && p ? `${p.code}/${e.code}` : l.element_id;
        })
        .sort(),
      facets: tags(actionTags.get(a.id)),
      milestones: (milestones.get(a.id) ?? []).map((m) => ({
        title: text(m.title_fr, m.title_en),
        due: m.due_date,
        done: m.done_on ?? undefined,
      })),
    })),
  };
  return normalizePlanFile(plan);
}
