/**
 * Reporting cycles and check-ins through the real app on both engines: a cycle's scope and
 * derived assignees, the workflow (draft → submitted → returned → resubmitted → validated) with
 * its rights and required explanations, "my work", completion per school and priority, as-of
 * reads of the history, and period locking (a closed cycle takes only superseding entries).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  CheckInCard,
  CheckInDetail,
  CycleDetail,
  MyWork,
  Problem,
} from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { openTestApp, signIn, type TestApp } from '../support/app.ts';
import { EMAILS, must, send, setupRoles, type Roles, type SignedInRole } from '../support/roles.ts';

let day = '2026-03-01';
const clock = () => new Date(`${day}T10:00:00Z`);

describeEachEngine('Reporting cycles and check-ins', (engine) => {
  let t: TestApp;
  let r: Roles;
  let cycle: CycleDetail;
  let itemA: CheckInCard;

  /** Moves the clock to another day; sessions end with the day, so everyone signs in again. */
  const moveTo = async (next: string) => {
    day = next;
    for (const role of Object.keys(EMAILS) as SignedInRole[]) {
      r.cookies[role] = await signIn(t, EMAILS[role]);
    }
  };

  const write = (cookie: string, id: string, body: unknown, etag?: string) =>
    send(
      t,
      cookie,
      'POST',
      `/api/v1/check-ins/${id}/entries`,
      body,
      etag ? { 'if-match': etag } : {},
    );

  beforeAll(async () => {
    day = '2026-03-01';
    t = await openTestApp(engine, { now: clock });
    r = await setupRoles(t);
    cycle = await must<CycleDetail>(t, r.cookies.office, 'POST', '/api/v1/cycles', {
      code: 'S1-2026',
      title: { fr: 'Premier semestre 2026', en: '2026 first semester' },
      period: '2025',
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
      elementIds: [r.ids.elementA, r.ids.elementB],
      actionIds: [r.ids.actionA, r.ids.actionB],
    });
    const found = cycle.items.find((i) => i.target.id === r.ids.elementA);
    if (!found) throw new Error('no item for element A');
    itemA = found;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates one item per element and action, with assignees derived from owners', () => {
    expect(cycle.items).toHaveLength(4);
    expect(cycle.cycle.completion).toMatchObject({ total: 4, notStarted: 4, validated: 0 });
    // The contributor is assigned to element A; school B's element falls to B's editor.
    expect(itemA.assignees.map((a) => a.label)).toEqual(['contributor.ales@roles.example']);
    const itemB = cycle.items.find((i) => i.target.id === r.ids.elementB);
    expect(itemB?.assignees.map((a) => a.label)).toEqual(['editor.albi@roles.example']);
    expect(cycle.bySchool.map((s) => s.completion.total).reduce((a, b) => a + b, 0)).toBe(4);
    expect(cycle.byPriority.length).toBeGreaterThan(0);
  });

  it('only the strategy office creates cycles; anonymous readers must sign in', async () => {
    const body = {
      code: 'X',
      title: { fr: 'x', en: 'x' },
      period: '2025',
      opensOn: '2026-01-01',
      dueOn: '2026-02-01',
    };
    expect((await send(t, r.cookies.schoolA, 'POST', '/api/v1/cycles', body)).status).toBe(403);
    expect((await send(t, r.cookies.anonymous, 'GET', '/api/v1/cycles')).status).toBe(401);
    const bad = await send(t, r.cookies.office, 'POST', '/api/v1/cycles', {
      ...body,
      dueOn: '2025-12-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('/dueOn');
  });

  it('school B sees neither school A items nor their check-in', async () => {
    const seen = await must<CycleDetail>(
      t,
      r.cookies.schoolB,
      'GET',
      `/api/v1/cycles/${cycle.cycle.id}`,
    );
    expect(seen.items.every((i) => i.unit.id !== r.ids.units.a)).toBe(true);
    expect((await send(t, r.cookies.schoolB, 'GET', `/api/v1/check-ins/${itemA.id}`)).status).toBe(
      404,
    );
  });

  it('runs the workflow: draft, submit, return with a comment, resubmit, validate', async () => {
    // Governance and school B may not write; the contributor may.
    expect((await write(r.cookies.governance, itemA.id, { action: 'save' })).status).toBe(403);
    const draft = await write(r.cookies.contributor, itemA.id, {
      action: 'save',
      summary: 'Started',
    });
    expect(draft.status).toBe(201);
    const etag1 = draft.headers.etag as string;
    // Writing again needs the ETag.
    expect(
      (await write(r.cookies.contributor, itemA.id, { action: 'save', summary: 'x' })).status,
    ).toBe(428);
    // Off track needs an explanation before submission.
    const red = await write(
      r.cookies.contributor,
      itemA.id,
      { action: 'submit', status: 'off_track', summary: 'Late' },
      etag1,
    );
    expect(red.status).toBe(400);
    expect(red.json<Problem>().errors?.map((e) => e.field)).toContain('/explanation');
    const submitted = await write(
      r.cookies.contributor,
      itemA.id,
      {
        action: 'submit',
        status: 'off_track',
        summary: 'Late',
        explanation: 'Hiring froze',
        risks: 'Budget',
        nextSteps: 'Recruit',
        evidence: [{ label: 'Minutes', url: 'https://example.org/minutes' }],
      },
      etag1,
    );
    expect(submitted.status).toBe(201);
    const etag2 = submitted.headers.etag as string;
    // The contributor may not validate; a submitted check-in is no longer editable.
    expect(
      (await write(r.cookies.contributor, itemA.id, { action: 'validate' }, etag2)).status,
    ).toBe(403);
    expect(
      (await write(r.cookies.contributor, itemA.id, { action: 'save', summary: 'y' }, etag2))
        .status,
    ).toBe(409);

    // The office sees it in its queue and returns it with a comment.
    const office = await must<MyWork>(t, r.cookies.office, 'GET', '/api/v1/my-work');
    expect(office.toValidate.map((i) => i.id)).toContain(itemA.id);
    const noComment = await write(r.cookies.office, itemA.id, { action: 'return' }, etag2);
    expect(noComment.status).toBe(400);
    await moveTo('2026-03-10');
    const returned = await write(
      r.cookies.office,
      itemA.id,
      { action: 'return', comment: 'Give the new date' },
      etag2,
    );
    expect(returned.status).toBe(201);
    const mine = await must<MyWork>(t, r.cookies.contributor, 'GET', '/api/v1/my-work');
    expect(mine.returned.map((i) => i.id)).toEqual([itemA.id]);
    await moveTo('2026-03-11');

    const again = await write(
      r.cookies.contributor,
      itemA.id,
      { action: 'submit', status: 'at_risk', summary: 'New date: June' },
      returned.headers.etag,
    );
    expect(again.status).toBe(201);
    // School A's editor is the unit's validator.
    await moveTo('2026-03-12');
    const validated = await write(
      r.cookies.schoolA,
      itemA.id,
      { action: 'validate' },
      again.headers.etag,
    );
    expect(validated.status).toBe(201);
    const detail = validated.json<CheckInDetail>();
    expect(detail.card.state).toBe('validated');
    expect(detail.current?.status).toBe('at_risk');
    expect(detail.history.map((h) => h.state)).toEqual([
      'validated',
      'submitted',
      'returned',
      'submitted',
      'draft',
    ]);
    expect(detail.history[2]?.comment).toBe('Give the new date');
    const audit = await must<{ items: { action: string }[] }>(
      t,
      r.cookies.admin,
      'GET',
      `/api/v1/audit?entityType=check_in&entityId=${itemA.id}`,
    );
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['save', 'submit', 'return', 'validate']),
    );
  });

  it('reads a check-in and the cycle as they were on any date', async () => {
    const before = await must<CheckInDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/check-ins/${itemA.id}?asOf=2026-03-05`,
    );
    expect(before.card.state).toBe('submitted');
    expect(before.current?.status).toBe('off_track');
    expect(before.history).toHaveLength(2);
    const earlier = await must<CycleDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/cycles/${cycle.cycle.id}?asOf=2026-03-10`,
    );
    expect(earlier.cycle.completion.returned).toBe(1);
    const now = await must<CycleDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/cycles/${cycle.cycle.id}`,
    );
    expect(now.cycle.completion.validated).toBe(1);
    expect(
      (await send(t, r.cookies.office, 'GET', `/api/v1/cycles/${cycle.cycle.id}?asOf=2026-02-01`))
        .status,
    ).toBe(404);
    const validated = await must<{ items: CheckInCard[] }>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/check-ins?elementId=${r.ids.elementA}&state=validated`,
    );
    expect(validated.items.map((i) => i.status)).toEqual(['at_risk']);
  });

  it('lists overdue work after the due date', async () => {
    await moveTo('2026-04-02');
    const work = await must<MyWork>(t, r.cookies.schoolB, 'GET', '/api/v1/my-work');
    expect(work.overdue.length).toBeGreaterThan(0);
    expect(work.overdue.every((i) => i.overdue)).toBe(true);
  });

  it('locks a closed cycle: only a superseding entry with a reason, visible in the history', async () => {
    const current = await must<CycleDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/cycles/${cycle.cycle.id}`,
    );
    expect(
      (
        await send(t, r.cookies.office, 'PATCH', `/api/v1/cycles/${cycle.cycle.id}`, {
          closed: true,
        })
      ).status,
    ).toBe(428);
    await moveTo('2026-04-05');
    const closed = await send(
      t,
      r.cookies.office,
      'PATCH',
      `/api/v1/cycles/${cycle.cycle.id}`,
      { closed: true },
      { 'if-match': current.etag },
    );
    expect(closed.status).toBe(200);
    expect(closed.json<CycleDetail>().cycle.closed).toBe(true);
    const detail = await must<CheckInDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/check-ins/${itemA.id}`,
    );
    const refused = await write(
      r.cookies.contributor,
      itemA.id,
      { action: 'save', summary: 'z' },
      detail.etag,
    );
    expect([403, 409]).toContain(refused.status);
    expect((await write(r.cookies.office, itemA.id, { action: 'save' }, detail.etag)).status).toBe(
      409,
    );
    const noReason = await write(
      r.cookies.office,
      itemA.id,
      { action: 'supersede', status: 'on_track' },
      detail.etag,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.json<Problem>().errors?.map((e) => e.field)).toEqual(['/reason']);
    const superseded = await write(
      r.cookies.office,
      itemA.id,
      { action: 'supersede', status: 'on_track', reason: 'Board corrected the date' },
      detail.etag,
    );
    expect(superseded.status).toBe(201);
    const after = superseded.json<CheckInDetail>();
    expect(after.current).toMatchObject({
      state: 'validated',
      status: 'on_track',
      supersedeReason: 'Board corrected the date',
    });
    const asClosed = await must<CheckInDetail>(
      t,
      r.cookies.office,
      'GET',
      `/api/v1/check-ins/${itemA.id}?asOf=2026-04-04`,
    );
    expect(asClosed.current?.status).toBe('at_risk');
    expect(asClosed.card.cycle.closed).toBe(false);
  });

  it('locks the closed period of figures: a new figure needs its reason, kept in the history', async () => {
    const url = `/api/v1/indicators/${r.ids.indicatorA}/measurements`;
    const figure = { unitId: r.ids.units.a, period: '2025', value: 12, provenance: 'official' };
    const refused = await send(t, r.cookies.office, 'POST', url, figure);
    expect(refused.status).toBe(400);
    expect(refused.json<Problem>().errors?.map((e) => e.field)).toEqual(['/note']);
    // Another period is not locked.
    expect(
      (await send(t, r.cookies.office, 'POST', url, { ...figure, period: '2026' })).status,
    ).toBe(201);
    const kept = await send(t, r.cookies.office, 'POST', url, {
      ...figure,
      note: 'Late figure from the registrar',
    });
    expect(kept.status).toBe(201);
    const history = await must<{ items: { note: string; period: string }[] }>(
      t,
      r.cookies.office,
      'GET',
      `${url}?unitId=${r.ids.units.a}&history=true`,
    );
    expect(history.items.find((m) => m.period === '2025')?.note).toBe(
      'Late figure from the registrar',
    );
  });
});
