/**
 * Imports a parsed plan bundle into the database in one transaction: the workspace is created
 * or updated, every entity is matched by its code (created when new, updated only when it
 * differs), links are rewritten from the file, and figures and target points are appended only
 * where they differ from the current ones. Re-importing the same bundle changes nothing.
 * Entities the database holds but the file does not name are left alone.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { planFileRepository } from '../../db/repositories/plan-file.repository.ts';
import { deleteLinksOf, insertRows, upsertRows } from '../../db/repositories/upsert.ts';
import { mustParsePeriod } from '../../domain/period.ts';
import type { PlanFile, PlanFileElement, PlanFileFacetTags } from '../../domain/plan-file/index.ts';
import {
  DEFAULT_GRACE_DAYS,
  DEFAULT_INDICATOR_THRESHOLDS,
  DEFAULT_ROLLUP_THRESHOLDS,
} from '../../domain/types.ts';
import { laterThan } from '../common.ts';
import type { Principal } from '../../domain/access.ts';
import { audit } from '../audit.ts';

/** What an import did. */
export interface ImportReport {
  workspaceId: string;
  workspace: string;
  created: boolean;
  units: number;
  plans: number;
  elements: number;
  indicators: number;
  actions: number;
  figuresAppended: number;
  targetsAppended: number;
}

