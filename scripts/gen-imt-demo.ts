/**
 * Generates the illustrative measurements of the default IMT data set:
 * data/imt-2023-2027/60-measurements-illustrative.yaml.
 *
 * Reads the hand-written files of the bundle (every other .yaml of the folder), then for every
 * indicator reported by the schools and every expected unit that has its own trajectory, writes
 * values from the baseline period to the last period ending in 2025 (per the indicator's
 * frequency). Each series follows a profile drawn from a seeded PRNG (mostly on track, some at
 * risk, a few off track) and two series stop in 2023 so that they show as stale. One of the two
 * counts behind each rate (numerator or denominator) is derived from the rate and the other
 * count, so that a ratio of sums over the schools is exactly consistent with their rates.
 *
 * Deterministic: the same input files always give the same output.
 *   node scripts/gen-imt-demo.ts          write the file
 *   node scripts/gen-imt-demo.ts --check  exit 1 when the file is not up to date
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlanFiles, serializePlanFileDocument } from '../src/domain/plan-file/index.ts';
import type { PlanFile, PlanFileIndicator } from '../src/domain/plan-file/index.ts';
import {
  addPeriods,
  mustParsePeriod,
  parsePeriod,
  periodContaining,
} from '../src/domain/period.ts';
import type { Period } from '../src/domain/period.ts';
import { expectedAt } from '../src/domain/trajectory.ts';
import type { TrajectoryPoint } from '../src/domain/trajectory.ts';
import {
  indicatorStatus,
  progressOf,
  rangeProgress,
  statusFromProgress,
} from '../src/domain/status.ts';
import { DEFAULT_GRACE_DAYS, DEFAULT_INDICATOR_THRESHOLDS } from '../src/domain/types.ts';
import type { Status, Thresholds } from '../src/domain/types.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'imt-2023-2027');
const OUTPUT = '60-measurements-illustrative.yaml';
const SOURCE = 'Données de démonstration / demo data';
/** Last day of the last period generated. */
const LAST_DAY = '2025-12-31';
/** Stale series stop with the period that ends by this day. */
const STALE_LAST_DAY = '2023-12-31';
/** Series that stop in 2023 (indicator, unit). */
const STALE_SERIES: readonly string[] = ['SME-SUPPORTED|INSIC', 'EU-PROJECTS|IMT-BS'];
/** Day of the status summary printed at the end. */
const SUMMARY_AS_OF = '2026-01-31';
const SEED = 20221125;

