/**
 * Loads a workspace snapshot at a date and builds its evaluator, with lookup maps the use cases
 * use to shape their answers. Snapshots are cached per (workspace, day, data version), so an
 * unchanged dashboard is not recomputed and any write is seen at once.
 */
import {
  affectedIndicators,
  createEvaluator,
  type EvalInput,
  type Evaluator,
} from '../domain/evaluate/index.ts';
import { mustParsePeriod } from '../domain/period.ts';
import type {
  ActionState,
  Aggregation,
  Direction,
  Frequency,
  Provenance,
  TargetKind,
  UnitKind,
} from '../domain/types.ts';
import { snapshotRepository, type FigureRow } from '../db/repositories/snapshot.repository.ts';
import type { ServiceDeps } from './context.ts';
import { notFound } from './errors.ts';
import { boundedMap } from '../domain/lru.ts';
import { readCache } from './read-cache.ts';

type Repo = ReturnType<typeof snapshotRepository>;
type Row<K extends keyof Repo> = Awaited<ReturnType<Repo[K]>>;

export type UnitRowLite = Row<'units'>[number];
export type IndicatorRowFull = Row<'indicators'>[number];
export type ElementRowLite = Row<'elements'>[number];
export type PlanRowFull = Row<'plans'>[number];
export type ActionRowLite = Row<'actions'>[number];
export type TargetRowLite = Row<'currentTargets'>[number];

/** A loaded, evaluated workspace at one date. */
export interface Snapshot {
  workspaceId: string;
  asOf: string;
  version: string;
  evaluator: Evaluator;
  /** Built from every table, or refreshed from the previous snapshot (only figures changed). */
  origin: 'built' | 'refreshed';
  /** What the evaluator was built from (kept to refresh the figures of a few indicators). */
  input: EvalInput;
  groupUnitId: string;
  units: UnitRowLite[];
  unitById: Map<string, UnitRowLite>;
  indicators: IndicatorRowFull[];
  indicatorById: Map<string, IndicatorRowFull>;
  indicatorUnits: Map<string, string[]>;
  plans: PlanRowFull[];
  planById: Map<string, PlanRowFull>;
  elements: ElementRowLite[];
  elementById: Map<string, ElementRowLite>;
  elementIndicators: Map<string, string[]>;
  indicatorElements: Map<string, string[]>;
  actions: ActionRowLite[];
  actionById: Map<string, ActionRowLite>;
  actionElements: Map<string, string[]>;
  elementActions: Map<string, string[]>;
  actionUnits: Map<string, string[]>;
  alignments: { elementId: string; targetElementId: string }[];
  facetValues: Map<string, string[]>;
  facets: Row<'facets'>;
  targets: TargetRowLite[];
}

function multiMap<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string) {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(value(row));
    else map.set(k, [value(row)]);
  }
  return map;
}

/** The evaluator's figures from current-figure rows (withdrawn ones, value null, left out). */
function figuresOf(rows: readonly FigureRow[]): EvalInput['figures'] {
  const figures: EvalInput['figures'][number][] = [];
  for (const f of rows) {
    if (f.value === null) continue;
    figures.push({
      indicatorId: f.indicator_id,
      unitId: f.unit_id,
      period: f.period,
      value: f.value,
      provenance: f.provenance as Provenance,
      source: f.source,
      validated: f.validated,
    });
  }
  return figures;
}

/** The evaluator's actions from action rows and their links. */
function evalActions(
  rows: readonly ActionRowLite[],
  links: Pick<Snapshot, 'actionUnits' | 'actionElements' | 'facetValues'>,
): EvalInput['actions'] {
  return rows.map((a) => ({
    id: a.id,
    state: a.state as ActionState,
    progress: a.progress,
    startDate: a.start_date,
    dueDate: a.due_date,
    weight: a.weight,
    leadUnitId: a.lead_unit_id,
    unitIds: links.actionUnits.get(a.id) ?? [],
    elementIds: links.actionElements.get(a.id) ?? [],
    facetValueIds: links.facetValues.get(a.id) ?? [],
  }));
}

const CACHE_SIZE = 16;
const VERSION_CACHE = { capacity: 1_000, maxAgeMs: 5_000 };
/** A cached snapshot this many versions behind is rebuilt rather than refreshed. */
const MAX_REFRESH_VERSIONS = 900;