function idFor(map: Map<string, string>, key: string): string {
  let id = map.get(key);
  if (!id) {
    id = randomUUID();
    map.set(key, id);
  }
  return id;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Plan file reference not resolved: ${what}`);
  return value;
}

interface FlatElement {
  planId: string;
  planCode: string;
  element: PlanFileElement;
  parentCode: string | null;
  depth: number;
  order: number;
}

function flatten(
  planId: string,
  planCode: string,
  elements: readonly PlanFileElement[],
): FlatElement[] {
  const out: FlatElement[] = [];
  const visit = (list: readonly PlanFileElement[], parentCode: string | null, depth: number) => {
    list.forEach((element, order) => {
      out.push({ planId, planCode, element, parentCode, depth, order });
      visit(element.children ?? [], element.code, depth + 1);
    });
  };
  visit(elements, null, 0);
  return out;
}

/** Imports `plan` inside the given transaction. */
export async function importPlanFile(
  trx: Kysely<DB>,
  plan: PlanFile,
  actor: Principal,
  now: Date,
): Promise<ImportReport> {
  const repo = planFileRepository(trx);
  const w = plan.workspace;
  const existing = await repo.workspaceBySlug(w.slug);
  const workspaceId = existing?.id ?? randomUUID();
  const names = {
    name_fr: w.name.fr,
    name_en: w.name.en,
    mission_fr: w.mission.fr,
    mission_en: w.mission.en,
  };
  if (existing) await repo.updateWorkspace(workspaceId, names);
  else await repo.createWorkspace({ id: workspaceId, slug: w.slug, ...names });
  const ws = { workspace_id: workspaceId };

  // Units, parents first.
  const unitIds = await repo.codes('unit', workspaceId);
  const unitDepth = new Map<string, number>();
  const parentOf = new Map(plan.units.map((u) => [u.code, u.parent ?? null]));
  const depthOf = (code: string, seen = 0): number => {
    const parent = parentOf.get(code);
    if (!parent || seen > plan.units.length) return 0;
    return 1 + depthOf(parent, seen + 1);
  };
  for (const u of plan.units) unitDepth.set(u.code, depthOf(u.code));
  const unitRows = plan.units
    .map((u, i) => ({
      ...ws,
      id: idFor(unitIds, u.code),
      code: u.code,
      parent_id: u.parent ? idFor(unitIds, u.parent) : null,
      kind: u.kind,
      name_fr: u.name.fr,
      name_en: u.name.en,
      short_name: u.shortName ?? '',
      city: u.city ?? '',
      region: u.region ?? '',
      sort_order: i,
    }))
    .sort((a, b) => (unitDepth.get(a.code) ?? 0) - (unitDepth.get(b.code) ?? 0));
  await upsertRows(
    trx,
    {
      table: 'unit',
      conflict: ['workspace_id', 'code'],
      insertOnly: ['id'],
      columns: [
        'parent_id',
        'kind',
        'name_fr',
        'name_en',
        'short_name',
        'city',
        'region',
        'sort_order',
      ],
      versioned: true,
    },
    unitRows,
  );
  const unit = (code: string) => must(unitIds.get(code), `unit ${code}`);

  // Facets and their values.
  const facetIds = await repo.codes('facet', workspaceId);
  await upsertRows(
    trx,
    {
      table: 'facet',
      conflict: ['workspace_id', 'code'],
      insertOnly: ['id'],
      columns: ['name_fr', 'name_en', 'sort_order'],
      versioned: false,
    },
    plan.facets.map((f, i) => ({
      ...ws,
      id: idFor(facetIds, f.code),
      code: f.code,
      name_fr: f.name.fr,
      name_en: f.name.en,
      sort_order: i,
    })),
  );
  const valueIds = await repo.facetValueCodes(workspaceId);
  await upsertRows(
    trx,
    {
      table: 'facet_value',
      conflict: ['workspace_id', 'facet_id', 'code'],
      insertOnly: ['id'],
      columns: ['name_fr', 'name_en', 'description_fr', 'description_en', 'sort_order'],
      versioned: false,
    },
    plan.facets.flatMap((f) =>
      f.values.map((v, i) => {
        const facetId = must(facetIds.get(f.code), `facet ${f.code}`);
        return {
          ...ws,
          id: idFor(valueIds, `${facetId}|${v.code}`),
          facet_id: facetId,
          code: v.code,
          name_fr: v.name.fr,
          name_en: v.name.en,
          description_fr: v.description?.fr ?? '',
          description_en: v.description?.en ?? '',
          sort_order: i,
        };
      }),
    ),
  );
  const tagIds = (tags: PlanFileFacetTags | undefined): string[] =>
    Object.entries(tags ?? {}).flatMap(([facet, codes]) => {
      const facetId = must(facetIds.get(facet), `facet ${facet}`);
      return codes.map((c) => must(valueIds.get(`${facetId}|${c}`), `facet value ${facet}/${c}`));
    });

  // Indicators (references between indicators resolve within the same statement).
  const indicatorIds = await repo.codes('indicator', workspaceId);
  for (const i of plan.indicators) idFor(indicatorIds, i.code);
  const indicator = (code: string) => must(indicatorIds.get(code), `indicator ${code}`);
  await upsertRows(
    trx,
    {
      table: 'indicator',
      conflict: ['workspace_id', 'code'],
      insertOnly: ['id'],
      columns: [
        'name_fr',
        'name_en',
        'definition_fr',
        'definition_en',
        'unit_label',
        'decimals',
        'direction',
        'range_min',
        'range_max',
        'frequency',
        'aggregation',
        'weight_indicator_id',
        'numerator_indicator_id',
        'denominator_indicator_id',
        'ratio_scale',
        'source',
        'owner_unit_id',
        'threshold_on_track',
        'threshold_at_risk',
        'grace_days',
        'is_public',
        'is_headline',
        'sort_order',
      ],
      versioned: true,
    },
    plan.indicators.map((i, index) => ({
      ...ws,
      id: indicator(i.code),
      code: i.code,
      name_fr: i.name.fr,
      name_en: i.name.en,
      definition_fr: i.definition?.fr ?? '',
      definition_en: i.definition?.en ?? '',
      unit_label: i.unit,
      decimals: i.decimals ?? 0,
      direction: i.direction,
      range_min: i.range?.[0] ?? null,
      range_max: i.range?.[1] ?? null,
      frequency: i.frequency,
      aggregation: i.aggregation,
      weight_indicator_id: i.weightIndicator ? indicator(i.weightIndicator) : null,
      numerator_indicator_id: i.numerator ? indicator(i.numerator) : null,
      denominator_indicator_id: i.denominator ? indicator(i.denominator) : null,
      ratio_scale: i.scale ?? 1,
      source: i.source ?? '',
      owner_unit_id: i.owner ? unit(i.owner) : null,
      threshold_on_track: i.thresholds?.onTrack ?? DEFAULT_INDICATOR_THRESHOLDS.onTrack,
      threshold_at_risk: i.thresholds?.atRisk ?? DEFAULT_INDICATOR_THRESHOLDS.atRisk,
      grace_days: i.graceDays ?? DEFAULT_GRACE_DAYS,
      is_public: i.public ?? true,
      is_headline: i.headline ?? false,
      sort_order: index,
    })),
  );
  const importedIndicators = plan.indicators.map((i) => indicator(i.code));
  await deleteLinksOf(trx, 'indicator_unit', 'indicator_id', workspaceId, importedIndicators);
  await insertRows(
    trx,
    'indicator_unit',
    ['workspace_id', 'indicator_id', 'unit_id'],
    plan.indicators.flatMap((i) =>
      [...new Set(i.units ?? [])].map((u) => ({
        ...ws,
        indicator_id: indicator(i.code),
        unit_id: unit(u),
      })),
    ),
  );
  await deleteLinksOf(trx, 'indicator_facet', 'indicator_id', workspaceId, importedIndicators);
  await insertRows(
    trx,
    'indicator_facet',
    ['workspace_id', 'indicator_id', 'facet_value_id'],
    plan.indicators.flatMap((i) =>
      [...new Set(tagIds(i.facets))].map((v) => ({
        ...ws,
        indicator_id: indicator(i.code),
        facet_value_id: v,
      })),
    ),
  );

  // Target points: appended when new or different.
  const currentTargets = new Map(
    (await repo.currentTargetKeys(workspaceId)).map((t) => [
      `${t.indicator_id}|${t.unit_id ?? ''}|${t.kind}|${t.period}`,
      t,
    ]),
  );
  const newTargets = plan.indicators.flatMap((i) =>
    (i.targets ?? []).flatMap((t) => {
      const unitId = t.unit ? unit(t.unit) : null;
      const key = `${indicator(i.code)}|${unitId ?? ''}|${t.kind}|${t.period}`;
      const current = currentTargets.get(key);
      const row = {
        ...ws,
        id: randomUUID(),
        indicator_id: indicator(i.code),
        unit_id: unitId,
        kind: t.kind,
        period: t.period,
        period_end_month: mustParsePeriod(t.period).endMonth,
        value: t.value,
        provenance: t.provenance,
        source: t.source ?? '',
        reason: t.reason ?? '',
        recorded_by: actor.label,
        recorded_at: laterThan(now, current?.recorded_at),
      };
      const same =
        current &&
        current.value === row.value &&
        current.provenance === row.provenance &&
        current.source === row.source &&
        current.reason === row.reason;
      return same ? [] : [row];
    }),
  );
  await insertRows(
    trx,
    'target_point',
    [
      'workspace_id',
      'id',
      'indicator_id',
      'unit_id',
      'kind',
      'period',
      'period_end_month',
      'value',
      'provenance',
      'source',
      'reason',
      'recorded_by',
      'recorded_at',
    ],
    newTargets,
  );

  // Plans (a plan may align to another of the same file).
  const planIds = await repo.codes('plan', workspaceId);
  for (const p of plan.plans) idFor(planIds, p.code);
  const planId = (code: string) => must(planIds.get(code), `plan ${code}`);
  await upsertRows(
    trx,
    {
      table: 'plan',
      conflict: ['workspace_id', 'code'],
      insertOnly: ['id'],
      columns: [
        'unit_id',
        'title_fr',
        'title_en',
        'start_year',
        'end_year',
        'status',
        'adopted_on',
        'aligns_to_plan_id',
        'levels',
        'rollup_on_track',
        'rollup_at_risk',
      ],
      versioned: true,
    },
    plan.plans.map((p) => ({
      ...ws,
      id: planId(p.code),
      code: p.code,
      unit_id: unit(p.unit),
      title_fr: p.title.fr,
      title_en: p.title.en,
      start_year: p.years[0],
      end_year: p.years[1],
      status: p.status,
      adopted_on: p.adoptedOn ?? null,
      aligns_to_plan_id: p.alignsTo ? planId(p.alignsTo) : null,
      levels: JSON.stringify(p.levels.map((l) => ({ key: l.key, fr: l.name.fr, en: l.name.en }))),
      rollup_on_track: p.rollupThresholds?.onTrack ?? DEFAULT_ROLLUP_THRESHOLDS.onTrack,
      rollup_at_risk: p.rollupThresholds?.atRisk ?? DEFAULT_ROLLUP_THRESHOLDS.atRisk,
    })),
  );

  // Elements, parents first; then their facets, indicators and alignments.
  const elementIds = await repo.elementCodes(workspaceId);
  const flat = plan.plans
    .flatMap((p) => flatten(planId(p.code), p.code, p.elements ?? []))
    .sort((a, b) => a.depth - b.depth);
  const elementId = (pid: string, code: string) => idFor(elementIds, `${pid}|${code}`);
  await upsertRows(
    trx,
    {
      table: 'element',
      conflict: ['workspace_id', 'plan_id', 'code'],
      insertOnly: ['id'],
      columns: [
        'parent_id',
        'level',
        'title_fr',
        'title_en',
        'description_fr',
        'description_en',
        'owner_unit_id',
        'lead',
        'weight',
        'sort_order',
      ],
      versioned: true,
    },
    flat.map((f) => ({
      ...ws,
      id: elementId(f.planId, f.element.code),
      plan_id: f.planId,
      code: f.element.code,
      parent_id: f.parentCode ? elementId(f.planId, f.parentCode) : null,
      level: f.element.level,
      title_fr: f.element.title.fr,
      title_en: f.element.title.en,
      description_fr: f.element.description?.fr ?? '',
      description_en: f.element.description?.en ?? '',
      owner_unit_id: f.element.owner ? unit(f.element.owner) : null,
      lead: f.element.lead ?? '',
      weight: f.element.weight ?? 1,
      sort_order: f.order,
    })),
  );
  const importedElements = flat.map((f) => elementId(f.planId, f.element.code));
  await deleteLinksOf(trx, 'element_facet', 'element_id', workspaceId, importedElements);
  await insertRows(
    trx,
    'element_facet',
    ['workspace_id', 'element_id', 'facet_value_id'],
    flat.flatMap((f) =>
      [...new Set(tagIds(f.element.facets))].map((v) => ({
        ...ws,
        element_id: elementId(f.planId, f.element.code),
        facet_value_id: v,
      })),
    ),
  );
  await deleteLinksOf(trx, 'element_indicator', 'element_id', workspaceId, importedElements);
  await insertRows(
    trx,
    'element_indicator',
    ['workspace_id', 'element_id', 'indicator_id', 'weight', 'sort_order'],
    flat.flatMap((f) =>
      (f.element.indicators ?? []).map((ref, order) => {
        const code = typeof ref === 'string' ? ref : ref.code;
        const weight = typeof ref === 'string' ? 1 : (ref.weight ?? 1);
        return {
          ...ws,
          element_id: elementId(f.planId, f.element.code),
          indicator_id: indicator(code),
          weight,
          sort_order: order,
        };
      }),
    ),
  );
  const alignsToPlan = new Map(plan.plans.map((p) => [p.code, p.alignsTo ?? null]));
  await deleteLinksOf(trx, 'alignment', 'element_id', workspaceId, importedElements);
  await insertRows(
    trx,
    'alignment',
    ['workspace_id', 'element_id', 'target_element_id'],
    flat.flatMap((f) => {
      const target = alignsToPlan.get(f.planCode);
      if (!target) return [];
      return [...new Set(f.element.alignsTo ?? [])].map((code) => ({
        ...ws,
        element_id: elementId(f.planId, f.element.code),
        target_element_id: must(
          elementIds.get(`${planId(target)}|${code}`),
          `element ${target}/${code}`,
        ),
      }));
    }),
  );

  // Figures: appended when new or different from the current one.
  const currentFigures = new Map(
    (await repo.currentFigureKeys(workspaceId)).map((f) => [
      `${f.indicator_id}|${f.unit_id}|${f.period}`,
      f,
    ]),
  );
  const figures = new Map<string, Record<string, unknown>>();
  for (const m of plan.measurements) {
    for (const [periodText, value] of Object.entries(m.values)) {
      const period = mustParsePeriod(periodText);
      const key = `${indicator(m.indicator)}|${unit(m.unit)}|${period.text}`;
      const current = currentFigures.get(key);
      const row = {
        ...ws,
        id: randomUUID(),
        indicator_id: indicator(m.indicator),
        unit_id: unit(m.unit),
        period: period.text,
        period_start: period.start,
        period_end_month: period.endMonth,
        value,
        provenance: m.provenance,
        source: m.source ?? '',
        note: m.note ?? '',
        validated: m.validated ?? false,
        supersedes_id: current?.id ?? null,
        recorded_by: actor.label,
        recorded_at: laterThan(now, current?.recorded_at),
      };
      const same =
        current &&
        current.value === value &&
        current.provenance === row.provenance &&
        current.source === row.source &&
        current.note === row.note &&
        current.validated === row.validated;
      if (same) figures.delete(key);
      else figures.set(key, row);
    }
  }
  await insertRows(
    trx,
    'measurement',
    [
      'workspace_id',
      'id',
      'indicator_id',
      'unit_id',
      'period',
      'period_start',
      'period_end_month',
      'value',
      'provenance',
      'source',
      'note',
      'validated',
      'supersedes_id',
      'recorded_by',
      'recorded_at',
    ],
    [...figures.values()],
  );

  // Actions and their links and milestones.
  const actionIds = await repo.codes('action', workspaceId);
  const action = (code: string) => idFor(actionIds, code);
  const elementRef = (ref: string): string => {
    const [first, second] = ref.split('/');
    if (second !== undefined && first !== undefined)
      return must(elementIds.get(`${planId(first)}|${second}`), `element ${ref}`);
    const matches = plan.plans.filter(
      (p) =>
        elementIds.has(`${planId(p.code)}|${ref}`) &&
        flat.some((f) => f.planCode === p.code && f.element.code === ref),
    );
    const only = matches[0];
    return must(only ? elementIds.get(`${planId(only.code)}|${ref}`) : undefined, `element ${ref}`);
  };
  await upsertRows(
    trx,
    {
      table: 'action',
      conflict: ['workspace_id', 'code'],
      insertOnly: ['id'],
      columns: [
        'title_fr',
        'title_en',
        'description_fr',
        'description_en',
        'lead_unit_id',
        'owner',
        'start_date',
        'due_date',
        'state',
        'progress',
        'budget',
        'weight',
        'provenance',
      ],
      versioned: true,
    },
    plan.actions.map((a) => ({
      ...ws,
      id: action(a.code),
      code: a.code,
      title_fr: a.title.fr,
      title_en: a.title.en,
      description_fr: a.description?.fr ?? '',
      description_en: a.description?.en ?? '',
      lead_unit_id: unit(a.lead),
      owner: a.owner ?? '',
      start_date: a.start ?? null,
      due_date: a.due ?? null,
      state: a.state,
      progress: a.progress ?? 0,
      budget: a.budget ?? null,
      weight: a.weight ?? 1,
      provenance: a.provenance,
    })),
  );
  const importedActions = plan.actions.map((a) => action(a.code));
  for (const [table, column] of [
    ['action_unit', 'action_id'],
    ['action_element', 'action_id'],
    ['action_facet', 'action_id'],
    ['milestone', 'action_id'],
  ] as const) {
    await deleteLinksOf(trx, table, column, workspaceId, importedActions);
  }
  await insertRows(
    trx,
    'action_unit',
    ['workspace_id', 'action_id', 'unit_id'],
    plan.actions.flatMap((a) =>
      [...new Set(a.units ?? [])].map((u) => ({
        ...ws,
        action_id: action(a.code),
        unit_id: unit(u),
      })),
    ),
  );
  await insertRows(
    trx,
    'action_element',
    ['workspace_id', 'action_id', 'element_id'],
    plan.actions.flatMap((a) =>
      [...new Set((a.elements ?? []).map(elementRef))].map((e) => ({
        ...ws,
        action_id: action(a.code),
        element_id: e,
      })),
    ),
  );
  await insertRows(
    trx,
    'action_facet',
    ['workspace_id', 'action_id', 'facet_value_id'],
    plan.actions.flatMap((a) =>
      [...new Set(tagIds(a.facets))].map((v) => ({
        ...ws,
        action_id: action(a.code),
        facet_value_id: v,
      })),
    ),
  );
  await insertRows(
    trx,
    'milestone',
    [
      'workspace_id',
      'id',
      'action_id',
      'title_fr',
      'title_en',
      'due_date',
      'done_on',
      'sort_order',
    ],
    plan.actions.flatMap((a) =>
      (a.milestones ?? []).map((m, i) => ({
        ...ws,
        id: randomUUID(),
        action_id: action(a.code),
        title_fr: m.title.fr,
        title_en: m.title.en,
        due_date: m.due,
        done_on: m.done ?? null,
        sort_order: i,
      })),
    ),
  );

  const report = {
    workspaceId,
    workspace: w.slug,
    created: !existing,
    units: plan.units.length,
    plans: plan.plans.length,
    elements: flat.length,
    indicators: plan.indicators.length,
    actions: plan.actions.length,
    figuresAppended: figures.size,
    targetsAppended: newTargets.length,
  };
  await audit(
    trx,
    { id: workspaceId, slug: w.slug, principal: actor, requestId: '' },
    {
      entityType: 'workspace',
      entityId: workspaceId,
      action: existing ? 'plan_import' : 'plan_import_create',
      after: report,
    },
  );
  return report;
}
