import { describe, expect, it } from 'vitest';
import type { PlanFileElement, PlanFilePlan } from '../../../src/domain/plan-file/index.ts';
import {
  diffRevisions,
  diffTargets,
  flattenElements,
  isEmptyDiff,
  targetKey,
  type RevisionDiff,
  type RevisionDocument,
  type RevisionTarget,
} from '../../../src/domain/revision.ts';

const el = (code: string, title: string, children: PlanFileElement[] = []): PlanFileElement => ({
  code,
  level: children.length > 0 ? 'priority' : 'objective',
  title: { fr: title, en: `${title} (en)` },
  ...(children.length > 0 && { children }),
});

const plan = (elements: PlanFileElement[]): PlanFilePlan => ({
  code: 'P',
  unit: 'G',
  title: { fr: 'Plan', en: 'Plan' },
  years: [2023, 2027],
  status: 'adopted',
  levels: [
    { key: 'priority', name: { fr: 'Priorité', en: 'Priority' } },
    { key: 'objective', name: { fr: 'Objectif', en: 'Objective' } },
  ],
  elements,
});

const tp = (
  indicator: string,
  period: string,
  value: number,
  unit: string | null = null,
): RevisionTarget => ({ indicator, unit, kind: 'target', period, value });

const doc = (elements: PlanFileElement[], targets: RevisionTarget[] = []): RevisionDocument => ({
  plan: plan(elements),
  targets,
});

const base = doc(
  [
    el('A1', 'Former', [el('A1.1', 'Apprentis'), el('A1.2', 'Alternance')]),
    el('A2', 'Recherche', [el('A2.1', 'Contrats')]),
  ],
  [tp('APP', '2027', 1400), tp('APP', '2027', 200, 'S1'), tp('RES', '2026', 50)],
);

const none: RevisionDiff = { added: [], removed: [], renamed: [], moved: [], targets: [] };

describe('targetKey', () => {
  it.each<[RevisionTarget, string]>([
    [tp('APP', '2027', 1), 'APP/target/2027'],
    [tp('APP', '2027', 1, 'S1'), 'APP/target/2027/S1'],
    [
      { indicator: 'X', unit: null, kind: 'baseline', period: '2023-S1', value: 0 },
      'X/baseline/2023-S1',
    ],
  ])('%o → %s', (t, key) => {
    expect(targetKey(t)).toBe(key);
  });
});

describe('flattenElements', () => {
  it('lists elements in tree order with their parent codes', () => {
    expect(flattenElements(base.plan).map((e) => [e.code, e.parent])).toEqual([
      ['A1', null],
      ['A1.1', 'A1'],
      ['A1.2', 'A1'],
      ['A2', null],
      ['A2.1', 'A2'],
    ]);
  });
});

