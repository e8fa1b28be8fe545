import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  normalizePlanFile,
  parsePlanFiles,
  resolveElementRef,
  serializePlanFile,
  serializePlanFileDocument,
} from '../../../src/domain/plan-file/index.ts';
import type { PlanFile } from '../../../src/domain/plan-file/index.ts';
import { inputs, validFiles } from './fixtures.ts';

const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'imt-2023-2027');

function imtFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(DATA_DIR)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name, readFileSync(join(DATA_DIR, name), 'utf8')]),
  );
}

function parseOk(files: Record<string, string>): PlanFile {
  const result = parsePlanFiles(inputs(files));
  if (!result.ok) {
    throw new Error(
      result.errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('\n'),
    );
  }
  return result.plan;
}

describe('serializePlanFile round trip', () => {
  it.each([
    ['the IMT data set', imtFiles],
    ['the small fixture bundle', validFiles],
  ])('parse → serialize → parse gives back %s deep-equal', (_, files) => {
    const plan = parseOk(files());
    const text = serializePlanFile(plan);
    expect(parseOk({ 'plan.yaml': text })).toStrictEqual(plan);
    expect(serializePlanFile(parseOk({ 'plan.yaml': text }))).toBe(text);
  });

  it('omits fields equal to their defaults, and parsing applies the same rule', () => {
    const explicit = `strata: 1
workspace: { slug: w, name: { fr: W, en: W }, mission: { fr: M, en: M } }
units:
  - { code: G, kind: group, name: { fr: G, en: G }, parent: null, city: "", shortName: "" }
plans:
  - code: P
    unit: G
    title: { fr: P, en: P }
    years: [2023, 2027]
    status: draft
    alignsTo: null
    levels: [{ key: l, name: { fr: L, en: L } }]
    rollupThresholds: { onTrack: 0.9, atRisk: 0.6 }
    elements:
      - { code: E, level: l, title: { fr: E, en: E }, weight: 1, lead: "", facets: {}, alignsTo: [], indicators: [{ code: I, weight: 1 }], children: [] }
indicators:
  - code: I
    name: { fr: I, en: I }
    unit: count
    decimals: 0
    direction: increase
    frequency: year
    aggregation: sum
    source: ""
    thresholds: { onTrack: 0.95, atRisk: 0.8 }
    graceDays: 90
    public: true
    headline: false
    units: []
    targets: []
measurements:
  - { indicator: I, unit: G, provenance: estimated, source: "", validated: false, note: "", values: { "2024": 1 } }
actions:
  - { code: A, title: { fr: A, en: A }, lead: G, units: [], owner: "", state: planned, progress: 0, weight: 1, provenance: estimated, elements: [], milestones: [] }
`;
    const plan = parseOk({ 'a.yaml': explicit });
    expect(plan.units[0]).toStrictEqual({ code: 'G', kind: 'group', name: { fr: 'G', en: 'G' } });
    expect(plan.plans[0]?.elements?.[0]).toStrictEqual({
      code: 'E',
      level: 'l',
      title: { fr: 'E', en: 'E' },
      indicators: ['I'],
    });
    expect(Object.keys(plan.indicators[0] ?? {})).toEqual([
      'code',
      'name',
      'unit',
      'direction',
      'frequency',
      'aggregation',
    ]);
    expect(plan.measurements[0]).toStrictEqual({
      indicator: 'I',
      unit: 'G',
      provenance: 'estimated',
      values: { '2024': 1 },
    });
    expect(Object.keys(plan.actions[0] ?? {})).toEqual([
      'code',
      'title',
      'lead',
      'state',
      'provenance',
    ]);
    const text = serializePlanFile(plan);
    for (const absent of [
      'parent',
      'rollupThresholds',
      'weight',
      'public',
      'graceDays',
      'progress',
    ]) {
      expect(text).not.toContain(`${absent}:`);
    }
    expect(normalizePlanFile(plan)).toStrictEqual(plan);
  });

  it('keeps texts that look like other YAML types as texts', () => {
    const plan = parseOk(validFiles());
    const tricky = [
      'yes',
      'no',
      'null',
      '2022-11-25',
      '12',
      'a: b',
      '# not a comment',
      "l'École\nligne 2",
      ' padded ',
    ];
    const edited: PlanFile = {
      ...plan,
      units: plan.units.map((unit, i) => ({
        ...unit,
        city: tricky[i] ?? '',
        region: tricky[i + 2] ?? '',
      })),
      workspace: { ...plan.workspace, mission: { fr: tricky[7] ?? '', en: tricky[8] ?? '' } },
    };
    const text = serializePlanFile(edited);
    expect(parseOk({ 'a.yaml': text })).toStrictEqual(normalizePlanFile(edited));
  });

  it('parses the example of docs/plan-format.md', () => {
    const doc = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'docs', 'plan-format.md'),
      'utf8',
    );
    const example = doc.split('## Example')[1]?.split('```yaml\n')[1]?.split('```')[0] ?? '';
    const plan = parseOk({ 'example.yaml': example });
    expect(plan.measurements[0]?.values).toEqual({ '2022': 50, '2023': 47.5, '2024': 46 });
  });

  it('quotes every period and writes one document with a header comment', () => {
    const text = serializePlanFileDocument(
      {
        strata: 1,
        measurements: [
          {
            indicator: 'I',
            unit: 'G',
            provenance: 'illustrative',
            values: { '2024': 1, '2024-25': 2 },
          },
        ],
      },
      { header: 'Generated.\nDo not edit.' },
    );
    expect(text.startsWith('# Generated.\n# Do not edit.\n')).toBe(true);
    expect(text).toContain('"2024": 1');
    expect(text).toContain('"2024-25": 2');
  });
});

describe('resolveElementRef', () => {
  it.each([
    ['GP/A1', { plan: 'GP', element: 'A1' }],
    ['A1', { plan: 'GP', element: 'A1' }],
    ['P1', { plan: 'SP', element: 'P1' }],
    ['SP/A1', null],
    ['XX/A1', null],
    ['A9', null],
  ])('resolves %s', (ref, expected) => {
    expect(resolveElementRef(parseOk(validFiles()), ref)).toEqual(expected);
  });
});
