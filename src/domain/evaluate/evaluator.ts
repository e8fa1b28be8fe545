/**
 * Evaluates a workspace at a date: indicator statuses and forecasts for the group and for each
 * unit, action statuses, and element roll-ups for the group, for a unit, or for one strategic
 * focus. Pure and memoised: build one evaluator per request and ask it what the page needs.
 */
import { actionStatus, type ActionStatusResult } from '../action-status.ts';
import { forecast, type Forecast } from '../forecast.ts';
import { comparePeriods, mustParsePeriod } from '../period.ts';
import { rollup, type RollupItem, type RollupResult } from '../rollup.ts';
import { indicatorStatus, type IndicatorStatus } from '../status.ts';
import { finalTargetOf, type TrajectoryPoint } from '../trajectory.ts';
import type { PeriodValue } from '../types.ts';
import { derivedGroupTrajectory } from './group-trajectory.ts';
import { groupSeries, isComplete, type FigureIndex, type GroupPoint } from './group-series.ts';
import type {
  EvalAction,
  EvalContext,
  EvalElement,
  EvalFigure,
  EvalIndicator,
  EvalInput,
  EvalPlan,
} from './model.ts';

/** An indicator's figures in one context, with its trajectory, status and forecast. */
export interface IndicatorEvaluation {
  values: PeriodValue[];
  trajectory: TrajectoryPoint[];
  status: IndicatorStatus;
  forecast: (Forecast & { targetPeriod: string; targetValue: number }) | null;
}

