import { describe, expect, it } from 'vitest';
import { parsePlanFiles } from '../../../src/domain/plan-file/index.ts';
import type { PlanFileError } from '../../../src/domain/plan-file/index.ts';
import { INDICATORS_FILE, PLANS_FILE, WORKSPACE_FILE, inputs, validFiles } from './fixtures.ts';

const WS = '00-workspace.yaml';
const PL = '10-plans.yaml';
const IN = '20-indicators.yaml';

/** Replaces one exact fragment of a fixture (fails loudly when the fragment is not there). */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
}

/** [file, line, path, part of the message] */
type Expected = [string, number, string, string];

interface Case {
  name: string;
  /** files replacing (or added to) the valid bundle */
  files: Record<string, string>;
  expected: Expected[];
}

const EXTRA_UNITS = `strata: 1
units:
  - code: G2
    kind: school
    name: { fr: G2, en: G2 }
    parent: G
  - { code: S2, kind: school, name: { fr: S2, en: S2 }, parent: NOPE }
`;

const SECOND_PLAN = `strata: 1
plans:
  - code: GP
    unit: G
    title: { fr: Autre, en: Other }
    years: [2023, 2027]
    status: draft
    levels: [{ key: priority, name: { fr: P, en: P } }]
`;

const SECOND_WORKSPACE = `strata: 1
workspace:
  slug: other
  name: { fr: Autre, en: Other }
  mission: { fr: M, en: M }
`;