type Profile = 'on_track' | 'at_risk' | 'off_track';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a text: one independent random stream per series. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function uniform(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clampFor(indicator: PlanFileIndicator, value: number): number {
  const upper = indicator.unit === '%' ? 100 : indicator.unit === '/10' ? 10 : Infinity;
  return Math.min(upper, Math.max(0, value));
}

function readBundle(): { name: string; text: string }[] {
  return readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.yaml') && name !== OUTPUT)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(DATA_DIR, name), 'utf8') }));
}

function parseOrExit(files: { name: string; text: string }[]): PlanFile {
  const result = parsePlanFiles(files.map((f) => ({ fileName: f.name, text: f.text })));
  if (result.ok) return result.plan;
  for (const e of result.errors)
    console.error(`${e.file}:${e.line}:${e.column} ${e.path}: ${e.message}`);
  process.exit(1);
}

/** A series of one indicator for one unit: period text → value, and which values we wrote. */
interface Series {
  values: Map<string, number>;
  generated: Set<string>;
}

class Store {
  readonly series = new Map<string, Series>();
  get(indicator: string, unit: string): Series {
    const key = `${indicator}|${unit}`;
    let series = this.series.get(key);
    if (!series) {
      series = { values: new Map(), generated: new Set() };
      this.series.set(key, series);
    }
    return series;
  }
}

function pointsOf(indicator: PlanFileIndicator, unit: string): TrajectoryPoint[] {
  return (indicator.targets ?? [])
    .filter((t) => t.unit === unit)
    .map((t) => ({ kind: t.kind, period: t.period, value: t.value }));
}

function thresholdsOf(indicator: PlanFileIndicator): Thresholds {
  return indicator.thresholds ?? DEFAULT_INDICATOR_THRESHOLDS;
}

/** Periods of the indicator's frequency from the baseline's to the last one ending by `lastDay`. */
function periodsFrom(indicator: PlanFileIndicator, baseline: string, lastDay: string): Period[] {
  const first =
    parsePeriod(baseline, indicator.frequency) ??
    periodContaining(indicator.frequency, mustParsePeriod(baseline).end);
  const periods: Period[] = [];
  for (let p = first; p.end <= lastDay; p = addPeriods(p, 1)) periods.push(p);
  return periods;
}

function drawProfile(random: () => number): Profile {
  const draw = random();
  if (draw < 0.64) return 'on_track';
  return draw < 0.88 ? 'at_risk' : 'off_track';
}

/** Status a value would have at a period, by the platform's own rules. */
function statusOf(
  indicator: PlanFileIndicator,
  points: TrajectoryPoint[],
  period: string,
  value: number,
): Status {
  const thresholds = thresholdsOf(indicator);
  if (indicator.direction === 'range' && indicator.range) {
    return statusFromProgress(
      rangeProgress(indicator.range[0], indicator.range[1], value),
      thresholds,
    );
  }
  const baseline = points[0]?.value ?? value;
  const expected = expectedAt(points, period) ?? baseline;
  const direction = indicator.direction === 'decrease' ? 'decrease' : 'increase';
  return statusFromProgress(progressOf(direction, baseline, expected, value), thresholds);
}

/** Rounds the final value, preferring the rounding that keeps the intended status. */
function roundKeepingStatus(
  indicator: PlanFileIndicator,
  points: TrajectoryPoint[],
  period: string,
  value: number,
  profile: Profile,
): number {
  const decimals = indicator.decimals ?? 0;
  const step = 10 ** -decimals;
  const rounded = roundTo(value, decimals);
  const candidates = [
    rounded,
    roundTo(rounded + step, decimals),
    roundTo(rounded - step, decimals),
  ];
  const kept = candidates
    .map((c) => clampFor(indicator, c))
    .find((c) => statusOf(indicator, points, period, c) === profile);
  return kept ?? clampFor(indicator, rounded);
}

/** Final value of a series: where the profile puts it against the expected value. */
function finalValue(
  indicator: PlanFileIndicator,
  baseline: number,
  expected: number,
  profile: Profile,
  random: () => number,
): number {
  if (indicator.direction === 'range' && indicator.range) {
    const [min, max] = indicator.range;
    const width = max - min;
    if (profile === 'on_track') return Math.min(max, Math.max(min, expected));
    const outside = profile === 'at_risk' ? uniform(random, 0.07, 0.16) : uniform(random, 0.3, 0.5);
    return max + width * outside;
  }
  const factor =
    profile === 'on_track'
      ? uniform(random, 1.0, 1.12)
      : profile === 'at_risk'
        ? uniform(random, 0.83, 0.88)
        : uniform(random, 0.35, 0.65);
  return baseline + factor * (expected - baseline);
}

/** Writes one independent series (a unit with its own trajectory). */
function generateSeries(store: Store, indicator: PlanFileIndicator, unit: string): Profile | null {
  const points = pointsOf(indicator, unit);
  const first = points.find((p) => p.kind === 'baseline') ?? points[0];
  if (!first) return null;
  const key = `${indicator.code}|${unit}`;
  const random = createRandom(hash(key) ^ SEED);
  const stale = STALE_SERIES.includes(key);
  const profile = stale ? 'on_track' : drawProfile(random);
  const periods = periodsFrom(indicator, first.period, stale ? STALE_LAST_DAY : LAST_DAY);
  const series = store.get(indicator.code, unit);
  const last = periods[periods.length - 1];
  if (!last) return null;
  const baseline = first.value;
  const lastExpected = expectedAt(points, last.text) ?? baseline;
  const target = finalValue(indicator, baseline, lastExpected, profile, random);
  const lastProgress =
    lastExpected === baseline ? 1 : (target - baseline) / (lastExpected - baseline);
  const decimals = indicator.decimals ?? 0;
  periods.forEach((period, k) => {
    if (series.values.has(period.text)) return; // an official figure is already there
    const share = periods.length > 1 ? k / (periods.length - 1) : 1;
    let value: number;
    if (period === last) {
      value = roundKeepingStatus(indicator, points, period.text, target, profile);
    } else if (k === 0) {
      value = clampFor(indicator, roundTo(baseline, decimals));
    } else {
      const expected = expectedAt(points, period.text) ?? baseline;
      const path =
        indicator.direction === 'range'
          ? baseline + (target - baseline) * share
          : baseline + (1 + (lastProgress - 1) * share) * (expected - baseline);
      const noise =
        gaussian(random) * (0.12 * Math.abs(expected - baseline) + 0.008 * Math.abs(baseline));
      value = clampFor(indicator, roundTo(path + noise, decimals));
    }
    series.values.set(period.text, value);
    series.generated.add(period.text);
  });
  return profile;
}

/** How many indicators use each indicator as numerator, denominator or weight. */
function usesOf(plan: PlanFile): Map<string, number> {
  const uses = new Map<string, number>();
  for (const i of plan.indicators) {
    for (const code of [i.numerator, i.denominator, i.weightIndicator]) {
      if (code) uses.set(code, (uses.get(code) ?? 0) + 1);
    }
  }
  return uses;
}

/**
 * The count behind each ratio of sums that follows from the rate and the other count: the one
 * used by fewer indicators (on a tie, the numerator). E.g. international students follow from
 * their share and the students; faculty follow from the students and the students per faculty.
 */
function derivedComponents(plan: PlanFile): Map<string, 'numerator' | 'denominator'> {
  const uses = usesOf(plan);
  const derived = new Map<string, 'numerator' | 'denominator'>();
  for (const ratio of plan.indicators) {
    if (ratio.aggregation !== 'ratio_of_sums' || !ratio.numerator || !ratio.denominator) continue;
    const side =
      (uses.get(ratio.numerator) ?? 0) <= (uses.get(ratio.denominator) ?? 0)
        ? 'numerator'
        : 'denominator';
    derived.set(ratio.code, side);
  }
  return derived;
}

/**
 * Fills the derived count behind a ratio of sums (e.g. international students from the share and
 * the students), then recomputes each generated rate from the two rounded counts, so that the
 * ratio of sums over the units is exactly consistent with their rates.
 */
function deriveComponents(
  store: Store,
  plan: PlanFile,
  ratio: PlanFileIndicator,
  side: 'numerator' | 'denominator',
): void {
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const numerator = byCode.get(ratio.numerator ?? '');
  const denominator = byCode.get(ratio.denominator ?? '');
  if (!numerator || !denominator) return;
  const scale = ratio.scale ?? 1;
  const deriveNumerator = side === 'numerator';
  const derivedIndicator = deriveNumerator ? numerator : denominator;
  for (const unit of ratio.units ?? []) {
    const rates = store.get(ratio.code, unit);
    const known = store.get((deriveNumerator ? denominator : numerator).code, unit);
    const derived = store.get(derivedIndicator.code, unit);
    for (const [period, rate] of rates.values) {
      const other = known.values.get(period);
      if (other === undefined || rate === 0 || derived.values.has(period)) continue;
      const value = roundTo(
        deriveNumerator ? (rate * other) / scale : (other * scale) / rate,
        derivedIndicator.decimals ?? 0,
      );
      derived.values.set(period, value);
      derived.generated.add(period);
      if (rates.generated.has(period) && value !== 0) {
        const [n, d] = deriveNumerator ? [value, other] : [other, value];
        rates.values.set(period, roundTo((n / d) * scale, ratio.decimals ?? 0));
      }
    }
  }
}

function generate(plan: PlanFile): { text: string; profiles: Map<string, Profile> } {
  const store = new Store();
  for (const m of plan.measurements) {
    const series = store.get(m.indicator, m.unit);
    for (const [period, value] of Object.entries(m.values)) series.values.set(period, value);
  }
  const derived = derivedComponents(plan);
  const derivedCodes = new Set(
    plan.indicators.flatMap((i) => {
      const side = derived.get(i.code);
      return side ? [i[side] ?? ''] : [];
    }),
  );
  const profiles = new Map<string, Profile>();
  for (const indicator of plan.indicators) {
    if (indicator.aggregation === 'none' || derivedCodes.has(indicator.code)) continue;
    for (const unit of indicator.units ?? []) {
      const profile = generateSeries(store, indicator, unit);
      if (profile) profiles.set(`${indicator.code}|${unit}`, profile);
    }
  }
  for (const indicator of plan.indicators) {
    const side = derived.get(indicator.code);
    if (side) deriveComponents(store, plan, indicator, side);
  }
  const measurements = plan.indicators.flatMap((indicator) =>
    (indicator.units ?? []).flatMap((unit) => {
      const series = store.get(indicator.code, unit);
      const periods = [...series.generated].sort(
        (a, b) => mustParsePeriod(a).endMonth - mustParsePeriod(b).endMonth,
      );
      if (periods.length === 0) return [];
      const values = Object.fromEntries(periods.map((p) => [p, series.values.get(p) ?? 0]));
      return [
        {
          indicator: indicator.code,
          unit,
          provenance: 'illustrative' as const,
          source: SOURCE,
          values,
        },
      ];
    }),
  );
  const header = [
    'GENERATED FILE: do not edit by hand.',
    `Written by scripts/gen-imt-demo.ts from the other files of data/imt-2023-2027`,
    '(seeded PRNG, deterministic): node scripts/gen-imt-demo.ts',
    `Illustrative demo data: every value is provenance "illustrative", source "${SOURCE}".`,
  ].join('\n');
  const text = serializePlanFileDocument({ strata: 1, measurements }, { header });
  return { text, profiles };
}

/** Prints how the generated series score by the platform's status rules. */
function printSummary(plan: PlanFile): void {
  const counts = new Map<string, number>();
  for (const indicator of plan.indicators) {
    for (const unit of indicator.units ?? []) {
      const points = pointsOf(indicator, unit);
      if (points.length === 0) continue;
      const values = plan.measurements
        .filter((m) => m.indicator === indicator.code && m.unit === unit)
        .flatMap((m) => Object.entries(m.values).map(([period, value]) => ({ period, value })));
      const result = indicatorStatus({
        rule: {
          direction: indicator.direction,
          rangeMin: indicator.range?.[0] ?? null,
          rangeMax: indicator.range?.[1] ?? null,
          thresholds: thresholdsOf(indicator),
          frequency: indicator.frequency,
          graceDays: indicator.graceDays ?? DEFAULT_GRACE_DAYS,
        },
        trajectory: points,
        values,
        asOf: SUMMARY_AS_OF,
      });
      const label = result.stale ? `${result.status} (stale)` : result.status;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  const summary = [...counts].map(([label, n]) => `${label}: ${n}`).join(', ');
  console.log(`series statuses as of ${SUMMARY_AS_OF}: ${summary}`);
}

function main(): void {
  const files = readBundle();
  const plan = parseOrExit(files);
  const { text, profiles } = generate(plan);
  const full = parseOrExit([...files, { name: OUTPUT, text }]);
  const target = join(DATA_DIR, OUTPUT);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error(`${OUTPUT} is out of date: run node scripts/gen-imt-demo.ts`);
      process.exit(1);
    }
    console.log(`${OUTPUT} is up to date`);
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote ${OUTPUT}: ${profiles.size} series, ${bytes} bytes`);
  printSummary(full);
}

main();
