/** Cross-file checks of indicators and measurements. */
import { parsePeriod } from '../period.ts';
import { FREQUENCIES } from '../types.ts';
import {
  checkFacetTags,
  checkOfficialSource,
  checkThresholds,
  checkUnitList,
  checkUnitRef,
} from './check-context.ts';
import type { Context, Located } from './check-context.ts';
import type { PlanFileIndicator, PlanFileMeasurement } from './schema.ts';

function checkIndicatorRef(
  ctx: Context,
  at: Located<PlanFileIndicator>,
  key: 'weightIndicator' | 'numerator' | 'denominator',
) {
  const code = at.item[key];
  if (code === undefined) return;
  if (code === at.item.code) {
    ctx.report.error(at, [key], `an indicator cannot use itself as ${key}`);
  } else if (!ctx.indicators.has(code) && !ctx.bundle.invalid.indicators.has(code)) {
    ctx.report.error(at, [key], `unknown indicator "${code}"`);
  }
}

/** An indicator: references, aggregation and direction rules, thresholds, trajectory points. */
export function checkIndicator(ctx: Context, at: Located<PlanFileIndicator>) {
  const i = at.item;
  if (i.owner) checkUnitRef(ctx, at, ['owner'], i.owner);
  checkUnitList(ctx, at, 'units', i.units);
  checkFacetTags(ctx, at, i.facets);
  checkThresholds(ctx, at, 'thresholds', i.thresholds);
  if (i.direction === 'range' && !i.range) {
    ctx.report.error(at, ['direction'], 'direction range needs range: [min, max]');
  } else if (i.direction !== 'range' && i.range) {
    ctx.report.error(at, ['range'], 'range is only for direction range', true);
  } else if (i.range && i.range[0] > i.range[1]) {
    ctx.report.error(at, ['range'], `min ${i.range[0]} is greater than max ${i.range[1]}`);
  }
  if (i.aggregation === 'weighted_mean' && !i.weightIndicator) {
    ctx.report.error(at, ['aggregation'], 'weighted_mean needs weightIndicator');
  } else if (i.aggregation !== 'weighted_mean' && i.weightIndicator) {
    ctx.report.error(
      at,
      ['weightIndicator'],
      'weightIndicator is only for aggregation weighted_mean',
      true,
    );
  }
  if (i.aggregation === 'ratio_of_sums') {
    const missing = (['numerator', 'denominator'] as const).filter((key) => !i[key]);
    if (missing.length > 0) {
      ctx.report.error(
        at,
        ['aggregation'],
        `ratio_of_sums needs numerator and denominator (missing ${missing.join(', ')})`,
      );
    }
  } else {
    for (const key of ['numerator', 'denominator', 'scale'] as const) {
      if (i[key] !== undefined) {
        ctx.report.error(at, [key], `${key} is only for aggregation ratio_of_sums`, true);
      }
    }
  }
  checkIndicatorRef(ctx, at, 'weightIndicator');
  checkIndicatorRef(ctx, at, 'numerator');
  checkIndicatorRef(ctx, at, 'denominator');
  const points = new Map<string, number>();
  i.targets?.forEach((target, t) => {
    if (ctx.bundle.broken.has(target)) return;
    if (target.unit) checkUnitRef(ctx, at, ['targets', t, 'unit'], target.unit);
    checkOfficialSource(ctx, at, ['targets', t], target);
    const key = `${target.kind}|${target.unit ?? ''}|${target.period}`;
    const first = points.get(key);
    if (first !== undefined) {
      ctx.report.error(
        at,
        ['targets', t],
        `duplicate ${target.kind} for ${target.unit ?? 'the group'} in ${target.period} (also targets[${first}])`,
      );
    } else {
      points.set(key, t);
    }
  });
}

/** Measurements: references, periods (valid, of the frequency, given once), sources. */
export function checkMeasurements(ctx: Context) {
  const series = new Map<string, Located<PlanFileMeasurement>>();
  for (const at of ctx.bundle.measurements) {
    const m = at.item;
    const indicator = ctx.indicators.get(m.indicator)?.item;
    if (!indicator && !ctx.bundle.invalid.indicators.has(m.indicator)) {
      ctx.report.error(at, ['indicator'], `unknown indicator "${m.indicator}"`);
    }
    checkUnitRef(ctx, at, ['unit'], m.unit);
    checkOfficialSource(ctx, at, [], m);
    for (const text of Object.keys(m.values)) {
      const period = parsePeriod(text);
      if (!period) {
        ctx.report.error(
          at,
          ['values', text],
          `"${text}" is not a period: "2025", "2025-26", "2025-S1", "2025-Q3" or "2025-07"`,
          true,
        );
        continue;
      }
      const frequency = FREQUENCIES.find((kind) => kind === indicator?.frequency);
      if (indicator && frequency && !parsePeriod(text, frequency)) {
        ctx.report.error(
          at,
          ['values', text],
          `"${text}" is a ${period.kind} but indicator "${indicator.code}" is measured per ${indicator.frequency}`,
          true,
        );
        continue;
      }
      const key = `${m.indicator}|${m.unit}|${text}`;
      const first = series.get(key);
      if (first) {
        const where = ctx.report.where(first, ['values', text]);
        ctx.report.error(
          at,
          ['values', text],
          `"${m.indicator}" for "${m.unit}" in ${text} is already given at ${where}`,
          true,
        );
      } else {
        series.set(key, at);
      }
    }
  }
}
