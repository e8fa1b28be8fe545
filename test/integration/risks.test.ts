/**
 * The risk register through the real app on both engines: create with a first assessment,
 * visibility as for actions (another school's risk is 404), writes by role, If-Match, bad input
 * naming the field, append-only reviews, the register and the 5 × 5 matrix as of a date, the
 * list filters, overdue reviews in the dashboard's attention list, and the audit record written
 * in the same transaction as the change (a refused audit insert undoes the write).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEvent,
  Dashboard,
  Problem,
  RiskCard,
  RiskDetail,
  RiskMatrix,
} from '../../src/contracts/index.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR, signIn, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import { EMAILS, UNKNOWN_ID, send, setupRoles, type Roles } from '../support/roles.ts';

const DAY1 = '2026-02-02';
const DAY2 = '2026-02-20';

describeEachEngine('risk register', (engine) => {
  let t: TestApp;
  let database: Database;
  let roles: Roles;
  let clock = new Date(`${DAY1}T09:00:00Z`);

  /** Moves the clock and signs every role in again (sessions expire when idle). */
  async function setClock(iso: string) {
    clock = new Date(iso);
    for (const role of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) {
      roles.cookies[role] = await signIn(t, EMAILS[role]);
    }
  }

  const as = (role: keyof Roles['cookies']) => roles.cookies[role];
  const get = async <T>(role: keyof Roles['cookies'], url: string) => {
    const res = await send(t, as(role), 'GET', url);
    return { status: res.status, body: res.json<T>() };
  };
  const write = async <T>(
    role: keyof Roles['cookies'],
    method: 'POST' | 'PATCH',
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await send(t, as(role), method, url, payload, headers);
    return { status: res.status, body: res.json<T>() };
  };

  let serial = 0;
  const riskBody = (extra: Record<string, unknown> = {}) => ({
    code: `RSK-T-${String(++serial)}`,
    title: { fr: `Risque ${String(serial)}`, en: `Risk ${String(serial)}` },
    unitId: roles.ids.units.a,
    likelihood: 4,
    impact: 4,
    ...extra,
  });

  beforeAll(async () => {
    database = await engine.open();
    const strata = await strataFromDatabase(database, IMT_DIR, { now: () => clock });
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    await app.ready();
    t = {
      app,
      strata,
      database,
      close: async () => {
        await app.close();
        await strata.close();
      },
    };
    roles = await setupRoles(t, 'RK');
  });
  afterAll(async () => {
    await t.close();
  });

  let riskA: RiskDetail;

  it('creates a risk with its first assessment, links and score; school B cannot see it', async () => {
    const { ids } = roles;
    const created = await write<RiskDetail>(
      'schoolA',
      'POST',
      '/api/v1/risks',
      riskBody({
        category: 'financial',
        owner: 'Direction financière',
        mitigation: { fr: 'Diversifier', en: 'Diversify' },
        reviewOn: '2026-06-30',
        elementIds: [ids.elementA],
        actionIds: [ids.actionA],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    riskA = created.body;
    expect(riskA.card).toMatchObject({ likelihood: 4, impact: 4, score: 16, level: 'high' });
    expect(riskA.card.status).toBe('open');
    expect(riskA.risk.elementIds).toEqual([ids.elementA]);
    expect(riskA.risk.actionIds).toEqual([ids.actionA]);
    expect(riskA.reviews).toHaveLength(1);
    expect(riskA.reviews[0]).toMatchObject({ reviewedOn: DAY1, reviewer: EMAILS.schoolA });

    const url = `/api/v1/risks/${riskA.risk.id}`;
    expect((await get('schoolB', url)).status).toBe(404);
    expect((await get('anonymous', url)).status).toBe(404);
    expect((await get('governance', url)).status).toBe(200);
    expect((await get('contributor', url)).status).toBe(200);
    const listB = await get<{ items: RiskCard[] }>('schoolB', '/api/v1/risks');
    expect(listB.body.items.map((r) => r.id)).not.toContain(riskA.risk.id);
    const listA = await get<{ items: RiskCard[] }>('schoolA', '/api/v1/risks');
    expect(listA.body.items.map((r) => r.id)).toContain(riskA.risk.id);
    expect((await get<{ items: RiskCard[] }>('anonymous', '/api/v1/risks')).body.items).toEqual([]);
  });

  it('lets only the unit, the office and an assigned contributor write', async () => {
    const url = `/api/v1/risks/${riskA.risk.id}`;
    const etag = async () => (await get<RiskDetail>('office', url)).body.etag;
    expect((await write('anonymous', 'POST', '/api/v1/risks', riskBody())).status).toBe(401);
    expect((await write('schoolB', 'POST', '/api/v1/risks', riskBody())).status).toBe(403);
    expect((await write('contributor', 'POST', '/api/v1/risks', riskBody())).status).toBe(403);
    expect((await write('governance', 'POST', '/api/v1/risks', riskBody())).status).toBe(403);
    const change = { owner: 'Someone else' };
    expect(
      (await write('schoolB', 'PATCH', url, change, { 'if-match': await etag() })).status,
    ).toBe(404);
    expect(
      (await write('governance', 'PATCH', url, change, { 'if-match': await etag() })).status,
    ).toBe(403);
    // The risk is linked to the action assigned to the contributor.
    const byContributor = await write<RiskDetail>('contributor', 'PATCH', url, change, {
      'if-match': await etag(),
    });
    expect(byContributor.status).toBe(200);
    expect(byContributor.body.risk.owner).toBe('Someone else');
    // A risk of school A not linked to anything assigned: the contributor may not.
    const other = await write<RiskDetail>('schoolA', 'POST', '/api/v1/risks', riskBody());
    const otherUrl = `/api/v1/risks/${other.body.risk.id}`;
    expect(
      (await write('contributor', 'PATCH', otherUrl, change, { 'if-match': other.body.etag }))
        .status,
    ).toBe(403);
    // Giving a risk of A to school B is not A's to do.
    const moved = await write<Problem>(
      'schoolA',
      'PATCH',
      otherUrl,
      { unitId: roles.ids.units.b },
      { 'if-match': other.body.etag },
    );
    expect(moved.status).toBe(403);
  });

  it('needs If-Match on updates and reviews: missing 428, stale 412', async () => {
    const url = `/api/v1/risks/${riskA.risk.id}`;
    const missing = await write<Problem>('schoolA', 'PATCH', url, { owner: 'x' });
    expect(missing.status).toBe(428);
    const stale = `"r-${riskA.risk.id}-v1"`;
    expect(
      (await write('schoolA', 'PATCH', url, { owner: 'x' }, { 'if-match': stale })).status,
    ).toBe(412);
    const review = { likelihood: 1, impact: 1, note: 'x' };
    expect((await write('schoolA', 'POST', `${url}/reviews`, review)).status).toBe(428);
    expect(
      (await write('schoolA', 'POST', `${url}/reviews`, review, { 'if-match': stale })).status,
    ).toBe(412);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await get<{ total: number }>('office', '/api/v1/risks')).body.total;
    const cases: [Record<string, unknown>, string, number][] = [
      [riskBody({ likelihood: 6 }), '/likelihood', 400],
      [riskBody({ impact: 0 }), '/impact', 400],
      [riskBody({ status: 'forgotten' }), '/status', 400],
      [riskBody({ elementIds: [UNKNOWN_ID] }), '/elementIds/0', 400],
      // School B's element is hidden from school A: as if it did not exist.
      [riskBody({ elementIds: [roles.ids.elementB] }), '/elementIds/0', 400],
      [riskBody({ actionIds: [roles.ids.actionB] }), '/actionIds/0', 400],
      [riskBody({ unitId: UNKNOWN_ID }), '/unitId', 403],
      [riskBody({ code: riskA.risk.code }), '/code', 409],
      [riskBody({ version: 3 }), '/version', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await write<Problem>('schoolA', 'POST', '/api/v1/risks', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (status !== 403) expect(res.body.errors?.[0]?.field).toBe(field);
    }
    expect((await get<{ total: number }>('office', '/api/v1/risks')).body.total).toBe(before);
    const url = `/api/v1/risks/${riskA.risk.id}`;
    const etag = (await get<RiskDetail>('office', url)).body.etag;
    const future = await write<Problem>(
      'schoolA',
      'POST',
      `${url}/reviews`,
      { likelihood: 1, impact: 1, note: 'later', reviewedOn: '2030-01-01' },
      { 'if-match': etag },
    );
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]?.field).toBe('/reviewedOn');
    expect((await get<RiskDetail>('office', url)).body.reviews).toHaveLength(1);
  });

  it('appends reviews; the risk page, register and matrix as of a date show the assessment then', async () => {
    const url = `/api/v1/risks/${riskA.risk.id}`;
    await setClock(`${DAY2}T14:00:00Z`);
    const etag = (await get<RiskDetail>('schoolA', url)).body.etag;
    const reviewed = await write<RiskDetail>(
      'schoolA',
      'POST',
      `${url}/reviews`,
      { likelihood: 2, impact: 3, note: 'Funding secured', status: 'mitigated', reviewOn: null },
      { 'if-match': etag },
    );
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(201);
    expect(reviewed.body.card).toMatchObject({
      likelihood: 2,
      impact: 3,
      score: 6,
      level: 'medium',
    });
    expect(reviewed.body.risk.status).toBe('mitigated');
    expect(reviewed.body.reviews.map((r) => [r.reviewedOn, r.score, r.note])).toEqual([
      [DAY2, 6, 'Funding secured'],
      [DAY1, 16, ''],
    ]);

    const then = (await get<RiskDetail>('schoolA', `${url}?asOf=${DAY1}`)).body;
    expect(then.card).toMatchObject({ likelihood: 4, impact: 4, level: 'high' });
    expect(then.reviews).toHaveLength(1);
    expect((await get('schoolA', `${url}?asOf=2026-01-01`)).status).toBe(404);

    const cell = (m: RiskMatrix, l: number, i: number) =>
      m.cells.find((c) => c.likelihood === l && c.impact === i)?.count;
    const matrixUrl = `/api/v1/risks/matrix?unitId=${roles.ids.units.a}`;
    const matrixThen = (await get<RiskMatrix>('schoolA', `${matrixUrl}&asOf=${DAY1}`)).body;
    const matrixNow = (await get<RiskMatrix>('schoolA', matrixUrl)).body;
    expect(matrixThen.cells).toHaveLength(25);
    expect(cell(matrixNow, 4, 4)).toBe((cell(matrixThen, 4, 4) ?? 0) - 1);
    expect(cell(matrixNow, 2, 3)).toBe((cell(matrixThen, 2, 3) ?? 0) + 1);

    const ids = async (query: string) =>
      (await get<{ items: RiskCard[] }>('schoolA', `/api/v1/risks?${query}`)).body.items.map(
        (r) => r.id,
      );
    expect(await ids(`level=medium`)).toContain(riskA.risk.id);
    expect(await ids(`level=high`)).not.toContain(riskA.risk.id);
    expect(await ids(`level=high&asOf=${DAY1}`)).toContain(riskA.risk.id);
    expect(await ids(`status=mitigated`)).toContain(riskA.risk.id);
    expect(await ids(`status=open`)).not.toContain(riskA.risk.id);
    expect(await ids(`likelihood=2&impact=3`)).toContain(riskA.risk.id);
    expect(await ids(`actionId=${roles.ids.actionA}`)).toEqual([riskA.risk.id]);
    expect(await ids(`actionId=${roles.ids.actionB}`)).toEqual([]);
    expect(await ids(`elementId=${roles.ids.elementA}`)).toEqual([riskA.risk.id]);
    expect(await ids(`unitId=${roles.ids.units.b}`)).toEqual([]);
  });

  it('finds a risk under a priority through the elements below it and their actions', async () => {
    const { ids } = roles;
    const onPriority = await write<RiskDetail>(
      'office',
      'POST',
      '/api/v1/risks',
      riskBody({ unitId: ids.units.group, elementIds: [ids.groupElement] }),
    );
    expect(onPriority.status).toBe(201);
    const tree = await get<{ nodes: { id: string; parentId: string | null }[] }>(
      'office',
      `/api/v1/plans/${ids.plans.group.id}/tree`,
    );
    const parent = tree.body.nodes.find((n) => n.id === ids.groupElement)?.parentId;
    const sibling = tree.body.nodes.find((n) => n.parentId === parent && n.id !== ids.groupElement);
    if (!parent || !sibling) throw new Error('the seed plan has no family with two priorities');
    const under = async (elementId: string) =>
      (
        await get<{ items: RiskCard[] }>('office', `/api/v1/risks?elementId=${elementId}`)
      ).body.items.map((r) => r.id);
    expect(await under(parent)).toContain(onPriority.body.risk.id);
    expect(await under(ids.groupElement)).toContain(onPriority.body.risk.id);
    expect(await under(sibling.id)).not.toContain(onPriority.body.risk.id);
    // School A's risk is linked to an action serving school A's element.
    expect(await under(ids.elementA)).toContain(riskA.risk.id);
  });

  it('leaves closed risks out of the matrix', async () => {
    const closed = await write<RiskDetail>(
      'schoolA',
      'POST',
      '/api/v1/risks',
      riskBody({ likelihood: 5, impact: 1, status: 'closed' }),
    );
    expect(closed.status).toBe(201);
    const matrix = (await get<RiskMatrix>('schoolA', `/api/v1/risks/matrix`)).body;
    expect(matrix.cells.find((c) => c.likelihood === 5 && c.impact === 1)?.count).toBe(0);
  });

  it('lists a risk whose review is overdue in the attention list of its readers only', async () => {
    const late = await write<RiskDetail>(
      'schoolA',
      'POST',
      '/api/v1/risks',
      riskBody({ reviewOn: '2026-02-01' }),
    );
    expect(late.body.card.reviewOverdue).toBe(true);
    const attention = async (role: keyof Roles['cookies']) =>
      (await get<Dashboard>(role, '/api/v1/dashboard')).body.attention.filter(
        (a) => a.kind === 'risk',
      );
    const seenByA = await attention('schoolA');
    expect(seenByA.map((a) => [a.id, a.reason, a.detail])).toContainEqual([
      late.body.risk.id,
      'overdue',
      '2026-02-01',
    ]);
    expect((await attention('schoolB')).map((a) => a.id)).not.toContain(late.body.risk.id);
    // Before its review date, it was not overdue.
    const before = await get<Dashboard>('schoolA', '/api/v1/dashboard?asOf=2026-01-31');
    expect(before.body.attention.map((a) => a.id)).not.toContain(late.body.risk.id);
  });

  describe('audit', () => {
    it('records create, update and review with their actor and unit', async () => {
      const res = await get<{ items: AuditEvent[] }>('office', '/api/v1/audit?from=2026-01-01');
      const events = res.body.items.filter((e) => e.entityId === riskA.risk.id);
      expect(events.map((e) => e.action).sort()).toEqual(['create', 'review', 'update']);
      for (const e of events) {
        expect(e.entityType).toBe('risk');
        expect(e.unitId).toBe(roles.ids.units.a);
      }
    });

    it("shows a risk's history to its readers only", async () => {
      const url = `/api/v1/audit/risk/${riskA.risk.id}`;
      const history = await get<{ items: AuditEvent[] }>('schoolA', url);
      expect(history.status).toBe(200);
      expect(history.body.items.map((e) => e.action)).toEqual(['review', 'update', 'create']);
      expect((await get('schoolB', url)).status).toBe(404);
      expect((await get('anonymous', url)).status).toBe(401);
    });

    it('undoes the write when its audit record cannot be written', async () => {
      await sql
        .raw(
          `CREATE FUNCTION test_risk_audit_veto() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.entity_type = 'risk' THEN RAISE EXCEPTION 'audit refused (test)'; END IF;
  RETURN NEW;
END
$$`,
        )
        .execute(database.db);
      await sql`CREATE TRIGGER test_risk_audit_veto BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_risk_audit_veto()`.execute(
        database.db,
      );
      try {
        const body = riskBody();
        const created = await send(t, as('office'), 'POST', '/api/v1/risks', body);
        expect(created.status).toBe(500);
        const codes = (
          await get<{ items: RiskCard[] }>('office', '/api/v1/risks?limit=500')
        ).body.items.map((r) => r.code);
        expect(codes).not.toContain(body.code);
        const url = `/api/v1/risks/${riskA.risk.id}`;
        const before = (await get<RiskDetail>('office', url)).body;
        const reviewed = await send(
          t,
          as('office'),
          'POST',
          `${url}/reviews`,
          { likelihood: 5, impact: 5, note: 'vetoed' },
          { 'if-match': before.etag },
        );
        expect(reviewed.status).toBe(500);
        const after = (await get<RiskDetail>('office', url)).body;
        expect(after.reviews).toHaveLength(before.reviews.length);
        expect(after.etag).toBe(before.etag);
      } finally {
        await sql`DROP TRIGGER test_risk_audit_veto ON audit_event`.execute(database.db);
      }
    });
  });
});