/** Creates the snapshot loader (with its small cache). */
export function snapshotLoader(deps: ServiceDeps) {
  const repo = snapshotRepository(deps.db);
  const cache = boundedMap<string, Promise<Snapshot>>(CACHE_SIZE);
  /** The newest built snapshot per workspace and day: the base of a refresh. */
  const newest = boundedMap<string, Snapshot>(CACHE_SIZE);
  /** Data versions, read again only after a change (or after a few seconds). */
  const versions = readCache<string, string>(deps.changes, VERSION_CACHE);
  const dataVersion = (workspaceId: string) =>
    versions.read(workspaceId, () => repo.dataVersion(workspaceId));

  /**
   * `previous` brought to `version` when only figures of `indicatorIds` and (if `actions`)
   * action rows changed since: those are read again, the rest is kept, and the evaluator takes
   * over every indicator result the change cannot alter.
   */
  async function refresh(
    previous: Snapshot,
    changes: { indicatorIds: readonly string[]; actions: boolean },
    version: string,
  ): Promise<Snapshot> {
    const { workspaceId, asOf } = previous;
    const [rows, actionRows] = await Promise.all([
      changes.indicatorIds.length > 0
        ? repo.currentFigures(workspaceId, asOf, changes.indicatorIds)
        : Promise.resolve([]),
      changes.actions ? repo.actions(workspaceId) : Promise.resolve(null),
    ]);
    const changed = new Set(changes.indicatorIds);
    const fresh = figuresOf(rows);
    for (const f of fresh) mustParsePeriod(f.period);
    const actions = actionRows ?? previous.actions;
    const input: EvalInput = {
      ...previous.input,
      figures:
        changed.size > 0
          ? [...previous.input.figures.filter((f) => !changed.has(f.indicatorId)), ...fresh]
          : previous.input.figures,
      actions: actionRows ? evalActions(actionRows, previous) : previous.input.actions,
    };
    const affected = affectedIndicators(input.indicators, changed);
    const evaluator = createEvaluator(input, previous.evaluator.carry(affected, changed));
    return {
      ...previous,
      version,
      evaluator,
      origin: 'refreshed',
      input,
      actions,
      actionById: actionRows ? new Map(actions.map((a) => [a.id, a])) : previous.actionById,
    };
  }

  /** The snapshot at `version`: refreshed from the newest one when only figures or actions changed. */
  async function buildOrRefresh(workspaceId: string, asOf: string, version: string) {
    const previous = newest.get(`${workspaceId}|${asOf}`);
    const since = previous ? Number(previous.version) : NaN;
    const until = Number(version);
    if (previous && since < until && until - since <= MAX_REFRESH_VERSIONS) {
      const changes = await repo.dataChanges(workspaceId, since, until);
      if (changes.versions === until - since) return refresh(previous, changes, version);
    }
    return build(workspaceId, asOf, version);
  }

  async function build(workspaceId: string, asOf: string, version: string): Promise<Snapshot> {
    // The figures first: their query is the longest, and the others run beside it.
    const figureRows = repo.currentFigures(workspaceId, asOf);
    // Awaited below; marked handled so a failure of the other reads does not leave it unheard.
    figureRows.catch(() => undefined);
    const [units, indicators, indicatorUnitRows, plans, elements, links, actions, actionUnitRows] =
      await Promise.all([
        repo.units(workspaceId),
        repo.indicators(workspaceId),
        repo.indicatorUnits(workspaceId),
        repo.plans(workspaceId),
        repo.elements(workspaceId),
        repo.elementIndicators(workspaceId),
        repo.actions(workspaceId),
        repo.actionUnits(workspaceId),
      ]);
    const [actionElementRows, alignmentRows, facetLinks, facets, targets, figures] =
      await Promise.all([
        repo.actionElements(workspaceId),
        repo.alignments(workspaceId),
        repo.facetLinks(workspaceId),
        repo.facets(workspaceId),
        repo.currentTargets(workspaceId, asOf),
        figureRows,
      ]);
    const group = units.find((u) => u.kind === 'group' && u.parent_id === null) ?? units[0];
    if (!group) throw notFound('Group unit');
    const indicatorUnits = multiMap(
      indicatorUnitRows,
      (r) => r.indicator_id,
      (r) => r.unit_id,
    );
    const actionUnits = multiMap(
      actionUnitRows,
      (r) => r.action_id,
      (r) => r.unit_id,
    );
    const actionElements = multiMap(
      actionElementRows,
      (r) => r.action_id,
      (r) => r.element_id,
    );
    const facetValues = new Map<string, string[]>();
    for (const link of [...facetLinks.elements, ...facetLinks.indicators, ...facetLinks.actions]) {
      const list = facetValues.get(link.owner_id) ?? [];
      list.push(link.facet_value_id);
      facetValues.set(link.owner_id, list);
    }
    const evalFigures = figuresOf(figures);
    const plansById = new Map(plans.map((p) => [p.id, p]));
    const input: EvalInput = {
      asOf,
      groupUnitId: group.id,
      units: units.map((u) => ({ id: u.id, kind: u.kind as UnitKind, parentId: u.parent_id })),
      indicators: indicators.map((i) => ({
        id: i.id,
        direction: i.direction as Direction,
        rangeMin: i.range_min,
        rangeMax: i.range_max,
        frequency: i.frequency as Frequency,
        aggregation: i.aggregation as Aggregation,
        weightIndicatorId: i.weight_indicator_id,
        numeratorIndicatorId: i.numerator_indicator_id,
        denominatorIndicatorId: i.denominator_indicator_id,
        ratioScale: i.ratio_scale,
        thresholds: { onTrack: i.threshold_on_track, atRisk: i.threshold_at_risk },
        graceDays: i.grace_days,
        unitIds: indicatorUnits.get(i.id) ?? [],
        facetValueIds: facetValues.get(i.id) ?? [],
      })),
      figures: evalFigures,
      targets: targets
        .filter((t): t is TargetRowLite & { value: number } => t.value !== null)
        .map((t) => ({
          indicatorId: t.indicator_id,
          unitId: t.unit_id,
          kind: t.kind as TargetKind,
          period: t.period,
          value: t.value,
        })),
      plans: plans.map((p) => ({
        id: p.id,
        unitId: p.unit_id,
        alignsToPlanId: p.aligns_to_plan_id,
        thresholds: { onTrack: p.rollup_on_track, atRisk: p.rollup_at_risk },
      })),
      elements: elements
        .filter((e) => plansById.has(e.plan_id))
        .map((e) => ({
          id: e.id,
          planId: e.plan_id,
          parentId: e.parent_id,
          weight: e.weight,
          facetValueIds: facetValues.get(e.id) ?? [],
        })),
      links: links.map((l) => ({
        elementId: l.element_id,
        indicatorId: l.indicator_id,
        weight: l.weight,
      })),
      actions: evalActions(actions, { actionUnits, actionElements, facetValues }),
      alignments: alignmentRows.map((a) => ({
        elementId: a.element_id,
        targetElementId: a.target_element_id,
      })),
    };
    // Validate periods once so the evaluator never meets a bad one.
    for (const f of input.figures) mustParsePeriod(f.period);
    return {
      workspaceId,
      asOf,
      version,
      evaluator: createEvaluator(input),
      origin: 'built',
      input,
      groupUnitId: group.id,
      units,
      unitById: new Map(units.map((u) => [u.id, u])),
      indicators,
      indicatorById: new Map(indicators.map((i) => [i.id, i])),
      indicatorUnits,
      plans,
      planById: plansById,
      elements,
      elementById: new Map(elements.map((e) => [e.id, e])),
      elementIndicators: multiMap(
        links,
        (l) => l.element_id,
        (l) => l.indicator_id,
      ),
      indicatorElements: multiMap(
        links,
        (l) => l.indicator_id,
        (l) => l.element_id,
      ),
      actions,
      actionById: new Map(actions.map((a) => [a.id, a])),
      actionElements,
      elementActions: multiMap(
        actionElementRows,
        (r) => r.element_id,
        (r) => r.action_id,
      ),
      actionUnits,
      alignments: input.alignments.slice(),
      facetValues,
      facets,
      targets,
    };
  }

  return {
    /** The workspace's current data version (one primary-key read, cached between changes). */
    version: dataVersion,

    async load(workspaceId: string, asOf: string): Promise<Snapshot> {
      const version = await dataVersion(workspaceId);
      const key = `${workspaceId}|${asOf}|${version}`;
      let entry = cache.get(key);
      if (!entry) {
        entry = buildOrRefresh(workspaceId, asOf, version);
        cache.set(key, entry);
        entry.then(
          (snapshot) => {
            const day = `${workspaceId}|${asOf}`;
            const current = newest.get(day);
            if (!current || Number(current.version) < Number(snapshot.version)) {
              newest.set(day, snapshot);
            }
          },
          () => {
            cache.delete(key);
          },
        );
      }
      return entry;
    },
  };
}

export type SnapshotLoader = ReturnType<typeof snapshotLoader>;
