/**
 * The group's series of an indicator: a figure reported for the group itself wins; otherwise the
 * units' figures are aggregated by the indicator's rule (ratio of sums from the numerator and
 * denominator indicators, weighted mean by the weight indicator, …), with coverage.
 */
import { aggregate, contributes, type UnitFigure } from '../aggregate.ts';
import { comparePeriods, mustParsePeriod } from '../period.ts';
import type { Aggregation, Provenance } from '../types.ts';
import type { EvalFigure, EvalIndicator } from './model.ts';

export interface GroupPoint {
  period: string;
  value: number;
  origin: 'reported' | 'aggregated';
  provenance: Provenance;
  source: string;
  reporting: number;
  expected: number;
}

const PROVENANCE_RANK: Record<Provenance, number> = { official: 2, estimated: 1, illustrative: 0 };

/** The weakest provenance among figures: an aggregate is only as sure as its least sure input. */
export function weakestProvenance(figures: readonly EvalFigure[]): Provenance {
  let weakest: Provenance = 'official';
  for (const figure of figures) {
    if (PROVENANCE_RANK[figure.provenance] < PROVENANCE_RANK[weakest]) weakest = figure.provenance;
  }
  return weakest;
}

/**
 * Whether a group point is complete enough to judge the group by. A value reported for the group
 * always is. An aggregated sum needs every expected unit (a sum over 1 of 9 schools is not the
 * group's figure); a mean, ratio, minimum or maximum needs at least half of them. Incomplete
 * points stay in the series, with their coverage, but status and forecast skip them.
 */
export function isComplete(point: GroupPoint, aggregation: Aggregation): boolean {
  if (point.origin === 'reported' || point.expected === 0) return true;
  if (aggregation === 'sum') return point.reporting >= point.expected;
  return point.reporting * 2 >= point.expected;
}

/** Figures of one indicator keyed by unit, then period. */
export type FigureIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, EvalFigure>>>;

type UnitPeriods = ReadonlyMap<string, ReadonlyMap<string, EvalFigure>>;

const NONE: ReadonlyMap<string, EvalFigure> = new Map();

/**
 * An indicator's figures by period, then unit: the transpose of its index entry, made once per
 * entry and remembered with it (index entries are never changed once built, and a refreshed
 * evaluator carries the unchanged ones over, transposes included).
 */
const transposed = new WeakMap<UnitPeriods, ReadonlyMap<string, ReadonlyMap<string, EvalFigure>>>();

function byPeriod(byUnit: UnitPeriods): ReadonlyMap<string, ReadonlyMap<string, EvalFigure>> {
  let periods = transposed.get(byUnit);
  if (!periods) {
    const built = new Map<string, Map<string, EvalFigure>>();
    for (const [unitId, figures] of byUnit) {
      for (const [period, figure] of figures) {
        let units = built.get(period);
        if (!units) built.set(period, (units = new Map<string, EvalFigure>()));
        units.set(unitId, figure);
      }
    }
    transposed.set(byUnit, built);
    periods = built;
  }
  return periods;
}

function figuresAt(index: FigureIndex, indicatorId: string | null, period: string) {
  const byUnit = indicatorId ? index.get(indicatorId) : undefined;
  return byUnit ? (byPeriod(byUnit).get(period) ?? NONE) : NONE;
}

/** Periods at which an indicator (or the indicators it is computed from) has unit figures. */
function candidatePeriods(index: FigureIndex, ids: readonly (string | null)[]): string[] {
  const periods = new Set<string>();
  for (const id of ids) {
    const byUnit = id ? index.get(id) : undefined;
    if (!byUnit) continue;
    for (const period of byPeriod(byUnit).keys()) periods.add(period);
  }
  return [...periods];
}

/** Computes the group series of `indicator` from the figure index. */
export function groupSeries(
  indicator: EvalIndicator,
  groupUnitId: string,
  index: FigureIndex,
): GroupPoint[] {
  const direct = index.get(indicator.id)?.get(groupUnitId);
  const inputs =
    indicator.aggregation === 'ratio_of_sums'
      ? [indicator.numeratorIndicatorId, indicator.denominatorIndicatorId]
      : indicator.aggregation === 'weighted_mean'
        ? [indicator.id, indicator.weightIndicatorId]
        : [indicator.id];
  // Points are made in time order, so the series needs no sorting afterwards.
  const periods = inTimeOrder(
    new Set([...candidatePeriods(index, inputs), ...(direct?.keys() ?? [])]),
  );
  const expected = indicator.unitIds.filter((id) => id !== groupUnitId);
  const points: GroupPoint[] = [];
  for (const period of periods) {
    const reported = direct?.get(period);
    if (reported) {
      points.push({
        period,
        value: reported.value,
        origin: 'reported',
        provenance: reported.provenance,
        source: reported.source,
        reporting: expected.length,
        expected: expected.length,
      });
      continue;
    }
    if (indicator.aggregation === 'none') continue;
    const values = figuresAt(index, indicator.id, period);
    const weights = figuresAt(index, indicator.weightIndicatorId, period);
    const numerators = figuresAt(index, indicator.numeratorIndicatorId, period);
    const denominators = figuresAt(index, indicator.denominatorIndicatorId, period);
    const unitIds = new Set([...values.keys(), ...numerators.keys()]);
    unitIds.delete(groupUnitId);
    const figures: UnitFigure[] = [...unitIds].map((unitId) => ({
      unitId,
      value: values.get(unitId)?.value ?? null,
      weight: weights.get(unitId)?.value ?? null,
      numerator: numerators.get(unitId)?.value ?? null,
      denominator: denominators.get(unitId)?.value ?? null,
    }));
    const result = aggregate(
      { aggregation: indicator.aggregation, scale: indicator.ratioScale },
      figures,
      expected,
    );
    if (result.value === null) continue;
    // Provenance: only the figures that entered the value (weights included).
    const inputsOf =
      indicator.aggregation === 'ratio_of_sums'
        ? [numerators, denominators]
        : indicator.aggregation === 'weighted_mean'
          ? [values, weights]
          : [values];
    const used = figures
      .filter((figure) => contributes(indicator.aggregation, figure))
      .flatMap((figure) => inputsOf.flatMap((m) => m.get(figure.unitId) ?? []));
    points.push({
      period,
      value: result.value,
      origin: 'aggregated',
      provenance: weakestProvenance(used),
      source: '',
      reporting: result.coverage.reporting,
      expected: result.coverage.expected,
    });
  }
  return points;
}

/** Period texts in time order, each parsed once. */
function inTimeOrder(texts: Iterable<string>): string[] {
  return [...texts]
    .map((text) => ({ text, period: mustParsePeriod(text) }))
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map(({ text }) => text);
}
