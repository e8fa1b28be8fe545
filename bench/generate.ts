/**
 * Synthetic plan bundles for the benchmarks, at three sizes (see BENCHMARKS.md):
 *
 * | size | groups | per group                                                        | figures  |
 * |------|--------|------------------------------------------------------------------|----------|
 * | S    | 1      | 10 units, 300 monthly indicators, 60 months, 500 actions, 11 plans | 180,000 |
 * | M    | 10     | the same, one workspace per group                                | 1.8 M    |
 * | L    | 100    | the same (PostgreSQL only, run by hand)                          | 18 M     |
 *
 * Every group is a workspace (`bench-s-0`, `bench-m-0` … `bench-m-9`) built as a `PlanFile` and
 * loaded through the real import service, so the rows are exactly what Strata writes itself.
 * Deterministic: a seeded PRNG (mulberry32, one stream per series) gives the same bundle every
 * time. The figures end with the month before BENCH_NOW, the clock the benchmarks give the
 * services, so the dashboard sees a plan that is up to date.
 *
 *   node bench/generate.ts --size S --check                 validate a small bundle, print counts
 *   node bench/generate.ts --size M --database-url postgresql:///strata_bench_by_hand
 *   node bench/generate.ts --size S --data-dir /tmp/strata-s  (PGlite data folder)
 */
import { parseArgs } from 'node:util';
import { systemPrincipal } from '../src/domain/access.ts';
import { addPeriods, mustParsePeriod, periodContaining } from '../src/domain/period.ts';
import type { Period } from '../src/domain/period.ts';
import type {
  PlanFile,
  PlanFileAction,
  PlanFileElement,
  PlanFileIndicator,
  PlanFileMeasurement,
  PlanFilePlan,
  PlanFileTargetPoint,
  PlanFileUnit,
} from '../src/domain/plan-file/index.ts';
import type { Aggregation, Direction } from '../src/domain/types.ts';
import type { Services } from '../src/services/index.ts';

/** The clock the benchmarks give the services: imports are recorded then, dashboards read then. */
export const BENCH_NOW = new Date('2026-11-26T00:00:00.000Z');
/** The "as of" day of every benchmark read. */
export const BENCH_AS_OF = BENCH_NOW.toISOString().slice(0, 10);
/** Who imports the benchmark data: the machine operator, as seeding does. */
export const BENCH_PRINCIPAL = systemPrincipal('bench');

export type SizeName = 'XS' | 'S' | 'M' | 'L';

export interface SizeSpec {
  name: SizeName;
  /** Workspaces (groups), each as large as one S group. */
  groups: number;
  /** Reporting units per group (schools and subsidiaries), besides the group unit. */
  units: number;
  indicators: number;
  /** Monthly figures per indicator and unit. */
  months: number;
  actions: number;
}

/** One IMT-sized group: 10 units × 300 indicators × 60 months = 180,000 figures. */
const GROUP = { units: 10, indicators: 300, months: 60, actions: 500 };

export const SIZES: Record<SizeName, SizeSpec> = {
  /** A few rows, to validate the generator through the plan-file parser. */
  XS: { name: 'XS', groups: 1, units: 3, indicators: 20, months: 6, actions: 10 },
  S: { name: 'S', groups: 1, ...GROUP },
  M: { name: 'M', groups: 10, ...GROUP },
  L: { name: 'L', groups: 100, ...GROUP },
};

