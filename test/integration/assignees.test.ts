/**
 * The people a cycle's check-ins may be assigned to (`GET /api/v1/cycles/{id}/assignable-people`)
 * on both engines: the strategy office and the administrator get the active accounts holding a
 * grant in the cycle's units, assigned to its elements or actions, or already assigned to one
 * of its check-ins — id and name only; a disabled account and people of other units are left
 * out; everyone else is refused; an unknown cycle is 404, a malformed id 400.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  AssignablePeople,
  CheckInDetail,
  CycleDetail,
  Problem,
} from '../../src/contracts/index.ts';
import { createAccount, type TestApp, openTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import { SCHOOL_A, UNKNOWN_ID, must, send, setupRoles, type Roles } from '../support/roles.ts';

describeEachEngine('People to assign check-ins to', (engine) => {
  let t: TestApp;
  let r: Roles;
  let cycleA: CycleDetail;
  let cycleAB: CycleDetail;
  let disabledId: string;

  const peopleOf = async (cycle: CycleDetail, cookie = r.cookies.office) =>
    must<AssignablePeople>(t, cookie, 'GET', `/api/v1/cycles/${cycle.cycle.id}/assignable-people`);
  const ids = (people: AssignablePeople) => people.items.map((p) => p.id).sort();

  beforeAll(async () => {
    t = await openTestApp(engine);
    r = await setupRoles(t);
    // An editor of school A whose account is then disabled.
    disabledId = await createAccount(t, {
      email: 'gone.ales@roles.example',
      role: 'unit_editor',
      unitCodes: [SCHOOL_A],
    });
    const userUrl = `/api/v1/users/${disabledId}`;
    const read = await send(t, r.cookies.admin, 'GET', userUrl);
    await must(
      t,
      r.cookies.admin,
      'PATCH',
      userUrl,
      { disabled: true },
      {
        'if-match': String(read.headers.etag),
      },
    );
    const cycle = (code: string, elementIds: string[]) =>
      must<CycleDetail>(t, r.cookies.office, 'POST', '/api/v1/cycles', {
        code,
        title: { fr: 'Cycle', en: 'Cycle' },
        period: '2025',
        opensOn: '2026-01-01',
        dueOn: '2026-06-30',
        elementIds,
      });
    cycleA = await cycle('PEOPLE-A', [r.ids.elementA]);
    cycleAB = await cycle('PEOPLE-AB', [r.ids.elementA, r.ids.elementB]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the active people of the cycle's units and elements, id and name only", async () => {
    const people = await peopleOf(cycleA);
    expect(ids(people)).toEqual([r.ids.users.schoolA, r.ids.users.contributor].sort());
    for (const person of people.items) {
      expect(Object.keys(person).sort()).toEqual(['id', 'label']);
    }
    const labels = people.items.map((p) => p.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(ids(people)).not.toContain(disabledId);

    // Both schools' elements: school B's editor joins; governance, the office and the
    // administrator hold no grant there and stay out.
    const both = await peopleOf(cycleAB);
    expect(ids(both)).toEqual(
      [r.ids.users.schoolA, r.ids.users.contributor, r.ids.users.schoolB].sort(),
    );
  });

  it('adds whoever is already assigned, and the administrator reads the same list', async () => {
    const item = cycleA.items[0];
    if (!item) throw new Error('the cycle has no item');
    const assigned = await must<CheckInDetail>(
      t,
      r.cookies.office,
      'PUT',
      `/api/v1/check-ins/${item.id}/assignees`,
      { userIds: [r.ids.users.governance] },
    );
    expect(assigned.card.assignees.map((a) => a.id)).toEqual([r.ids.users.governance]);
    const people = await peopleOf(cycleA, r.cookies.admin);
    expect(ids(people)).toEqual(
      [r.ids.users.schoolA, r.ids.users.contributor, r.ids.users.governance].sort(),
    );
  });

  it('refuses everyone but the strategy office and the administrator', async () => {
    const url = `/api/v1/cycles/${cycleA.cycle.id}/assignable-people`;
    expect((await send(t, '', 'GET', url)).status).toBe(401);
    for (const role of ['schoolA', 'schoolB', 'contributor', 'governance'] as const) {
      const res = await send(t, r.cookies[role], 'GET', url);
      expect(res.status, role).toBe(403);
      expect(res.body, role).not.toContain('roles.example');
    }
  });

  it('answers 404 for an unknown cycle and 400 naming the id for a malformed one', async () => {
    const unknown = await send(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/cycles/${UNKNOWN_ID}/assignable-people`,
    );
    expect(unknown.status).toBe(404);
    const bad = await send(t, r.cookies.office, 'GET', '/api/v1/cycles/nope/assignable-people');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json<Problem>())).toContain('id');
  });
});
