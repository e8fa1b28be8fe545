/**
 * The pure permission rules of src/domain/access.ts, as a table: every principal kind (each role,
 * the machine operator, an anonymous reader and read-only API tokens) against every rule, with
 * the cases it must be allowed and the ones it must be refused. Contributors may write only the
 * items assigned to them, and record figures only for their own units.
 */
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  ROLES,
  canManageUsers,
  canReadUnit,
  canRecordFigure,
  canWriteAction,
  canWriteAnything,
  canWriteElement,
  canWriteIndicator,
  isStrategyOffice,
  readsEverything,
  systemPrincipal,
} from '../../src/domain/access.ts';
import type { Principal, Role } from '../../src/domain/access.ts';

const GROUP = 'unit-group';
const A = 'unit-school-a';
const B = 'unit-school-b';
const E1 = 'element-assigned';
const E2 = 'element-not-assigned';
const I1 = 'indicator-assigned';
const I2 = 'indicator-not-assigned';
const ACT1 = 'action-assigned';
const ACT2 = 'action-not-assigned';

function user(
  role: Role,
  options: {
    units?: string[];
    elements?: string[];
    indicators?: string[];
    actions?: string[];
    readOnly?: boolean;
  } = {},
): Principal {
  return {
    kind: 'user',
    userId: `user-${role}`,
    role,
    unitIds: options.units ?? [],
    assigned: {
      elements: options.elements ?? [],
      indicators: options.indicators ?? [],
      actions: options.actions ?? [],
    },
    readOnly: options.readOnly ?? false,
    label: `${role}@imt.example`,
  };
}

const contributorGrants = { units: [A], elements: [E1], indicators: [I1], actions: [ACT1] };

const PRINCIPALS = {
  system: systemPrincipal(),
  anonymous: ANONYMOUS,
  admin: user('admin'),
  strategy_office: user('strategy_office'),
  unit_editor: user('unit_editor', { units: [A] }),
  contributor: user('contributor', contributorGrants),
  governance: user('governance'),
  'admin (read token)': user('admin', { readOnly: true }),
  'strategy_office (read token)': user('strategy_office', { readOnly: true }),
  'unit_editor (read token)': user('unit_editor', { units: [A], readOnly: true }),
  'contributor (read token)': user('contributor', { ...contributorGrants, readOnly: true }),
} satisfies Record<string, Principal>;
type PrincipalName = keyof typeof PRINCIPALS;

const CHECKS = {
  'reads everything': (p: Principal) => readsEverything(p),
  'reads the group (null unit)': (p: Principal) => canReadUnit(p, null, GROUP),
  'reads the group unit': (p: Principal) => canReadUnit(p, GROUP, GROUP),
  'reads its unit A': (p: Principal) => canReadUnit(p, A, GROUP),
  'reads unit B': (p: Principal) => canReadUnit(p, B, GROUP),
  'writes anything': (p: Principal) => canWriteAnything(p),
  'is strategy office': (p: Principal) => isStrategyOffice(p),
  'manages users': (p: Principal) => canManageUsers(p),
  "adds an element to A's plan": (p: Principal) => canWriteElement(p, A, null),
  "adds an element to B's plan": (p: Principal) => canWriteElement(p, B, null),
  "adds an element to the group's plan": (p: Principal) => canWriteElement(p, GROUP, null),
  "changes assigned E1 in A's plan": (p: Principal) => canWriteElement(p, A, E1),
  "changes unassigned E2 in A's plan": (p: Principal) => canWriteElement(p, A, E2),
  "changes unassigned E2 in B's plan": (p: Principal) => canWriteElement(p, B, E2),
  "changes unassigned E2 in the group's plan": (p: Principal) => canWriteElement(p, GROUP, E2),
  'defines an indicator owned by A': (p: Principal) => canWriteIndicator(p, A),
  'defines an indicator owned by B': (p: Principal) => canWriteIndicator(p, B),
  'defines a group indicator (no owner)': (p: Principal) => canWriteIndicator(p, null),
  'records assigned I1 for A': (p: Principal) => canRecordFigure(p, I1, A),
  'records assigned I1 for B': (p: Principal) => canRecordFigure(p, I1, B),
  'records unassigned I2 for A': (p: Principal) => canRecordFigure(p, I2, A),
  'records unassigned I2 for B': (p: Principal) => canRecordFigure(p, I2, B),
  'creates an action led by A': (p: Principal) => canWriteAction(p, A, null),
  'creates an action led by B': (p: Principal) => canWriteAction(p, B, null),
  'changes assigned ACT1 led by A': (p: Principal) => canWriteAction(p, A, ACT1),
  'changes unassigned ACT2 led by A': (p: Principal) => canWriteAction(p, A, ACT2),
  'changes unassigned ACT2 led by B': (p: Principal) => canWriteAction(p, B, ACT2),
};
type CheckName = keyof typeof CHECKS;
const ALL_CHECKS = Object.keys(CHECKS) as CheckName[];