describe('diffRevisions', () => {
  const cases: [string, RevisionDocument, Partial<RevisionDiff>][] = [
    ['the same document', base, {}],
    [
      'an element added under A2',
      doc(
        [
          el('A1', 'Former', [el('A1.1', 'Apprentis'), el('A1.2', 'Alternance')]),
          el('A2', 'Recherche', [el('A2.1', 'Contrats'), el('A2.2', 'Brevets')]),
        ],
        base.targets,
      ),
      {
        added: [
          {
            code: 'A2.2',
            level: 'objective',
            title: { fr: 'Brevets', en: 'Brevets (en)' },
            parent: 'A2',
          },
        ],
      },
    ],
    [
      'an element removed',
      doc(
        [
          el('A1', 'Former', [el('A1.1', 'Apprentis')]),
          el('A2', 'Recherche', [el('A2.1', 'Contrats')]),
        ],
        base.targets,
      ),
      {
        removed: [
          {
            code: 'A1.2',
            level: 'objective',
            title: { fr: 'Alternance', en: 'Alternance (en)' },
            parent: 'A1',
          },
        ],
      },
    ],
    [
      'an element renamed in French only',
      doc(
        [
          el('A1', 'Former', [
            { ...el('A1.1', 'Apprentis'), title: { fr: 'Apprentissage', en: 'Apprentis (en)' } },
            el('A1.2', 'Alternance'),
          ]),
          el('A2', 'Recherche', [el('A2.1', 'Contrats')]),
        ],
        base.targets,
      ),
      {
        renamed: [
          {
            code: 'A1.1',
            from: { fr: 'Apprentis', en: 'Apprentis (en)' },
            to: { fr: 'Apprentissage', en: 'Apprentis (en)' },
          },
        ],
      },
    ],
    [
      'an element moved to another parent',
      doc(
        [
          el('A1', 'Former', [el('A1.1', 'Apprentis')]),
          el('A2', 'Recherche', [el('A2.1', 'Contrats'), el('A1.2', 'Alternance')]),
        ],
        base.targets,
      ),
      { moved: [{ code: 'A1.2', from: 'A1', to: 'A2' }] },
    ],
    [
      'an element moved to the root',
      doc(
        [
          el('A1', 'Former', [el('A1.1', 'Apprentis')]),
          el('A1.2', 'Alternance'),
          el('A2', 'Recherche', [el('A2.1', 'Contrats')]),
        ],
        base.targets,
      ),
      { moved: [{ code: 'A1.2', from: 'A1', to: null }] },
    ],
    [
      'siblings reordered: no change',
      doc(
        [
          el('A2', 'Recherche', [el('A2.1', 'Contrats')]),
          el('A1', 'Former', [el('A1.2', 'Alternance'), el('A1.1', 'Apprentis')]),
        ],
        base.targets,
      ),
      {},
    ],
  ];
  it.each(cases)('%s', (_name, to, expected) => {
    expect(diffRevisions(base, to)).toEqual({ ...none, ...expected });
  });

  it('reports a target changed with the reason given for its key', () => {
    const to = doc(base.plan.elements ?? [], [
      tp('APP', '2027', 1300),
      tp('APP', '2027', 200, 'S1'),
      tp('RES', '2026', 50),
    ]);
    expect(
      diffRevisions(base, to, { 'APP/target/2027': 'Fewer apprentices funded' }).targets,
    ).toEqual([
      {
        key: 'APP/target/2027',
        indicator: 'APP',
        unit: null,
        kind: 'target',
        period: '2027',
        from: 1400,
        to: 1300,
        reason: 'Fewer apprentices funded',
      },
    ]);
  });
});

describe('diffTargets', () => {
  const cases: [string, RevisionTarget[], [string, number | null, number | null][]][] = [
    ['unchanged', base.targets, []],
    [
      'a group value changed',
      [tp('APP', '2027', 1500), tp('APP', '2027', 200, 'S1'), tp('RES', '2026', 50)],
      [['APP/target/2027', 1400, 1500]],
    ],
    [
      'a unit value changed',
      [tp('APP', '2027', 1400), tp('APP', '2027', 250, 'S1'), tp('RES', '2026', 50)],
      [['APP/target/2027/S1', 200, 250]],
    ],
    ['a point added', [...base.targets, tp('RES', '2027', 60)], [['RES/target/2027', null, 60]]],
    [
      'a point removed',
      [tp('APP', '2027', 1400), tp('RES', '2026', 50)],
      [['APP/target/2027/S1', 200, null]],
    ],
    [
      'a period moved: one removed, one added',
      [tp('APP', '2027', 1400), tp('APP', '2027', 200, 'S1'), tp('RES', '2027', 50)],
      [
        ['RES/target/2027', null, 50],
        ['RES/target/2026', 50, null],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, to, expected) => {
    expect(diffTargets(base.targets, to).map((c) => [c.key, c.from, c.to])).toEqual(expected);
  });

  it('leaves the reason empty when none was recorded', () => {
    expect(diffTargets([], [tp('X', '2025', 1)])[0]?.reason).toBe('');
  });
});

describe('isEmptyDiff', () => {
  it('is true for identical documents and false otherwise', () => {
    expect(isEmptyDiff(diffRevisions(base, base))).toBe(true);
    expect(isEmptyDiff(diffRevisions(base, doc([])))).toBe(false);
  });
});
