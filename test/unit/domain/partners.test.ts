/** The partner registry's pure rules: SIREN keys, name keys, duplicates, funding breakdowns. */
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  findDuplicates,
  isValidSiren,
  luhnValid,
  nearlySameName,
  partnerNameKey,
} from '../../../src/domain/partners.ts';
import { breakdown, priorityOf, totalsOf, type PlanNode } from '../../../src/domain/funding.ts';

describe('SIREN', () => {
  it.each([
    ['322306440', true], // Dassault Systèmes
    ['552081317', true], // EDF
    ['130025265', true], // a public body
    ['356000000', true], // La Poste: the registered exception to the Luhn key
    ['322306441', false],
    ['732829321', false],
    ['12345678', false],
    ['1234567890', false],
    ['32230644A', false],
    ['', false],
  ])('%s → %s', (siren, valid) => {
    expect(isValidSiren(siren)).toBe(valid);
  });

  it('runs the Luhn check from the right', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('x')).toBe(false);
  });
});

describe('partner names', () => {
  it.each([
    ['Société Générale S.A.', 'societe generale'],
    ['  AIRBUS  SAS ', 'airbus'],
    ["Région Provence-Alpes-Côte d'Azur", 'region provence alpes cote azur'],
    ['Les Echos', 'echos'],
    ['SA', 'sa'],
  ])('%s → %s', (name, key) => {
    expect(partnerNameKey(name)).toBe(key);
  });

  it('measures edit distance, stopping past the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it.each([
    ['capgemini', 'cap gemini', true],
    ['thales', 'thales', true],
    ['orange', 'orano', false],
    ['edf', 'gdf', false],
    ['region occitanie', 'region occitanie', true],
    ['schneider electric', 'schneider electrik', true],
    ['total energies', 'air liquide', false],
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(nearlySameName(a, b)).toBe(same);
  });

  it('pairs partners with the same SIREN or a near-identical name, only within a country', () => {
    const pairs = findDuplicates([
      { id: '1', nameKey: 'airbus', country: 'FR', siren: '383474814' },
      { id: '2', nameKey: 'airbus defence', country: 'FR', siren: '383474814' },
      { id: '3', nameKey: 'capgemini', country: 'FR', siren: null },
      { id: '4', nameKey: 'cap gemini', country: 'FR', siren: null },
      { id: '5', nameKey: 'capgemini', country: 'DE', siren: null },
    ]);
    expect(pairs).toEqual([
      { a: '1', b: '2', reason: 'siren' },
      { a: '3', b: '4', reason: 'name' },
    ]);
  });
});

describe('funding', () => {
  const amounts = [
    { year: 2024, plannedCents: 100, committedCents: 80, spentCents: 50 },
    { year: 2025, plannedCents: 200, committedCents: 0, spentCents: 25 },
  ];

  it('sums cents exactly, by year or overall', () => {
    expect(totalsOf(amounts)).toEqual({
      plannedCents: 300,
      committedCents: 80,
      spentCents: 75,
      executionRate: 0.25,
    });
    expect(totalsOf(amounts, 2025).spentCents).toBe(25);
    expect(totalsOf([]).executionRate).toBeNull();
    // 0.1 + 0.2 in euros is not 0.3; in cents it is.
    expect(
      totalsOf([
        { year: 1, plannedCents: 10, committedCents: 0, spentCents: 0 },
        { year: 1, plannedCents: 20, committedCents: 0, spentCents: 0 },
      ]).plannedCents,
    ).toBe(30);
  });

  it('counts a line once under each distinct key it names', () => {
    const out = breakdown([
      { amounts, keys: ['A1', 'A2', 'A1'] },
      { amounts: amounts.slice(0, 1), keys: ['A2'] },
    ]);
    expect(out.get('A1')?.plannedCents).toBe(300);
    expect(out.get('A2')?.plannedCents).toBe(400);
  });

  it('finds the priority of an element up its plan and across its alignment', () => {
    const nodes = new Map<string, PlanNode>([
      ['fam', { id: 'fam', parentId: null, planId: 'g', level: 'family' }],
      ['A4', { id: 'A4', parentId: 'fam', planId: 'g', level: 'priority' }],
      ['A4.1', { id: 'A4.1', parentId: 'A4', planId: 'g', level: 'objective' }],
      ['s1', { id: 's1', parentId: null, planId: 's', level: 'axis' }],
      ['s1.1', { id: 's1.1', parentId: 's1', planId: 's', level: 'objective' }],
      ['lonely', { id: 'lonely', parentId: null, planId: 's', level: 'axis' }],
    ]);
    const aligns = new Map([['s1', ['A4.1']]]);
    expect(priorityOf('A4.1', nodes, aligns, 'g', 'priority')).toBe('A4');
    expect(priorityOf('s1.1', nodes, aligns, 'g', 'priority')).toBe('A4');
    expect(priorityOf('fam', nodes, aligns, 'g', 'priority')).toBeNull();
    expect(priorityOf('lonely', nodes, aligns, 'g', 'priority')).toBeNull();
  });
});
