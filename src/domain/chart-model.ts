/**
 * An indicator chart's model, computed from an indicator's detail without any chart library: a period
 * axis (gaps filled when all periods are of one kind) and one value per period for each line.
 */
import { comparePeriods, parsePeriod, periodsBetween } from './period.ts';
import type { Period } from './period.ts';

interface PointLike {
  period: string;
  value: number;
}

/**
 * What a chart is drawn from: an indicator's detail as the API gives it (the web app's chart
 * and the server-rendered report charts both take it, so they show the same lines).
 */
export interface ChartSource {
  indicator: { aggregation: string };
  group: {
    series: readonly PointLike[];
    expected: readonly PointLike[];
    targets: readonly (PointLike & { kind: string })[];
    forecast: { projected: number | null; targetPeriod: string } | null;
  };
  units: readonly { unit: { id: string; shortName: string }; series: readonly PointLike[] }[];
}

export type SeriesKind = 'group' | 'unit' | 'expected' | 'target' | 'forecast';

export interface ChartSeries {
  key: string;
  kind: SeriesKind;
  /** Unit short name for unit lines; empty for the others (named by the caller). */
  label: string;
  data: (number | null)[];
}

/** Which lines the chart shows: all, the group against its trajectory, or the schools. */
export type ChartView = 'all' | 'group' | 'units';

/**
 * The view a chart opens with: when school figures are summed into the group, the group is an
 * order of magnitude above each school, so group and schools are shown apart.
 */
export function defaultChartView(detail: ChartSource): ChartView {
  const hasUnits = detail.units.some((u) => u.series.length > 0);
  if (!hasUnits) return 'group';
  return detail.indicator.aggregation === 'sum' && detail.group.series.length > 0 ? 'group' : 'all';
}

export interface ChartModel {
  categories: string[];
  series: ChartSeries[];
}

/** The sorted period axis; gaps are filled when every period has the same kind. */
export function periodAxis(texts: Iterable<string>): string[] {
  const unique = [...new Set(texts)];
  const parsed = unique.map((text) => parsePeriod(text)).filter((p): p is Period => p !== null);
  if (parsed.length !== unique.length) return unique.sort();
  parsed.sort(comparePeriods);
  const first = parsed[0];
  const last = parsed[parsed.length - 1];
  if (first && last && parsed.every((p) => p.kind === first.kind)) {
    const filled = periodsBetween(first, last);
    if (filled.length <= 240) return filled.map((p) => p.text);
  }
  return parsed.map((p) => p.text);
}

function along(
  categories: readonly string[],
  points: readonly { period: string; value: number }[],
) {
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  return categories.map((period) => byPeriod.get(period) ?? null);
}

/** Builds the chart model: group actuals, each unit's actuals, trajectory, target, forecast. */
export function buildChartModel(detail: ChartSource, view: ChartView = 'all'): ChartModel {
  const full = buildFullModel(detail);
  if (view === 'all') return full;
  const series = full.series.filter((s) => (view === 'units') === (s.kind === 'unit'));
  const used = full.categories.map((_, i) => series.some((s) => s.data[i] !== null));
  const first = used.indexOf(true);
  const last = used.lastIndexOf(true);
  if (first < 0) return { categories: [], series: [] };
  return {
    categories: full.categories.slice(first, last + 1),
    series: series.map((s) => ({ ...s, data: s.data.slice(first, last + 1) })),
  };
}

function buildFullModel(detail: ChartSource): ChartModel {
  const { group, units } = detail;
  const targets = group.targets.filter((t) => t.kind === 'target');
  const forecast = group.forecast;
  const lastActual = group.series[group.series.length - 1];
  const texts: string[] = [
    ...group.series.map((p) => p.period),
    ...group.expected.map((p) => p.period),
    ...group.targets.map((p) => p.period),
    ...units.flatMap((u) => u.series.map((p) => p.period)),
  ];
  if (forecast !== null && forecast.projected !== null && lastActual !== undefined) {
    texts.push(forecast.targetPeriod);
  }
  const categories = periodAxis(texts);

  const series: ChartSeries[] = [];
  if (group.series.length > 0) {
    series.push({ key: 'group', kind: 'group', label: '', data: along(categories, group.series) });
  }
  for (const unit of units) {
    if (unit.series.length === 0) continue;
    series.push({
      key: `unit-${unit.unit.id}`,
      kind: 'unit',
      label: unit.unit.shortName,
      data: along(categories, unit.series),
    });
  }
  if (group.expected.length > 0) {
    series.push({
      key: 'expected',
      kind: 'expected',
      label: '',
      data: along(categories, group.expected),
    });
  }
  if (targets.length > 0) {
    series.push({ key: 'target', kind: 'target', label: '', data: along(categories, targets) });
  }
  if (forecast !== null && forecast.projected !== null && lastActual !== undefined) {
    series.push({
      key: 'forecast',
      kind: 'forecast',
      label: '',
      data: along(categories, [
        { period: lastActual.period, value: lastActual.value },
        { period: forecast.targetPeriod, value: forecast.projected },
      ]),
    });
  }
  return { categories, series };
}