const CASES: Case[] = [
  // --- YAML and document shape
  {
    name: 'YAML syntax error',
    files: {
      [IN]: edit(
        INDICATORS_FILE,
        '    unit: count\n    direction',
        '   unit: count\n    direction',
      ),
    },
    expected: [[IN, 5, '', 'YAML: Sequence item without - indicator']],
  },
  {
    name: 'YAML syntax error: only the first one of a file is reported',
    files: {
      [IN]: edit(INDICATORS_FILE, '{ fr: Mobilité, en: Abroad }', '{ fr: Mobilité, en: Abroad } }'),
    },
    expected: [[IN, 14, '', 'YAML: Unexpected flow-map-end token']],
  },
  {
    name: 'YAML syntax error: tab indentation',
    files: { '30-tabs.yaml': 'strata: 1\n\tunits: []\n' },
    expected: [['30-tabs.yaml', 2, '', 'Tabs are not allowed']],
  },
  {
    name: 'empty file',
    files: { '30-empty.yaml': '' },
    expected: [['30-empty.yaml', 1, '', 'empty file']],
  },
  {
    name: 'document that is not a mapping',
    files: { '30-list.yaml': '- a\n- b\n' },
    expected: [['30-list.yaml', 1, '', 'must be a mapping']],
  },
  {
    name: 'missing format version',
    files: { [PL]: edit(PLANS_FILE, 'strata: 1\n', '') },
    expected: [[PL, 1, 'strata', 'missing required key "strata"']],
  },
  {
    name: 'unsupported format version',
    files: { [PL]: edit(PLANS_FILE, 'strata: 1', 'strata: 2') },
    expected: [[PL, 1, 'strata', 'must be 1']],
  },
  {
    name: 'unknown key',
    files: { [WS]: edit(WORKSPACE_FILE, '  slug: demo\n', '  slug: demo\n  colour: blue\n') },
    expected: [[WS, 4, 'workspace.colour', 'unknown key "colour"']],
  },
  {
    name: 'missing translation',
    files: { [WS]: edit(WORKSPACE_FILE, '{ fr: Groupe, en: Group }', '{ fr: Groupe }') },
    expected: [[WS, 7, 'units[0].name.en', 'missing required key "en"']],
  },
  {
    name: 'unit kind not in the list',
    files: { [WS]: edit(WORKSPACE_FILE, 'kind: school', 'kind: college') },
    expected: [[WS, 8, 'units[1].kind', 'must be one of: group, school']],
  },
  {
    name: 'year period written without quotes',
    files: { [IN]: edit(INDICATORS_FILE, 'period: "2022"', 'period: 2022') },
    expected: [[IN, 11, 'indicators[0].targets[0].period', 'must be a period in quotes']],
  },
  {
    name: 'invalid target period',
    files: { [IN]: edit(INDICATORS_FILE, 'period: "2027"', 'period: "2027-Q5"') },
    expected: [[IN, 12, 'indicators[0].targets[1].period', '"2027-Q5" is not a period']],
  },
  {
    name: 'invalid date',
    files: { [IN]: edit(INDICATORS_FILE, 'due: 2024-06-30', 'due: 2024-02-30') },
    expected: [[IN, 40, 'actions[0].due', '"2024-02-30" is not a date']],
  },
  {
    name: 'negative weight',
    files: { [PL]: edit(PLANS_FILE, 'weight: 2', 'weight: -1') },
    expected: [[PL, 20, 'plans[0].elements[0].children[0].indicators[1].weight', 'at least 0']],
  },
  // --- units
  {
    name: 'unknown unit code',
    files: { '05-units.yaml': EXTRA_UNITS },
    expected: [['05-units.yaml', 7, 'units[1].parent', 'unknown unit "NOPE"']],
  },
  {
    name: 'duplicate unit code',
    files: {
      '05-units.yaml': 'strata: 1\nunits:\n  - { code: S, kind: campus, name: { fr: S, en: S } }\n',
    },
    expected: [
      [
        '05-units.yaml',
        3,
        'units[0].code',
        'duplicate unit code "S" (first at 00-workspace.yaml line 8)',
      ],
    ],
  },
  {
    name: 'unit parent cycle',
    files: { [WS]: edit(WORKSPACE_FILE, 'en: Group } }', 'en: Group }, parent: S }') },
    expected: [[WS, 7, 'units[0].parent', 'cycle: G → S → G']],
  },
  {
    name: 'unknown lead unit',
    files: { [IN]: edit(INDICATORS_FILE, 'lead: S', 'lead: Z') },
    expected: [[IN, 38, 'actions[0].lead', 'unknown unit "Z"']],
  },
  // --- workspace
  {
    name: 'no workspace',
    files: {
      [WS]: edit(WORKSPACE_FILE, WORKSPACE_FILE.slice(10, WORKSPACE_FILE.indexOf('units:')), ''),
    },
    expected: [[WS, 1, '', 'no workspace']],
  },
  {
    name: 'two workspaces',
    files: { '30-ws.yaml': SECOND_WORKSPACE },
    expected: [['30-ws.yaml', 2, 'workspace', 'already defined at 00-workspace.yaml line 2']],
  },
  // --- facets
  {
    name: 'duplicate facet value code',
    files: { [WS]: edit(WORKSPACE_FILE, 'code: energy', 'code: industry') },
    expected: [[WS, 14, 'facets[0].values[1].code', 'duplicate value code "industry"']],
  },
  {
    name: 'unknown facet value',
    files: { [PL]: edit(PLANS_FILE, 'focus: [industry]', 'focus: [industry, health]') },
    expected: [
      [PL, 19, 'plans[0].elements[0].children[0].facets.focus[1]', 'unknown value "health"'],
    ],
  },
  {
    name: 'unknown facet',
    files: { [PL]: edit(PLANS_FILE, 'focus: [industry]', 'colour: [red]') },
    expected: [[PL, 19, 'plans[0].elements[0].children[0].facets.colour', 'unknown facet']],
  },
  // --- plans and elements
  {
    name: 'duplicate plan code across files',
    files: { '30-more.yaml': SECOND_PLAN },
    expected: [
      [
        '30-more.yaml',
        3,
        'plans[0].code',
        'duplicate plan code "GP" (first at 10-plans.yaml line 3)',
      ],
    ],
  },
  {
    name: 'duplicate element code, and the references it breaks',
    files: { [PL]: edit(PLANS_FILE, 'code: A1\n', 'code: A\n') },
    expected: [
      [PL, 16, 'plans[0].elements[0].children[0].code', 'duplicate element code "A"'],
      [PL, 30, 'plans[1].elements[0].alignsTo[0]', 'unknown element "A1" in plan "GP"'],
      [IN, 44, 'actions[0].elements[0]', 'unknown element "A1" in plan "GP"'],
    ],
  },
  {
    name: 'level that does not match the depth',
    files: {
      [PL]: edit(
        PLANS_FILE,
        'level: priority\n            title',
        'level: family\n            title',
      ),
    },
    expected: [[PL, 17, 'plans[0].elements[0].children[0].level', 'expected "priority"']],
  },
  {
    name: 'unknown level',
    files: { [PL]: edit(PLANS_FILE, 'level: family', 'level: famly') },
    expected: [[PL, 13, 'plans[0].elements[0].level', 'unknown level "famly"']],
  },
  {
    name: 'element deeper than the levels',
    files: {
      [PL]: edit(
        PLANS_FILE,
        'alignsTo: [A1] }',
        'alignsTo: [A1], children: [{ code: P1.1, level: priority, title: { fr: x, en: x } }] }',
      ),
    },
    expected: [[PL, 30, 'plans[1].elements[0].children[0].level', 'too deep']],
  },
  {
    name: 'alignsTo on a plan without alignsTo',
    files: {
      [PL]: edit(
        PLANS_FILE,
        'facets: { focus: [industry] }\n',
        'facets: { focus: [industry] }\n            alignsTo: [P1]\n',
      ),
    },
    expected: [[PL, 20, 'plans[0].elements[0].children[0].alignsTo', 'plan "GP" has no alignsTo']],
  },
  {
    name: 'unknown element in the aligned plan',
    files: { [PL]: edit(PLANS_FILE, 'alignsTo: [A1] }', 'alignsTo: [A9] }') },
    expected: [[PL, 30, 'plans[1].elements[0].alignsTo[0]', 'unknown element "A9" in plan "GP"']],
  },
  {
    name: 'unknown plan in alignsTo',
    files: { [PL]: edit(PLANS_FILE, 'alignsTo: GP', 'alignsTo: GX') },
    expected: [[PL, 26, 'plans[1].alignsTo', 'unknown plan "GX"']],
  },
  {
    name: 'plans aligning in a cycle',
    files: {
      [PL]: edit(PLANS_FILE, '    status: adopted\n', '    status: adopted\n    alignsTo: SP\n'),
    },
    expected: [[PL, 8, 'plans[0].alignsTo', 'plans align in a cycle: GP → SP → GP']],
  },
  {
    name: 'a malformed element causes no further error',
    files: { [PL]: edit(PLANS_FILE, 'title: { fr: A1, en: A1 }', 'title: A1') },
    expected: [[PL, 18, 'plans[0].elements[0].children[0].title', 'must be a mapping']],
  },
  {
    name: 'unknown indicator on an element',
    files: { [PL]: edit(PLANS_FILE, 'indicators: [GRADS,', 'indicators: [GRAD,') },
    expected: [
      [PL, 20, 'plans[0].elements[0].children[0].indicators[0]', 'unknown indicator "GRAD"'],
    ],
  },
  // --- indicators
  {
    name: 'duplicate indicator code, and the reference it breaks',
    files: { [IN]: edit(INDICATORS_FILE, 'code: ABROAD', 'code: GRADS') },
    expected: [
      [
        IN,
        13,
        'indicators[1].code',
        'duplicate indicator code "GRADS" (first at 20-indicators.yaml line 3)',
      ],
      [IN, 26, 'indicators[2].numerator', 'unknown indicator "ABROAD"'],
    ],
  },
  {
    name: 'weighted_mean without weightIndicator',
    files: {
      [IN]: edit(
        INDICATORS_FILE,
        'aggregation: sum\n    units: [S]',
        'aggregation: weighted_mean\n    units: [S]',
      ),
    },
    expected: [[IN, 8, 'indicators[0].aggregation', 'weighted_mean needs weightIndicator']],
  },
  {
    name: 'ratio_of_sums without denominator',
    files: { [IN]: edit(INDICATORS_FILE, '    denominator: GRADS\n', '') },
    expected: [[IN, 25, 'indicators[2].aggregation', 'missing denominator']],
  },
  {
    name: 'range direction without range',
    files: {
      [IN]: edit(
        INDICATORS_FILE,
        'direction: increase\n    frequency: year\n    aggregation: sum\n  - code: SHARE',
        'direction: range\n    frequency: year\n    aggregation: sum\n  - code: SHARE',
      ),
    },
    expected: [[IN, 16, 'indicators[1].direction', 'direction range needs range']],
  },
  {
    name: 'range with min above max',
    files: {
      [IN]: edit(
        INDICATORS_FILE,
        'direction: increase\n    frequency: year\n    aggregation: sum\n  - code: SHARE',
        'direction: range\n    range: [5, 1]\n    frequency: year\n    aggregation: sum\n  - code: SHARE',
      ),
    },
    expected: [[IN, 17, 'indicators[1].range', 'min 5 is greater than max 1']],
  },
  {
    name: 'thresholds with atRisk above onTrack',
    files: {
      [IN]: edit(
        INDICATORS_FILE,
        '    units: [S]\n',
        '    units: [S]\n    thresholds: { onTrack: 0.5, atRisk: 0.9 }\n',
      ),
    },
    expected: [[IN, 10, 'indicators[0].thresholds.atRisk', 'must not be greater than onTrack']],
  },
  // --- measurements
  {
    name: 'duplicate period in one measurement entry',
    files: { [IN]: edit(INDICATORS_FILE, '"2023": 110', '2022: 110') },
    expected: [[IN, 34, 'measurements[0].values["2022"]', 'duplicate period "2022"']],
  },
  {
    name: 'invalid measurement period',
    files: { [IN]: edit(INDICATORS_FILE, '"2023": 110', '"2023-13": 110') },
    expected: [[IN, 34, 'measurements[0].values["2023-13"]', '"2023-13" is not a period']],
  },
  {
    name: 'measurement period of another kind than the frequency',
    files: { [IN]: edit(INDICATORS_FILE, '"2023": 110', '"2023-S1": 110') },
    expected: [
      [
        IN,
        34,
        'measurements[0].values["2023-S1"]',
        'is a semester but indicator "GRADS" is measured per year',
      ],
    ],
  },
  {
    name: 'unknown indicator in a measurement',
    files: { [IN]: edit(INDICATORS_FILE, 'indicator: GRADS', 'indicator: GRAD') },
    expected: [[IN, 30, 'measurements[0].indicator', 'unknown indicator "GRAD"']],
  },
  {
    name: 'official figure without source',
    files: { [IN]: edit(INDICATORS_FILE, '    source: Rapport annuel / annual report\n', '') },
    expected: [[IN, 30, 'measurements[0].source', 'must name its source']],
  },
  // --- actions
  {
    name: 'start after due',
    files: { [IN]: edit(INDICATORS_FILE, 'start: 2023-01-01', 'start: 2025-01-01') },
    expected: [[IN, 40, 'actions[0].due', 'due 2024-06-30 is before start 2025-01-01']],
  },
  {
    name: 'unknown element reference',
    files: { [IN]: edit(INDICATORS_FILE, '[GP/A1, P1]', '[GP/A1, P2]') },
    expected: [[IN, 44, 'actions[0].elements[1]', 'unknown element "P2"']],
  },
  {
    name: 'bare element reference found in two plans',
    files: {
      [PL]: edit(PLANS_FILE, 'code: P1, level', 'code: A1, level'),
      [IN]: edit(INDICATORS_FILE, '[GP/A1, P1]', '[A1]'),
    },
    expected: [
      [IN, 44, 'actions[0].elements[0]', 'exists in several plans (GP, SP): write PLAN/A1'],
    ],
  },
  {
    name: 'element listed twice',
    files: { [IN]: edit(INDICATORS_FILE, '[GP/A1, P1]', '[GP/A1, A1]') },
    expected: [[IN, 44, 'actions[0].elements[1]', 'listed twice']],
  },
];