function byPeriod(a: { period: string }, b: { period: string }): number {
  return comparePeriods(mustParsePeriod(a.period), mustParsePeriod(b.period));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function memo<K, V>(compute: (key: K) => V, seed: Iterable<[K, V]> = []) {
  const cache = new Map<K, V>(seed);
  const get = (key: K): V => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
  return Object.assign(get, { entries: () => cache.entries() });
}

/**
 * Indicator results computed by an evaluator, handed to the next one (`carry`): plain entries,
 * so the new evaluator keeps no reference to the old one.
 */
export interface CarriedResults {
  series: [string, GroupPoint[]][];
  indicators: [string, IndicatorEvaluation][];
  /** The indexed figures of indicators whose figures did not change. */
  figures: [string, ReadonlyMap<string, ReadonlyMap<string, EvalFigure>>][];
}

/** Builds the figure index: indicator → unit → period → figure. */
function indexFigures(figures: readonly EvalFigure[]): FigureIndex {
  const index = new Map<string, Map<string, Map<string, EvalFigure>>>();
  for (const figure of figures) {
    let byUnit = index.get(figure.indicatorId);
    if (!byUnit)
      index.set(figure.indicatorId, (byUnit = new Map<string, Map<string, EvalFigure>>()));
    let periods = byUnit.get(figure.unitId);
    if (!periods) byUnit.set(figure.unitId, (periods = new Map<string, EvalFigure>()));
    periods.set(figure.period, figure);
  }
  return index;
}

/** The figure index from carried indexes, adding the figures of the other indicators. */
function indexCarried(
  figures: readonly EvalFigure[],
  carried: CarriedResults['figures'],
): FigureIndex {
  const kept = new Set(carried.map(([id]) => id));
  const fresh = indexFigures(figures.filter((f) => !kept.has(f.indicatorId)));
  return new Map([...carried, ...fresh]);
}

/** Creates the evaluator of one workspace snapshot. */
export function createEvaluator(input: EvalInput, carried?: CarriedResults) {
  const { asOf, groupUnitId } = input;
  const index = carried
    ? indexCarried(input.figures, carried.figures)
    : indexFigures(input.figures);
  const indicators = new Map(input.indicators.map((i) => [i.id, i]));
  const plans = new Map(input.plans.map((p) => [p.id, p]));
  const elements = new Map(input.elements.map((e) => [e.id, e]));
  const actions = new Map(input.actions.map((a) => [a.id, a]));
  const children = groupBy(input.elements, (e) => e.parentId);
  const linksByElement = groupBy(input.links, (l) => l.elementId);
  const actionsByElement = new Map<string, EvalAction[]>();
  for (const action of input.actions) {
    for (const elementId of action.elementIds) {
      const list = actionsByElement.get(elementId) ?? [];
      list.push(action);
      actionsByElement.set(elementId, list);
    }
  }
  const alignedFrom = groupBy(input.alignments, (a) => a.targetElementId);
  const targetsBy = groupBy(
    input.targets,
    (t) => `${t.indicatorId}|${t.unitId === null || t.unitId === groupUnitId ? 'group' : t.unitId}`,
  );

  const indicator = (id: string): EvalIndicator => {
    const found = indicators.get(id);
    if (!found) throw new Error(`Unknown indicator ${id}`);
    return found;
  };

  const series = memo(
    (indicatorId: string): GroupPoint[] => groupSeries(indicator(indicatorId), groupUnitId, index),
    carried?.series,
  );

  const valuesIn = (indicatorId: string, context: EvalContext): PeriodValue[] => {
    if (context === 'group') {
      const { aggregation } = indicator(indicatorId);
      return series(indicatorId)
        .filter((point) => isComplete(point, aggregation))
        .map(({ period, value }) => ({ period, value }));
    }
    const periods = index.get(indicatorId)?.get(context);
    if (!periods) return [];
    return [...periods.values()].map(({ period, value }) => ({ period, value })).sort(byPeriod);
  };

  const explicitTrajectory = (indicatorId: string, context: EvalContext): TrajectoryPoint[] =>
    (targetsBy.get(`${indicatorId}|${context}`) ?? []).map(({ kind, period, value }) => ({
      kind,
      period,
      value,
    }));

  /** Group targets set in the plan, else the units' trajectories aggregated by the rule. */
  const groupTrajectory = memo((indicatorId: string): TrajectoryPoint[] => {
    const explicit = explicitTrajectory(indicatorId, 'group');
    if (explicit.length > 0) return explicit;
    return derivedGroupTrajectory(indicator(indicatorId), groupUnitId, explicitTrajectory);
  });

  const trajectoryIn = (indicatorId: string, context: EvalContext): TrajectoryPoint[] =>
    context === 'group' ? groupTrajectory(indicatorId) : explicitTrajectory(indicatorId, context);

  const evaluateIndicator = memo((key: string): IndicatorEvaluation => {
    const [indicatorId = '', context = 'group'] = key.split('|');
    const ind = indicator(indicatorId);
    const values = valuesIn(indicatorId, context);
    const trajectory = trajectoryIn(indicatorId, context);
    const status = indicatorStatus({
      rule: {
        direction: ind.direction,
        rangeMin: ind.rangeMin,
        rangeMax: ind.rangeMax,
        thresholds: ind.thresholds,
        frequency: ind.frequency,
        graceDays: ind.graceDays,
      },
      trajectory,
      values,
      asOf,
    });
    // A forecast needs something to aim at: a target or milestone, not a lone baseline.
    const last = finalTargetOf(trajectory);
    const target = last && last.kind !== 'baseline' ? last : null;
    const known = values.filter((v) => mustParsePeriod(v.period).start <= asOf);
    const projection =
      target && known.length > 0
        ? {
            ...forecast({
              values: known,
              target: { period: target.period, value: target.value },
              direction: ind.direction,
            }),
            targetPeriod: target.period,
            targetValue: target.value,
          }
        : null;
    return { values, trajectory, status, forecast: projection };
  }, carried?.indicators);

  /** Whether a unit takes part in an indicator: expected to report, or has figures or targets. */
  const concerns = (indicatorId: string, unitId: string): boolean =>
    indicator(indicatorId).unitIds.includes(unitId) ||
    (index.get(indicatorId)?.has(unitId) ?? false) ||
    targetsBy.has(`${indicatorId}|${unitId}`);

  const evaluateAction = memo((actionId: string): ActionStatusResult => {
    const action = actions.get(actionId);
    if (!action) throw new Error(`Unknown action ${actionId}`);
    return actionStatus({
      state: action.state,
      progress: action.progress,
      start: action.startDate,
      due: action.dueDate,
      asOf,
    });
  });

  const planOf = (element: EvalElement): EvalPlan => {
    const plan = plans.get(element.planId);
    if (!plan) throw new Error(`Unknown plan ${element.planId}`);
    return plan;
  };

  /** The context an element is evaluated in: a unit's own plan is always evaluated for that unit. */
  const contextOf = (element: EvalElement, requested: EvalContext): EvalContext => {
    const plan = planOf(element);
    return plan.unitId === groupUnitId ? requested : plan.unitId;
  };

  const involves = (action: EvalAction, unitId: string) =>
    action.leadUnitId === unitId || action.unitIds.includes(unitId);

  const evaluateElement = memo((key: string): RollupResult => {
    const [elementId = '', requested = 'group'] = key.split('|');
    const element = elements.get(elementId);
    if (!element) throw new Error(`Unknown element ${elementId}`);
    const context = contextOf(element, requested);
    const items: RollupItem[] = [];
    for (const link of linksByElement.get(elementId) ?? []) {
      if (context !== 'group' && !concerns(link.indicatorId, context)) continue;
      items.push({
        id: link.indicatorId,
        kind: 'indicator',
        status: evaluateIndicator(`${link.indicatorId}|${context}`).status.status,
        weight: link.weight,
      });
    }
    for (const action of actionsByElement.get(elementId) ?? []) {
      if (context !== 'group' && !involves(action, context)) continue;
      items.push({
        id: action.id,
        kind: 'action',
        status: evaluateAction(action.id).status,
        weight: action.weight,
      });
    }
    for (const child of children.get(elementId) ?? []) {
      const result = evaluateElement(`${child.id}|${context}`);
      if (context !== 'group' && result.coverage.total === 0) continue;
      items.push({ id: child.id, kind: 'element', status: result.status, weight: child.weight });
    }
    if (context !== 'group') {
      for (const alignment of alignedFrom.get(elementId) ?? []) {
        const school = elements.get(alignment.elementId);
        if (!school || planOf(school).unitId !== context) continue;
        const result = evaluateElement(`${school.id}|${context}`);
        items.push({
          id: school.id,
          kind: 'element',
          status: result.status,
          weight: school.weight,
        });
      }
    }
    return rollup(items, planOf(element).thresholds);
  });

  /** Every element id below `elementId` (inclusive). */
  const subtree = (elementId: string): EvalElement[] => {
    const root = elements.get(elementId);
    if (!root) return [];
    const out: EvalElement[] = [root];
    for (let i = 0; i < out.length; i += 1) {
      out.push(...(children.get(out[i]?.id ?? null) ?? []));
    }
    return out;
  };

  /**
   * Status of an element restricted to one facet value (e.g. one strategic focus): the flat
   * roll-up of the indicators and actions below it that carry the value themselves or sit under
   * an element that does.
   */
  const evaluateFacet = (elementId: string, facetValueId: string): RollupResult => {
    const items: RollupItem[] = [];
    const tagged = new Set<string>();
    const root = elements.get(elementId);
    const context = root ? contextOf(root, 'group') : 'group';
    // A tag on an ancestor of the element covers the whole subtree.
    let ancestor = root?.parentId ? elements.get(root.parentId) : undefined;
    let inheritedFromAbove = false;
    while (ancestor && !inheritedFromAbove) {
      inheritedFromAbove = ancestor.facetValueIds.includes(facetValueId);
      ancestor = ancestor.parentId ? elements.get(ancestor.parentId) : undefined;
    }
    for (const element of subtree(elementId)) {
      const parentTagged =
        element.id === elementId
          ? inheritedFromAbove
          : element.parentId !== null && tagged.has(element.parentId);
      if (parentTagged || element.facetValueIds.includes(facetValueId)) tagged.add(element.id);
    }
    for (const element of subtree(elementId)) {
      const inherited = tagged.has(element.id);
      for (const link of linksByElement.get(element.id) ?? []) {
        if (!inherited && !indicator(link.indicatorId).facetValueIds.includes(facetValueId))
          continue;
        items.push({
          id: `${element.id}:${link.indicatorId}`,
          kind: 'indicator',
          status: evaluateIndicator(`${link.indicatorId}|${context}`).status.status,
          weight: link.weight,
        });
      }
      for (const action of actionsByElement.get(element.id) ?? []) {
        if (!inherited && !action.facetValueIds.includes(facetValueId)) continue;
        items.push({
          id: `${element.id}:${action.id}`,
          kind: 'action',
          status: evaluateAction(action.id).status,
          weight: action.weight,
        });
      }
    }
    return rollup(items, root ? planOf(root).thresholds : undefined);
  };

  return {
    asOf,
    groupUnitId,
    /** The group series with origin (reported or aggregated), provenance and coverage. */
    groupSeries: series,
    /** An indicator evaluated for the group or for one unit. */
    indicator: (indicatorId: string, context: EvalContext = 'group') =>
      evaluateIndicator(`${indicatorId}|${context === groupUnitId ? 'group' : context}`),
    /** Whether a unit reports, or has figures or targets for, an indicator. */
    concerns,
    action: evaluateAction,
    /** An element's roll-up for the group or for one unit. */
    element: (elementId: string, context: EvalContext = 'group') =>
      evaluateElement(`${elementId}|${context === groupUnitId ? 'group' : context}`),
    /** An element's roll-up restricted to one facet value. */
    elementForFacet: evaluateFacet,
    /** Unit figures of an indicator, keyed by unit then period. */
    figures: (indicatorId: string) => index.get(indicatorId),
    /**
     * What an evaluator of the same structure may take over when only the figures of `changed`
     * indicators differ: the results computed so far except those of `affected` indicators (the
     * changed ones and those reading them, see affectedIndicators), and the indexed figures of
     * every indicator but the changed ones. The indexes are shared, never modified.
     */
    carry: (affected: ReadonlySet<string>, changed: ReadonlySet<string>): CarriedResults => ({
      series: [...series.entries()].filter(([id]) => !affected.has(id)),
      indicators: [...evaluateIndicator.entries()].filter(
        ([key]) => !affected.has(key.slice(0, key.indexOf('|'))),
      ),
      figures: [...index.entries()].filter(([id]) => !changed.has(id)),
    }),
  };
}

/** The evaluator's type, for services that receive one. */
export type Evaluator = ReturnType<typeof createEvaluator>;