const READS_ALL: CheckName[] = [
  'reads everything',
  'reads the group (null unit)',
  'reads the group unit',
  'reads its unit A',
  'reads unit B',
];
const READS_GROUP_AND_A: CheckName[] = [
  'reads the group (null unit)',
  'reads the group unit',
  'reads its unit A',
];

/** What each principal is allowed; every other check must be refused. */
const ALLOWED: Record<PrincipalName, CheckName[]> = {
  system: ALL_CHECKS,
  admin: ALL_CHECKS,
  strategy_office: ALL_CHECKS.filter((c) => c !== 'manages users'),
  unit_editor: [
    ...READS_GROUP_AND_A,
    'writes anything',
    "adds an element to A's plan",
    "changes assigned E1 in A's plan",
    "changes unassigned E2 in A's plan",
    'defines an indicator owned by A',
    'records assigned I1 for A',
    'records unassigned I2 for A',
    'creates an action led by A',
    'changes assigned ACT1 led by A',
    'changes unassigned ACT2 led by A',
  ],
  contributor: [
    ...READS_GROUP_AND_A,
    'writes anything',
    "changes assigned E1 in A's plan",
    'records assigned I1 for A',
    'changes assigned ACT1 led by A',
  ],
  governance: READS_ALL,
  anonymous: [],
  'admin (read token)': READS_ALL,
  'strategy_office (read token)': READS_ALL,
  'unit_editor (read token)': READS_GROUP_AND_A,
  'contributor (read token)': READS_GROUP_AND_A,
};

const CASES = (Object.keys(PRINCIPALS) as PrincipalName[]).flatMap((who) =>
  ALL_CHECKS.map((check) => [who, check, ALLOWED[who].includes(check)] as const),
);

describe('the permission table: each principal × each rule', () => {
  it('covers every role, both allowed and refused cases of every rule', () => {
    for (const role of ROLES) {
      expect(Object.values(PRINCIPALS).some((p) => p.role === role)).toBe(true);
    }
    for (const check of ALL_CHECKS) {
      const outcomes = new Set(CASES.filter((c) => c[1] === check).map((c) => c[2]));
      expect([check, [...outcomes].sort()]).toEqual([check, [false, true]]);
    }
  });

  it.each(CASES)('%s — %s → %s', (who, check, allowed) => {
    expect(CHECKS[check](PRINCIPALS[who])).toBe(allowed);
  });
});

describe('the principals themselves', () => {
  it('knows exactly the five roles', () => {
    expect([...ROLES].sort()).toEqual(
      ['admin', 'contributor', 'governance', 'strategy_office', 'unit_editor'].sort(),
    );
  });

  it('an anonymous reader is public, read-only and has no units or assignments', () => {
    expect(ANONYMOUS).toMatchObject({
      kind: 'anonymous',
      userId: null,
      role: 'public',
      readOnly: true,
      unitIds: [],
    });
    expect(ANONYMOUS.assigned).toEqual({ elements: [], indicators: [], actions: [] });
  });

  it('the machine operator carries the label it is given', () => {
    expect(systemPrincipal('seed')).toMatchObject({ kind: 'system', role: 'system' });
    expect(systemPrincipal('seed').label).toBe('seed');
    expect(systemPrincipal().label).toBe('system');
  });
});

