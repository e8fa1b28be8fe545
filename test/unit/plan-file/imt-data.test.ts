import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFiles } from '../../../src/domain/plan-file/index.ts';
import type {
  PlanFile,
  PlanFileElement,
  PlanFileIndicator,
  PlanFilePlan,
} from '../../../src/domain/plan-file/index.ts';
import { AGGREGATIONS } from '../../../src/domain/types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATA_DIR = join(ROOT, 'data', 'imt-2023-2027');
const GENERATED = '60-measurements-illustrative.yaml';

const FILES = [
  '00-workspace.yaml',
  '10-plan-group.yaml',
  '20-indicators.yaml',
  '30-measurements-official.yaml',
  '40-school-plans.yaml',
  '50-actions.yaml',
  GENERATED,
];

/** The nine priorities of the seed with their exact English titles. */
const PRIORITIES: [family: string, code: string, title: string][] = [
  [
    'A',
    'A1',
    'Adapt and transform our courses to meet our growth needs and the expectations of students and companies',
  ],
  ['A', 'A2', 'Develop and form a network of vocational training courses and lifelong learning'],
  [
    'A',
    'A3',
    'Respond to the needs of strategic industrial sectors and public policy challenges, through academic and technological research across IMT',
  ],
  [
    'A',
    'A4',
    'Play an active role in regional economic development policies and help guide businesses in their transformations',
  ],
  [
    'C',
    'C1',
    'Make IMT an active, prominent and recognized player in the European ecosystem, with an international presence',
  ],
  [
    'C',
    'C2',
    'Strengthen IMT’s commitment to ecological transition at all levels and increase its impact',
  ],
  [
    'C',
    'C3',
    'Structure partnerships on a regional, national and European scale to create effective ecosystems and leverage effects',
  ],
  ['C', 'C4', 'Make IMT more attractive to its internal and external stakeholders'],
  ['C', 'T5', 'Structure and consolidate overall operations to help implement the strategy'],
];

const FOCUSES: [code: string, en: string, fr: string][] = [
  ['industry', 'Responsible industry of the future', 'Industrie du futur responsable'],
  ['energy', 'Energy, circular economy and society', 'Énergie, économie circulaire et société'],
  ['digital', 'Digital sovereignty and sufficiency', 'Souveraineté numérique et sobriété'],
  ['health', 'Healthcare engineering and well-being', 'Ingénierie santé et bien-être'],
];

const IMT_UNITS: [code: string, kind: string, city: string][] = [
  ['IMT', 'group', 'Palaiseau'],
  ['IMT-ATL', 'school', 'Brest, Nantes, Rennes'],
  ['IMT-ALBI', 'school', 'Albi'],
  ['IMT-ALES', 'school', 'Alès'],
  ['IMT-NE', 'school', 'Lille, Douai'],
  ['IMT-BS', 'school', 'Évry'],
  ['MINES-SE', 'school', 'Saint-Étienne, Gardanne'],
  ['TPARIS', 'school', 'Palaiseau'],
  ['TSP', 'school', 'Évry, Palaiseau'],
  ['EURECOM', 'subsidiary', 'Sophia-Antipolis'],
  ['INSIC', 'subsidiary', 'Saint-Dié-des-Vosges'],
];

/**
 * Every sourced figure of IMT-FACTS.md: [indicator, unit, period, value, where, part of source].
 * `where` says whether it is a measured value or a trajectory point of the given kind.
 */