function summary(errors: readonly PlanFileError[]): Expected[] {
  return errors.map((e) => [e.file, e.line, e.path, e.message]);
}

describe('parsePlanFiles errors', () => {
  it('accepts the valid fixture bundle', () => {
    const result = parsePlanFiles(inputs(validFiles()));
    expect(result.ok ? [] : summary(result.errors)).toEqual([]);
  });

  it.each(CASES)('$name', ({ files, expected }) => {
    const result = parsePlanFiles(inputs({ ...validFiles(), ...files }));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(summary(errors).map(([f, l, p]) => [f, l, p])).toEqual(
      expected.map(([f, l, p]) => [f, l, p]),
    );
    errors.forEach((error, i) => {
      expect(error.message).toContain(expected[i]?.[3]);
      expect(error.column).toBeGreaterThan(0);
    });
  });

  it('collects every error of every file at once, in file and line order', () => {
    const files = {
      [WS]: edit(WORKSPACE_FILE, 'kind: school', 'kind: college'),
      [PL]: edit(PLANS_FILE, 'level: family', 'level: famly'),
      [IN]: edit(
        edit(INDICATORS_FILE, 'start: 2023-01-01', 'start: 2025-01-01'),
        'unit: S\n    provenance: official',
        'unit: Z\n    provenance: official',
      ),
      '05-units.yaml': EXTRA_UNITS,
    };
    const result = parsePlanFiles(inputs({ ...validFiles(), ...files }));
    expect(result.ok ? [] : summary(result.errors).map(([f, l, p]) => [f, l, p])).toEqual([
      [WS, 8, 'units[1].kind'],
      ['05-units.yaml', 7, 'units[1].parent'],
      [PL, 13, 'plans[0].elements[0].level'],
      [IN, 31, 'measurements[0].unit'],
      [IN, 40, 'actions[0].due'],
    ]);
  });

  it('points at the column of the offending value or key', () => {
    const files = {
      '05-units.yaml': EXTRA_UNITS,
      [IN]: edit(INDICATORS_FILE, '"2023": 110', '2022: 110'),
    };
    const result = parsePlanFiles(inputs({ ...validFiles(), ...files }));
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual([
      '05-units.yaml:7:65',
      '20-indicators.yaml:34:28',
    ]);
  });

  it('orders files by name, whatever the input order', () => {
    const files = inputs(validFiles()).reverse();
    const result = parsePlanFiles(files);
    expect(result.ok && result.plan.plans.map((p) => p.code)).toEqual(['GP', 'SP']);
  });

  it('reports an empty bundle', () => {
    const result = parsePlanFiles([]);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['no plan file given']);
  });
});
