/**
 * Who may write a risk (canWriteRisk of src/domain/access.ts), as for actions: the strategy
 * office and admins everywhere, a unit editor for its units' risks, a contributor only for a
 * risk linked to an element or action assigned to it, and never governance, the public or a
 * read-only token.
 */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, canWriteRisk, systemPrincipal } from '../../src/domain/access.ts';
import type { Principal, Role } from '../../src/domain/access.ts';

const A = 'unit-a';
const B = 'unit-b';

function user(role: Role, units: string[] = [], readOnly = false): Principal {
  return {
    kind: 'user',
    userId: `user-${role}`,
    role,
    unitIds: units,
    assigned: { elements: ['el-assigned'], indicators: [], actions: ['act-assigned'] },
    readOnly,
    label: role,
  };
}

const NONE = { elementIds: [], actionIds: [] };
const VIA_ACTION = { elementIds: ['el-other'], actionIds: ['act-assigned'] };
const VIA_ELEMENT = { elementIds: ['el-assigned'], actionIds: [] };
const UNRELATED = { elementIds: ['el-other'], actionIds: ['act-other'] };

describe('canWriteRisk', () => {
  const cases: [string, Principal, string, Parameters<typeof canWriteRisk>[2], boolean][] = [
    ['system creates', systemPrincipal(), B, null, true],
    ['admin creates in B', user('admin'), B, null, true],
    ['strategy office creates in B', user('strategy_office'), B, null, true],
    ['read-only office token', user('strategy_office', [], true), B, NONE, false],
    ['editor of A creates in A', user('unit_editor', [A]), A, null, true],
    ['editor of A changes a risk of A', user('unit_editor', [A]), A, UNRELATED, true],
    ['editor of A creates in B', user('unit_editor', [A]), B, null, false],
    ['editor of A changes a risk of B', user('unit_editor', [A]), B, VIA_ACTION, false],
    ['read-only editor token', user('unit_editor', [A], true), A, NONE, false],
    ['contributor creates', user('contributor', [A]), A, null, false],
    ['contributor, risk on its action', user('contributor', [A]), A, VIA_ACTION, true],
    ['contributor, risk on its element', user('contributor', [A]), A, VIA_ELEMENT, true],
    ['contributor, unrelated risk', user('contributor', [A]), A, UNRELATED, false],
    ['governance', user('governance'), A, NONE, false],
    ['anonymous', ANONYMOUS, A, VIA_ACTION, false],
  ];
  it.each(cases)('%s', (_name, principal, unitId, links, expected) => {
    expect(canWriteRisk(principal, unitId, links)).toBe(expected);
  });
});