const OFFICIAL: [
  string,
  string,
  string,
  number,
  'measurement' | 'baseline' | 'milestone' | 'target',
  string,
][] = [
  ['GRAD-ENG', 'IMT', '2022', 9653, 'measurement', 'linfodurable.fr'],
  ['GRAD-ENG', 'IMT', '2022', 9653, 'baseline', 'linfodurable.fr'],
  ['GRAD-ENG', 'IMT', '2027', 11600, 'target', 'linfodurable.fr'],
  ['WOMEN-INTAKE', 'IMT', '2022', 22.7, 'measurement', 'linfodurable.fr'],
  ['WOMEN-INTAKE', 'IMT', '2022', 22.7, 'baseline', 'linfodurable.fr'],
  ['WOMEN-INTAKE', 'IMT', '2027', 30, 'target', 'linfodurable.fr'],
  ['WOMEN-INTAKE', 'IMT', '2030', 35, 'milestone', 'linfodurable.fr'],
  ['STAY-ABROAD', 'IMT', '2022', 18, 'measurement', 'headway-advisory.com'],
  ['STAY-ABROAD', 'IMT', '2022', 18, 'baseline', 'headway-advisory.com'],
  ['STAY-ABROAD', 'IMT', '2027', 33, 'target', 'headway-advisory.com'],
  ['RESEARCH-SHARE-P192', 'IMT', '2018', 38.8, 'measurement', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2019', 40.2, 'measurement', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2020', 40.6, 'measurement', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2021', 38.9, 'measurement', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2022', 39.4, 'measurement', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2023', 38, 'milestone', 'programme 192'],
  ['RESEARCH-SHARE-P192', 'IMT', '2024', 40, 'target', 'programme 192'],
  ['STUDENTS', 'IMT', '2023', 13300, 'measurement', 'IMT 2023-27 strategy'],
  ['CARNOT', 'IMT', '2023', 2, 'measurement', 'IMT 2023-27 strategy'],
  ['COMPANY-PARTNERSHIPS', 'IMT', '2023', 7000, 'measurement', 'IMT director general, 2023'],
  ['INTL-SHARE', 'IMT-ALES', '2017', 10, 'measurement', 'IMT Mines Alès'],
  ['INTL-SHARE', 'IMT-ALES', '2022', 20, 'target', 'IMT Mines Alès'],
  ['ENGLISH-COURSES', 'IMT-ALES', '2017', 0, 'measurement', 'IMT Mines Alès'],
  ['ENGLISH-COURSES', 'IMT-ALES', '2022', 7, 'target', 'IMT Mines Alès'],
  ['PARTNER-RESEARCH-REV', 'IMT-ALES', '2017', 2.7, 'measurement', 'IMT Mines Alès'],
  ['PARTNER-RESEARCH-REV', 'IMT-ALES', '2022', 3.5, 'target', 'IMT Mines Alès'],
  ['PHD-STUDENTS', 'IMT-ALES', '2017', 63, 'measurement', 'IMT Mines Alès'],
  ['PHD-STUDENTS', 'IMT-ALES', '2022', 85, 'target', 'IMT Mines Alès'],
  ['COMPANY-PARTNERSHIPS', 'IMT-ALES', '2017', 1740, 'measurement', 'IMT Mines Alès'],
  ['COMPANY-PARTNERSHIPS', 'IMT-ALES', '2022', 1900, 'target', 'IMT Mines Alès'],
  ['STUDENTS', 'IMT-ALES', '2022', 1400, 'measurement', 'IMT Mines Alès'],
  ['APPRENTICE-SHARE', 'IMT-ALES', '2022', 30, 'measurement', 'IMT Mines Alès'],
  ['STUDENTS', 'IMT-ATL', '2027', 2500, 'target', 'IMT Atlantique'],
  ['STATE-JOBS', 'IMT', '2027', 120, 'target', '+120'],
];

let plan: PlanFile;

function groupPlan(): PlanFilePlan {
  const found = plan.plans.find((p) => p.code === 'IMT-2023-2027');
  if (!found) throw new Error('no group plan');
  return found;
}

function walk(elements: readonly PlanFileElement[] | undefined): PlanFileElement[] {
  return (elements ?? []).flatMap((e) => [e, ...walk(e.children)]);
}

function indicatorCodes(element: PlanFileElement): string[] {
  return (element.indicators ?? []).map((ref) => (typeof ref === 'string' ? ref : ref.code));
}

function indicator(code: string): PlanFileIndicator {
  const found = plan.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

beforeAll(() => {
  const files = FILES.map((fileName) => ({
    fileName,
    text: readFileSync(join(DATA_DIR, fileName), 'utf8'),
  }));
  const result = parsePlanFiles(files);
  if (!result.ok) {
    throw new Error(
      result.errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('\n'),
    );
  }
  plan = result.plan;
});

describe('the IMT 2023–2027 data set', () => {
  it('is exactly the expected files', () => {
    expect(
      readdirSync(DATA_DIR)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(FILES);
  });

  it('has the workspace and the mission statement of the seed', () => {
    expect(plan.workspace.slug).toBe('imt');
    expect(plan.workspace.mission.en).toBe(
      'All together to imagine and build a sustainable future and train its key stakeholders.',
    );
  });

  it.each(IMT_UNITS)('has unit %s (%s) in %s', (code, kind, city) => {
    const unit = plan.units.find((u) => u.code === code);
    expect(unit?.kind).toBe(kind);
    expect(unit?.city).toBe(city);
    expect(unit?.region).toBeTruthy();
    expect(unit?.parent).toBe(code === 'IMT' ? undefined : 'IMT');
  });

  it('has 10 IMT units besides the group, and the partner schools as partners', () => {
    const kinds = plan.units.map((u) => u.kind);
    expect(kinds.filter((k) => k === 'school')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'subsidiary')).toHaveLength(2);
    expect(plan.units.filter((u) => u.kind === 'partner_school').map((u) => u.code)).toEqual([
      'MINES-PARIS',
      'MINES-NANCY',
    ]);
  });

  it.each(FOCUSES)('has the strategic focus %s', (code, en, fr) => {
    const focus = plan.facets.find((f) => f.code === 'focus');
    expect(focus?.values).toHaveLength(4);
    expect(focus?.values.find((v) => v.code === code)?.name).toEqual({ fr, en });
  });

  it('has the group plan adopted on 25 November 2022 with two families', () => {
    const gp = groupPlan();
    expect(gp).toMatchObject({ status: 'adopted', adoptedOn: '2022-11-25', years: [2023, 2027] });
    expect(gp.levels.map((l) => l.key)).toEqual(['family', 'priority', 'objective']);
    expect(gp.elements?.map((e) => [e.code, e.title.en])).toEqual([
      ['A', 'Activity-level strategic priorities'],
      ['C', 'Cross-cutting strategic priorities'],
    ]);
  });

  it.each(PRIORITIES)('family %s has priority %s with the seed title', (family, code, title) => {
    const fam = groupPlan().elements?.find((e) => e.code === family);
    const priority = fam?.children?.find((e) => e.code === code);
    expect(priority?.title.en).toBe(title);
    expect(priority?.title.fr).toBeTruthy();
    expect(priority?.facets?.focus?.length).toBeGreaterThan(0);
    expect(priority?.facets?.scale?.length).toBeGreaterThan(0);
    expect(priority ? indicatorCodes(priority).length : 0).toBeGreaterThanOrEqual(2);
    const objectives = priority?.children ?? [];
    expect(objectives.length).toBeGreaterThanOrEqual(2);
    expect(objectives.length).toBeLessThanOrEqual(3);
  });

  it('has exactly the nine priorities of the seed', () => {
    const priorities = walk(groupPlan().elements).filter((e) => e.level === 'priority');
    expect(priorities.map((p) => p.code)).toEqual(PRIORITIES.map(([, code]) => code));
  });

  it.each(OFFICIAL)(
    'has the official figure %s / %s / %s = %s (%s) with its source',
    (code, unit, period, value, where, source) => {
      const ind = indicator(code);
      if (where === 'measurement') {
        const entry = plan.measurements.find(
          (m) => m.indicator === code && m.unit === unit && m.values[period] !== undefined,
        );
        expect(entry?.values[period]).toBe(value);
        expect(entry?.provenance).toBe('official');
        expect(entry?.source).toContain(source);
      } else {
        const point = ind.targets?.find(
          (t) => t.kind === where && t.unit === unit && t.period === period,
        );
        expect(point?.value).toBe(value);
        expect(point?.provenance).toBe('official');
        expect(point?.source).toContain(source);
      }
    },
  );

  it('names a source for every official or estimated figure', () => {
    const figures = [
      ...plan.measurements,
      ...plan.indicators.flatMap((i) => i.targets ?? []),
    ].filter((f) => f.provenance !== 'illustrative');
    expect(figures.length).toBeGreaterThan(30);
    for (const figure of figures) expect(figure.source?.trim()).toBeTruthy();
  });

  it('shows every aggregation kind, a decreasing and a range indicator, 4–6 headlines', () => {
    expect(new Set(plan.indicators.map((i) => i.aggregation))).toEqual(new Set(AGGREGATIONS));
    expect(plan.indicators.some((i) => i.direction === 'decrease')).toBe(true);
    expect(plan.indicators.some((i) => i.direction === 'range' && i.range)).toBe(true);
    const headlines = plan.indicators.filter((i) => i.headline).length;
    expect(headlines).toBeGreaterThanOrEqual(4);
    expect(headlines).toBeLessThanOrEqual(6);
  });

  it('aggregates rates correctly: shares as ratio of sums, employment weighted by graduates', () => {
    expect(indicator('INTL-SHARE')).toMatchObject({
      aggregation: 'ratio_of_sums',
      numerator: 'INTL-STUDENTS',
      denominator: 'STUDENTS',
      scale: 100,
    });
    expect(indicator('EMPLOY-RATE')).toMatchObject({
      aggregation: 'weighted_mean',
      weightIndicator: 'GRAD-ENG',
    });
    for (const i of plan.indicators.filter((x) => x.unit === '%')) {
      expect(['ratio_of_sums', 'weighted_mean', 'min', 'none']).toContain(i.aggregation);
    }
  });

  it('gives every school-reported indicator its units and per-school trajectories', () => {
    const reported = plan.indicators.filter(
      (i) => i.aggregation !== 'none' && (i.targets ?? []).some((t) => t.unit !== 'IMT'),
    );
    expect(reported.length).toBeGreaterThan(15);
    for (const i of reported) {
      for (const unit of i.units ?? []) {
        const points = (i.targets ?? []).filter((t) => t.unit === unit);
        expect(points.map((p) => p.kind)).toContain('target');
      }
    }
  });

  it('has measurements for every school and subsidiary', () => {
    for (const unit of plan.units.filter((u) => u.kind === 'school' || u.kind === 'subsidiary')) {
      expect(plan.measurements.some((m) => m.unit === unit.code)).toBe(true);
    }
  });

  it('has one small aligned plan per school and subsidiary', () => {
    const schoolPlans = plan.plans.filter((p) => p.code !== 'IMT-2023-2027');
    expect(schoolPlans.map((p) => p.unit).sort()).toEqual(
      plan.units
        .filter((u) => u.kind === 'school' || u.kind === 'subsidiary')
        .map((u) => u.code)
        .sort(),
    );
    for (const p of schoolPlans) {
      expect(p.alignsTo).toBe('IMT-2023-2027');
      const elements = walk(p.elements);
      expect(elements.length).toBeGreaterThanOrEqual(3);
      expect(elements.length).toBeLessThanOrEqual(5);
      expect(elements.every((e) => (e.alignsTo ?? []).length > 0 || e.level === 'priority')).toBe(
        true,
      );
    }
  });

  it('has about three illustrative actions per priority, in 2023–2027, in several states', () => {
    expect(plan.actions.length).toBeGreaterThanOrEqual(27);
    for (const [, code] of PRIORITIES) {
      const linked = plan.actions.filter((a) =>
        (a.elements ?? []).some((ref) => ref.startsWith(`IMT-2023-2027/${code}.`)),
      );
      expect(linked.length).toBeGreaterThanOrEqual(3);
    }
    expect(plan.actions.every((a) => a.provenance === 'illustrative')).toBe(true);
    expect(new Set(plan.actions.map((a) => a.state))).toEqual(
      new Set(['planned', 'in_progress', 'done', 'cancelled']),
    );
    for (const a of plan.actions) {
      expect(a.start && a.start >= '2023-01-01').toBe(true);
      expect(a.due && a.due <= '2027-12-31').toBe(true);
    }
  });

  it('keeps the generated measurements illustrative, small and up to date', () => {
    const text = readFileSync(join(DATA_DIR, GENERATED), 'utf8');
    expect(text).toContain('scripts/gen-imt-demo.ts');
    expect(statSync(join(DATA_DIR, GENERATED)).size).toBeLessThan(1_000_000);
    const entries = plan.measurements.filter((m) => m.provenance === 'illustrative');
    expect(entries.every((m) => m.source === 'Données de démonstration / demo data')).toBe(true);
    const output = execFileSync(process.execPath, ['scripts/gen-imt-demo.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(output).toContain('up to date');
  });
});