describe('rules that must not depend on the read-only flag alone', () => {
  it('a public principal cannot write even if its read-only flag is off', () => {
    const p: Principal = { ...ANONYMOUS, readOnly: false };
    expect(canWriteAnything(p)).toBe(false);
    expect(canWriteElement(p, GROUP, null)).toBe(false);
    expect(canWriteIndicator(p, null)).toBe(false);
    expect(canRecordFigure(p, I1, GROUP)).toBe(false);
    expect(canWriteAction(p, GROUP, null)).toBe(false);
    expect(canReadUnit(p, GROUP, GROUP)).toBe(false);
  });

  it('governance cannot write even with assignments and units', () => {
    const p = user('governance', contributorGrants);
    expect(canWriteElement(p, A, E1)).toBe(false);
    expect(canWriteIndicator(p, A)).toBe(false);
    expect(canRecordFigure(p, I1, A)).toBe(false);
    expect(canWriteAction(p, A, ACT1)).toBe(false);
  });

  it('a read-only token of any role writes nothing, whatever its grants', () => {
    for (const role of ROLES) {
      const p = user(role, { ...contributorGrants, readOnly: true });
      expect([role, canWriteAnything(p)]).toEqual([role, false]);
      expect([role, canWriteElement(p, A, E1)]).toEqual([role, false]);
      expect([role, canWriteIndicator(p, A)]).toEqual([role, false]);
      expect([role, canRecordFigure(p, I1, A)]).toEqual([role, false]);
      expect([role, canWriteAction(p, A, ACT1)]).toEqual([role, false]);
      expect([role, isStrategyOffice(p)]).toEqual([role, false]);
      expect([role, canManageUsers(p)]).toEqual([role, false]);
    }
  });
});

describe('editors and contributors are bound to their units and assignments', () => {
  it('an editor of several units writes in each of them, and nowhere else', () => {
    const p = user('unit_editor', { units: [A, B] });
    expect(canWriteElement(p, B, null)).toBe(true);
    expect(canWriteIndicator(p, B)).toBe(true);
    expect(canRecordFigure(p, I2, B)).toBe(true);
    expect(canWriteAction(p, B, null)).toBe(true);
    expect(canWriteElement(p, GROUP, null)).toBe(false);
    expect(canWriteAction(p, GROUP, null)).toBe(false);
    expect(canWriteIndicator(p, 'unit-c')).toBe(false);
    expect(canRecordFigure(p, I2, 'unit-c')).toBe(false);
  });

  it('an editor without units writes nothing but reads the group', () => {
    const p = user('unit_editor');
    expect(canReadUnit(p, GROUP, GROUP)).toBe(true);
    expect(canReadUnit(p, A, GROUP)).toBe(false);
    expect(canWriteElement(p, A, E1)).toBe(false);
    expect(canWriteIndicator(p, null)).toBe(false);
    expect(canRecordFigure(p, I1, A)).toBe(false);
    expect(canWriteAction(p, A, null)).toBe(false);
  });

  it('a contributor never creates: assignments name existing items only', () => {
    const p = user('contributor', contributorGrants);
    expect(canWriteElement(p, A, null)).toBe(false);
    expect(canWriteAction(p, A, null)).toBe(false);
    expect(canWriteIndicator(p, A)).toBe(false);
  });

  it('a contributor records an assigned indicator for its own unit only', () => {
    const p = user('contributor', { units: [A], indicators: [I1] });
    expect(canRecordFigure(p, I1, A)).toBe(true);
    expect(canRecordFigure(p, I1, B)).toBe(false);
    expect(canRecordFigure(p, I1, GROUP)).toBe(false);
  });

  // Regression test for a bug fixed in the same change.
  it('a contributor without units cannot record figures for a school', () => {
    const p = user('contributor', { indicators: [I1] });
    expect(canRecordFigure(p, I1, B)).toBe(false);
  });
});
