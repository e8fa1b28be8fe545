/** Small valid plan files for the plan-file tests; each test swaps one file for a bad one. */
import type { PlanFileInput } from '../../../src/domain/plan-file/index.ts';

/** Workspace, two units and one facet. */
export const WORKSPACE_FILE = `strata: 1
workspace:
  slug: demo
  name: { fr: Démo, en: Demo }
  mission: { fr: Mission, en: Mission }
units:
  - { code: G, kind: group, name: { fr: Groupe, en: Group } }
  - { code: S, kind: school, name: { fr: École, en: School }, parent: G }
facets:
  - code: focus
    name: { fr: Axe, en: Focus }
    values:
      - { code: industry, name: { fr: Industrie, en: Industry } }
      - { code: energy, name: { fr: Énergie, en: Energy } }
`;

/** A group plan (family → priority) and a school plan aligned to it. */
export const PLANS_FILE = `strata: 1
plans:
  - code: GP
    unit: G
    title: { fr: Plan du groupe, en: Group plan }
    years: [2023, 2027]
    status: adopted
    levels:
      - { key: family, name: { fr: Famille, en: Family } }
      - { key: priority, name: { fr: Priorité, en: Priority } }
    elements:
      - code: A
        level: family
        title: { fr: A, en: A }
        children:
          - code: A1
            level: priority
            title: { fr: A1, en: A1 }
            facets: { focus: [industry] }
            indicators: [GRADS, { code: SHARE, weight: 2 }]
  - code: SP
    unit: S
    title: { fr: Plan de l'école, en: School plan }
    years: [2023, 2027]
    status: draft
    alignsTo: GP
    levels:
      - { key: priority, name: { fr: Priorité, en: Priority } }
    elements:
      - { code: P1, level: priority, title: { fr: P1, en: P1 }, alignsTo: [A1] }
`;

/** Three indicators: a count, a sub-count and their ratio of sums. */
export const INDICATORS_FILE = `strata: 1
indicators:
  - code: GRADS
    name: { fr: Diplômés, en: Graduates }
    unit: count
    direction: increase
    frequency: year
    aggregation: sum
    units: [S]
    targets:
      - { kind: baseline, period: "2022", value: 100, unit: S, provenance: illustrative }
      - { kind: target, period: "2027", value: 150, unit: S, provenance: illustrative }
  - code: ABROAD
    name: { fr: Mobilité, en: Abroad }
    unit: count
    direction: increase
    frequency: year
    aggregation: sum
  - code: SHARE
    name: { fr: Part, en: Share }
    unit: "%"
    decimals: 1
    direction: increase
    frequency: year
    aggregation: ratio_of_sums
    numerator: ABROAD
    denominator: GRADS
    scale: 100
measurements:
  - indicator: GRADS
    unit: S
    provenance: official
    source: Rapport annuel / annual report
    values: { "2022": 100, "2023": 110 }
actions:
  - code: ACT-1
    title: { fr: Action, en: Action }
    lead: S
    start: 2023-01-01
    due: 2024-06-30
    state: in_progress
    progress: 40
    provenance: illustrative
    elements: [GP/A1, P1]
`;

/** The three valid files, by name. */
export function validFiles(): Record<string, string> {
  return {
    '00-workspace.yaml': WORKSPACE_FILE,
    '10-plans.yaml': PLANS_FILE,
    '20-indicators.yaml': INDICATORS_FILE,
  };
}

/** Files as parser input. */
export function inputs(files: Record<string, string>): PlanFileInput[] {
  return Object.entries(files).map(([fileName, text]) => ({ fileName, text }));
}