export function figuresPerGroup(spec: SizeSpec): number {
  return spec.units * spec.indicators * spec.months;
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
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
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function streamOf(...parts: (string | number)[]): () => number {
  return createRandom(hash(parts.join('|')));
}

function between(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

const FOCUSES = ['industry', 'energy', 'digital', 'health', 'society'] as const;
const SCALES = ['regional', 'national', 'european'] as const;
const SDGS = Array.from({ length: 17 }, (_, i) => `sdg${i + 1}`);
/** Families and their priorities, shaped like IMT's: A1–A4, C1–C4, T5. */
const FAMILIES: readonly { code: string; priorities: readonly string[] }[] = [
  { code: 'A', priorities: ['A1', 'A2', 'A3', 'A4'] },
  { code: 'C', priorities: ['C1', 'C2', 'C3', 'C4'] },
  { code: 'T', priorities: ['T5'] },
];
const OBJECTIVES_PER_PRIORITY = 4;
const SCHOOL_PRIORITIES = 3;
const SCHOOL_OBJECTIVES = 3;
const TARGET_PERIOD = '2027-12';

type Kind = 'count' | 'decrease' | 'ratio' | 'weighted' | 'mean' | 'range';

/** The indicator mix, by position modulo 10: half plain counts, the rest every other rule. */
function kindOf(index: number): Kind {
  const slot = index % 10;
  if (slot <= 4) return 'count';
  if (slot === 5) return 'decrease';
  if (slot === 6) return 'ratio';
  if (slot === 7) return 'weighted';
  if (slot === 8) return 'mean';
  return 'range';
}

function indicatorCode(index: number): string {
  return `IND-${pad(index + 1, 4)}`;
}

function unitCode(index: number, spec: SizeSpec): string {
  // The last two units are subsidiaries, as at IMT (when there are at least four).
  return spec.units >= 4 && index >= spec.units - 2
    ? `SUB-${pad(index + 1, 2)}`
    : `SCH-${pad(index + 1, 2)}`;
}

function bilingual(fr: string, en: string) {
  return { fr, en };
}

interface SeriesShape {
  baseline: number;
  target: number;
  decimals: number;
}

/** Baseline and 2027 target of one unit's series, by the indicator's kind. */
function shapeOf(kind: Kind, random: () => number): SeriesShape {
  switch (kind) {
    case 'count': {
      const baseline = Math.round(between(random, 50, 5000));
      return { baseline, target: Math.round(baseline * between(random, 1.1, 1.5)), decimals: 0 };
    }
    case 'decrease': {
      const baseline = Math.round(between(random, 200, 9000));
      return { baseline, target: Math.round(baseline * between(random, 0.6, 0.9)), decimals: 0 };
    }
    case 'ratio':
    case 'weighted':
    case 'mean': {
      const baseline = round(between(random, 10, 70), 1);
      return { baseline, target: round(baseline + between(random, 3, 20), 1), decimals: 1 };
    }
    case 'range': {
      const baseline = round(between(random, 40, 60), 1);
      return { baseline, target: baseline, decimals: 1 };
    }
  }
}

export interface GroupBundle {
  plan: PlanFile;
  figures: number;
}

/** The bundle of group `groupIndex` of a size. */
export function buildGroup(spec: SizeSpec, groupIndex: number): GroupBundle {
  const slug = `bench-${spec.name.toLowerCase()}-${groupIndex}`;
  const groupCode = 'GRP';
  const unitCodes = Array.from({ length: spec.units }, (_, i) => unitCode(i, spec));
  const last = periodContaining('month', BENCH_AS_OF);
  const lastMonth = addPeriods(last, -1);
  const months: Period[] = Array.from({ length: spec.months }, (_, i) =>
    addPeriods(lastMonth, i - spec.months + 1),
  );
  const firstMonth = months[0] ?? lastMonth;

  const units: PlanFileUnit[] = [
    {
      code: groupCode,
      kind: 'group',
      name: bilingual(`Groupe de référence ${groupIndex}`, `Benchmark group ${groupIndex}`),
      shortName: `G${groupIndex}`,
      city: 'Paris',
      region: 'Île-de-France',
      parent: null,
    },
    ...unitCodes.map((code, i): PlanFileUnit => ({
      code,
      kind: code.startsWith('SUB') ? 'subsidiary' : 'school',
      name: bilingual(
        `École ${i + 1} du groupe ${groupIndex}`,
        `School ${i + 1} of group ${groupIndex}`,
      ),
      shortName: code,
      city: `Ville ${i + 1}`,
      region: pick(streamOf(slug, 'region', i), [
        'Bretagne',
        'Occitanie',
        'Grand Est',
        'Normandie',
      ]),
      parent: groupCode,
    })),
  ];

  const facets = [
    {
      code: 'focus',
      name: bilingual('Axe stratégique', 'Strategic focus'),
      values: FOCUSES.map((v) => ({ code: v, name: bilingual(`Axe ${v}`, `Focus ${v}`) })),
    },
    {
      code: 'scale',
      name: bilingual('Échelle', 'Scale'),
      values: SCALES.map((v) => ({ code: v, name: bilingual(`Échelle ${v}`, `Scale ${v}`) })),
    },
    {
      code: 'sdg',
      name: bilingual('Objectif de développement durable', 'Sustainable development goal'),
      values: SDGS.map((v) => ({ code: v, name: bilingual(`ODD ${v}`, `SDG ${v}`) })),
    },
  ];

  // Indicators with their trajectories; series shapes are kept to draw the figures from.
  const shapes = new Map<string, SeriesShape>();
  const indicators: PlanFileIndicator[] = [];
  for (let i = 0; i < spec.indicators; i++) {
    const code = indicatorCode(i);
    const kind = kindOf(i);
    const random = streamOf(slug, code);
    const direction: Direction =
      kind === 'decrease' ? 'decrease' : kind === 'range' ? 'range' : 'increase';
    const aggregation: Aggregation =
      kind === 'ratio'
        ? 'ratio_of_sums'
        : kind === 'weighted'
          ? 'weighted_mean'
          : kind === 'mean'
            ? pick(random, ['mean', 'min', 'max'] as const)
            : kind === 'range'
              ? 'mean'
              : 'sum';
    const targets: PlanFileTargetPoint[] = [];
    let groupBaseline = 0;
    let groupTarget = 0;
    for (const unit of unitCodes) {
      const shape = shapeOf(kind, streamOf(slug, code, unit, 'shape'));
      shapes.set(`${code}|${unit}`, shape);
      groupBaseline += shape.baseline;
      groupTarget += shape.target;
      if (kind === 'range') continue;
      targets.push(
        {
          kind: 'baseline',
          period: firstMonth.text,
          value: shape.baseline,
          unit,
          provenance: 'illustrative',
        },
        {
          kind: 'target',
          period: TARGET_PERIOD,
          value: shape.target,
          unit,
          provenance: 'illustrative',
        },
      );
    }
    if (kind !== 'range') {
      const additive = kind === 'count' || kind === 'decrease';
      const n = additive ? 1 : unitCodes.length;
      const base = round(groupBaseline / n, 1);
      const target = round(groupTarget / n, 1);
      targets.push(
        {
          kind: 'baseline',
          period: firstMonth.text,
          value: base,
          unit: groupCode,
          provenance: 'official',
          source: 'Bench',
        },
        {
          kind: 'milestone',
          period: lastMonth.text,
          value: round(base + (target - base) * 0.7, 1),
          unit: groupCode,
          provenance: 'official',
          source: 'Bench',
        },
        {
          kind: 'target',
          period: TARGET_PERIOD,
          value: target,
          unit: groupCode,
          provenance: 'official',
          source: 'Bench',
        },
      );
    }
    // Rules that read other indicators point back at plain counts declared before them.
    const countBefore = (offset: number) => indicatorCode(Math.max(0, i - offset));
    indicators.push({
      code,
      name: bilingual(`Indicateur ${i + 1} (${kind})`, `Indicator ${i + 1} (${kind})`),
      definition: bilingual(
        `Définition synthétique de l'indicateur ${i + 1}, mesuré chaque mois par chaque unité.`,
        `Synthetic definition of indicator ${i + 1}, measured every month by every unit.`,
      ),
      unit: kind === 'count' ? 'count' : kind === 'decrease' ? 'MWh' : '%',
      decimals: kind === 'count' || kind === 'decrease' ? 0 : 1,
      direction,
      ...(kind === 'range' ? { range: [40, 60] as [number, number] } : {}),
      frequency: 'month',
      aggregation,
      ...(kind === 'ratio'
        ? { numerator: countBefore(6), denominator: countBefore(5), scale: 100 }
        : {}),
      ...(kind === 'weighted' ? { weightIndicator: countBefore(7) } : {}),
      source: 'Système d’information du groupe / group information system',
      owner: groupCode,
      headline: i % Math.max(1, Math.floor(spec.indicators / 9)) === 0,
      units: unitCodes,
      facets: { focus: [pick(random, FOCUSES)], sdg: [pick(random, SDGS)] },
      targets,
    });
  }
  // Ratio and weighted rules need their inputs to exist: with fewer than 8 indicators, drop them.
  for (const ind of indicators) {
    if (ind.aggregation === 'ratio_of_sums' && indicators.indexOf(ind) < 6)
      ind.aggregation = 'mean';
    if (ind.aggregation === 'weighted_mean' && indicators.indexOf(ind) < 7)
      ind.aggregation = 'mean';
    if (ind.aggregation === 'mean') {
      delete ind.numerator;
      delete ind.denominator;
      delete ind.scale;
      delete ind.weightIndicator;
    }
  }

  // The group plan: 3 families → 9 priorities → 36 objectives; indicators spread over objectives.
  const planCode = 'GROUP-PLAN';
  const objectiveCodes: string[] = [];
  const elements: PlanFileElement[] = FAMILIES.map((family) => ({
    code: family.code,
    level: 'family',
    title: bilingual(`Famille ${family.code}`, `Family ${family.code}`),
    owner: groupCode,
    children: family.priorities.map((priority): PlanFileElement => {
      const random = streamOf(slug, priority);
      const objectives = Array.from(
        { length: OBJECTIVES_PER_PRIORITY },
        (_, k) => `${priority}.${k + 1}`,
      );
      objectiveCodes.push(...objectives);
      return {
        code: priority,
        level: 'priority',
        title: bilingual(`Priorité stratégique ${priority}`, `Strategic priority ${priority}`),
        owner: groupCode,
        lead: `Direction ${priority}`,
        facets: {
          focus: [
            ...new Set([pick(random, FOCUSES), pick(random, FOCUSES), pick(random, FOCUSES)]),
          ],
          scale: [pick(random, SCALES)],
          sdg: [pick(random, SDGS)],
        },
        children: objectives.map((objective) => ({
          code: objective,
          level: 'objective',
          title: bilingual(`Objectif ${objective}`, `Objective ${objective}`),
          owner: groupCode,
          facets: { focus: [pick(streamOf(slug, objective), FOCUSES)] },
        })),
      };
    }),
  }));
  const objectiveIndicators = new Map<string, string[]>();
  indicators.forEach((ind, i) => {
    const objective = objectiveCodes[i % objectiveCodes.length] ?? '';
    objectiveIndicators.set(objective, [...(objectiveIndicators.get(objective) ?? []), ind.code]);
  });
  for (const family of elements) {
    for (const priority of family.children ?? []) {
      const lead: string[] = [];
      for (const objective of priority.children ?? []) {
        const list = objectiveIndicators.get(objective.code) ?? [];
        if (list.length > 0) objective.indicators = list;
        if (list[0]) lead.push(list[0]);
      }
      if (lead.length > 0) priority.indicators = lead;
    }
  }
  const plans: PlanFilePlan[] = [
    {
      code: planCode,
      unit: groupCode,
      title: bilingual(
        `Plan stratégique du groupe ${groupIndex}`,
        `Strategic plan of group ${groupIndex}`,
      ),
      years: [2023, 2027],
      status: 'adopted',
      adoptedOn: '2022-11-25',
      alignsTo: null,
      levels: [
        { key: 'family', name: bilingual('Famille', 'Family') },
        { key: 'priority', name: bilingual('Priorité', 'Priority') },
        { key: 'objective', name: bilingual('Objectif', 'Objective') },
      ],
      rollupThresholds: { onTrack: 0.9, atRisk: 0.6 },
      elements,
    },
  ];
  // One plan per unit, aligned to the group's priorities and objectives.
  const priorities = FAMILIES.flatMap((f) => f.priorities);
  unitCodes.forEach((unit, u) => {
    const random = streamOf(slug, unit, 'plan');
    plans.push({
      code: `${unit}-PLAN`,
      unit,
      title: bilingual(`Plan stratégique de ${unit}`, `Strategic plan of ${unit}`),
      years: [2023, 2027],
      status: 'adopted',
      alignsTo: planCode,
      levels: [
        { key: 'priority', name: bilingual('Priorité', 'Priority') },
        { key: 'objective', name: bilingual('Objectif', 'Objective') },
      ],
      elements: Array.from({ length: SCHOOL_PRIORITIES }, (_, p): PlanFileElement => {
        const target = priorities[(u + p * 3) % priorities.length] ?? 'A1';
        return {
          code: `P${p + 1}`,
          level: 'priority',
          title: bilingual(`Priorité ${p + 1} de ${unit}`, `Priority ${p + 1} of ${unit}`),
          owner: unit,
          alignsTo: [target],
          indicators: [indicatorCode((u * 7 + p * 13) % spec.indicators)],
          facets: { focus: [pick(random, FOCUSES)] },
          children: Array.from({ length: SCHOOL_OBJECTIVES }, (_, o) => ({
            code: `P${p + 1}.${o + 1}`,
            level: 'objective',
            title: bilingual(
              `Objectif ${p + 1}.${o + 1} de ${unit}`,
              `Objective ${p + 1}.${o + 1} of ${unit}`,
            ),
            owner: unit,
            alignsTo: [`${target}.${(o % OBJECTIVES_PER_PRIORITY) + 1}`],
          })),
        };
      }),
    });
  });

  // Figures: every unit, every month, following a profile (mostly on track).
  const measurements: PlanFileMeasurement[] = [];
  let figures = 0;
  for (let i = 0; i < spec.indicators; i++) {
    const code = indicatorCode(i);
    const kind = kindOf(i);
    for (const unit of unitCodes) {
      const random = streamOf(slug, code, unit, 'series');
      const shape = shapes.get(`${code}|${unit}`);
      if (!shape) continue;
      const roll = random();
      const factor =
        roll < 0.7
          ? between(random, 0.97, 1.1)
          : roll < 0.9
            ? between(random, 0.82, 0.92)
            : between(random, 0.3, 0.6);
      // A few series stop half a year early: they show as stale.
      const stop = random() < 0.03 ? Math.max(1, months.length - 6) : months.length;
      const values: Record<string, number> = {};
      const span = mustParsePeriod(TARGET_PERIOD).startMonth - firstMonth.startMonth;
      for (let m = 0; m < stop; m++) {
        const month = months[m];
        if (!month) continue;
        const t = span > 0 ? (month.startMonth - firstMonth.startMonth) / span : 0;
        const expected = shape.baseline + (shape.target - shape.baseline) * t;
        const noise = 1 + between(random, -0.02, 0.02);
        const value =
          kind === 'range'
            ? shape.baseline + between(random, -8, 8) * (roll < 0.9 ? 1 : 2.5)
            : (shape.baseline + (expected - shape.baseline) * factor) * noise;
        values[month.text] = round(Math.max(0, value), shape.decimals);
      }
      figures += Object.keys(values).length;
      measurements.push({
        indicator: code,
        unit,
        provenance: random() < 0.8 ? 'official' : 'estimated',
        source: 'Bench',
        validated: random() < 0.9,
        values,
      });
    }
  }

  // Actions: led by a unit (or the group), linked to one or two objectives and a school element.
  const actions: PlanFileAction[] = [];
  const asOfMonth = periodContaining('month', BENCH_AS_OF);
  for (let a = 0; a < spec.actions; a++) {
    const random = streamOf(slug, 'action', a);
    const leadIndex = Math.floor(random() * (unitCodes.length + 2));
    const lead = unitCodes[leadIndex] ?? groupCode;
    const startMonth = addPeriods(asOfMonth, -Math.floor(between(random, 3, 46)));
    const dueMonth = addPeriods(startMonth, Math.floor(between(random, 6, 36)));
    const started = startMonth.startMonth <= asOfMonth.startMonth;
    const overdue = dueMonth.endMonth <= asOfMonth.startMonth;
    const elapsed = Math.min(
      1,
      Math.max(
        0,
        (asOfMonth.startMonth - startMonth.startMonth) /
          (dueMonth.endMonth - startMonth.startMonth),
      ),
    );
    // Mostly on time, some late, a few far behind; most past their due date are done.
    const roll = random();
    const pace =
      roll < 0.75
        ? between(random, 0.97, 1.2)
        : roll < 0.92
          ? between(random, 0.8, 0.93)
          : between(random, 0.3, 0.7);
    const state =
      roll < 0.03
        ? 'cancelled'
        : overdue
          ? roll < 0.9
            ? 'done'
            : 'in_progress'
          : started
            ? 'in_progress'
            : 'planned';
    const progress =
      state === 'done'
        ? 100
        : state === 'in_progress'
          ? Math.min(99, Math.max(1, Math.round(elapsed * 100 * pace)))
          : 0;
    const objectives = [pick(random, objectiveCodes), pick(random, objectiveCodes)];
    const refs = [...new Set(objectives)].map((o) => `${planCode}/${o}`);
    if (lead !== groupCode)
      refs.push(`${lead}-PLAN/P${1 + Math.floor(random() * SCHOOL_PRIORITIES)}`);
    const contributors = [pick(random, unitCodes), pick(random, unitCodes)].filter(
      (u) => u !== lead,
    );
    actions.push({
      code: `ACT-${pad(a + 1, 4)}`,
      title: bilingual(`Action ${a + 1} du plan`, `Plan action ${a + 1}`),
      description: bilingual(
        `Description de l'action ${a + 1}.`,
        `Description of action ${a + 1}.`,
      ),
      lead,
      units: [...new Set(contributors)],
      owner: `Responsable ${a + 1}`,
      start: startMonth.start,
      due: dueMonth.end,
      state,
      progress,
      budget: Math.round(between(random, 5, 500)) * 1000,
      provenance: 'illustrative',
      elements: refs,
      facets: { focus: [pick(random, FOCUSES)] },
      milestones: [
        {
          title: bilingual('Lancement', 'Kick-off'),
          due: addPeriods(startMonth, 1).end,
          ...(started ? { done: addPeriods(startMonth, 1).end } : {}),
        },
        { title: bilingual('Bilan', 'Review'), due: dueMonth.end },
      ],
    });
  }

  return {
    plan: {
      strata: 1,
      workspace: {
        slug,
        name: bilingual(
          `Groupe de référence ${groupIndex} (${spec.name})`,
          `Benchmark group ${groupIndex} (${spec.name})`,
        ),
        mission: bilingual(
          'Données synthétiques pour les mesures de performance.',
          'Synthetic data for the benchmarks.',
        ),
      },
      units,
      facets,
      plans,
      indicators,
      measurements,
      actions,
    },
    figures,
  };
}

export interface LoadReport {
  slugs: string[];
  figures: number;
  /** Milliseconds spent building the bundles (JavaScript only). */
  buildMs: number;
  /** Milliseconds spent in the import service (one transaction per group). */
  importMs: number;
}

/** Builds and imports every group of a size through the real import service. */
export async function loadSize(
  services: Services,
  spec: SizeSpec,
  onGroup?: (index: number, ms: number) => void,
): Promise<LoadReport> {
  const report: LoadReport = { slugs: [], figures: 0, buildMs: 0, importMs: 0 };
  for (let g = 0; g < spec.groups; g++) {
    let started = performance.now();
    const bundle = buildGroup(spec, g);
    report.buildMs += performance.now() - started;
    started = performance.now();
    await services.planFiles.importPlan(bundle.plan, BENCH_PRINCIPAL);
    const ms = performance.now() - started;
    report.importMs += ms;
    report.figures += bundle.figures;
    report.slugs.push(bundle.plan.workspace.slug);
    onGroup?.(g, ms);
  }
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      check: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const name = values.size.toUpperCase();
  if (!(name in SIZES)) throw new Error(`--size must be XS, S, M or L, not ${name}`);
  const spec = SIZES[name as SizeName];
  if (values.check) {
    const { parsePlanFiles, serializePlanFile } = await import('../src/domain/plan-file/index.ts');
    const bundle = buildGroup(SIZES.XS, 0);
    const parsed = parsePlanFiles([{ fileName: 'xs.yaml', text: serializePlanFile(bundle.plan) }]);
    if (!parsed.ok) {
      for (const e of parsed.errors.slice(0, 20)) console.error(`${e.path}: ${e.message}`);
      throw new Error(`the generated bundle has ${parsed.errors.length} error(s)`);
    }
    const group = buildGroup(spec, 0);
    console.log(
      `generator OK (XS bundle parses cleanly); size ${spec.name}: ${spec.groups} group(s) × ` +
        `${group.plan.indicators.length} indicators, ${group.figures} figures, ` +
        `${group.plan.actions.length} actions, ${group.plan.plans.length} plans per group`,
    );
    return;
  }
  if (!values['database-url'] && !values['data-dir']) {
    throw new Error('give --database-url (PostgreSQL) or --data-dir (PGlite folder), or --check');
  }
  const { openDatabase } = await import('../src/db/connection.ts');
  const { strataFromDatabase } = await import('../src/services/runtime.ts');
  const database = await openDatabase({
    databaseUrl: values['database-url'],
    dataDir: values['data-dir'] ?? 'memory://',
    poolSize: 2,
  });
  const strata = await strataFromDatabase(database, null, { now: () => BENCH_NOW });
  try {
    const report = await loadSize(strata.services, spec, (g, ms) => {
      console.log(`group ${g + 1}/${spec.groups} imported in ${(ms / 1000).toFixed(1)} s`);
    });
    console.log(
      `size ${spec.name}: ${report.figures} figures in ${report.slugs.length} workspace(s); ` +
        `build ${(report.buildMs / 1000).toFixed(1)} s, import ${(report.importMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await strata.close();
  }
}

if (import.meta.main) await main();
