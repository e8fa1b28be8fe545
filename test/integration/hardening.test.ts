/**
 * HTTP hardening through the real app on both engines (SECURITY-BAR 17–19, 25): security headers
 * on every kind of answer, no-store on the API, no GET that changes state, cross-site writes
 * refused and no CORS grant, generic 500s without stack or SQL, and logs that record the
 * security events without ever holding a password, a cookie or a token.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IndicatorListItem, Problem, WorkspaceOverview } from '../../src/contracts/index.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
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
import { plainLink } from '../support/consultations.ts';

const NOW = new Date('2026-05-04T09:00:00.000Z');
const EVIL = 'https://evil.example';
const ASSETS = join(WEB_DIR, 'assets');
const ASSET = existsSync(ASSETS) ? readdirSync(ASSETS).find((f) => f.endsWith('.js')) : undefined;

interface LogLine {
  level: number;
  msg?: string;
  event?: string;
  reqId?: string;
}

/** A reporting cycle over one element: the ids its GET routes take. */
async function cycleIds(t: TestApp, elementId: string) {
  const scope = await t.strata.services.workspace.resolve('imt');
  const detail = await t.strata.services.cycles.create(scope, {
    code: 'HARDENING',
    title: { fr: 'Cycle', en: 'Cycle' },
    period: '2025',
    opensOn: '2026-01-01',
    dueOn: '2026-06-30',
    elementIds: [elementId],
  });
  return { cycles: detail.cycle.id, 'check-ins': detail.items[0]?.id };
}

describeEachEngine('HTTP hardening', (engine) => {
  let t: TestApp;
  let database: Database;
  const logs: string[] = [];
  let overview: WorkspaceOverview;
  let office = '';
  let officeId = '';
  let admin = '';

  const unitId = (code: string) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };

  /** A fingerprint of every table's content: any change anywhere changes it. */
  const fingerprint = async () => {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      ORDER BY table_name`.execute(database.db);
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = await sql<{ h: string; n: number }>`
        SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h,
               count(*)::int AS n
        FROM ${sql.table(name)} x`.execute(database.db);
      result[name] = `${row.rows[0]?.n ?? 0}:${row.rows[0]?.h ?? ''}`;
    }
    return result;
  };
  const auditCount = async () => {
    const row = await database.db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  };

  beforeAll(async () => {
    database = await engine.open();
    // A clock that stands still: reading with a session never even refreshes its last-seen time.
    const strata = await strataFromDatabase(database, IMT_DIR, { now: () => NOW });
    const app = await buildApp({
      strata,
      workspace: 'imt',
      webDir: WEB_DIR,
      logger: {
        level: 'info',
        stream: {
          write: (line: string) => {
            logs.push(line);
          },
        },
      },
    });
    // A test-only route that fails the way a bug would: an error carrying SQL and a stack.
    app.get('/api/v1/test-only/boom', { schema: { hide: true } }, () => {
      const error = new Error(
        'column "password_hash" does not exist: SELECT password_hash FROM app_user WHERE email = $1',
      ) as Error & { code: string; query: string };
      error.code = '42703';
      error.query = 'SELECT password_hash FROM app_user';
      throw error;
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
    officeId = await createAccount(t, { email: 'office@imt.example', role: 'strategy_office' });
    await createAccount(t, {
      email: 'editor.ales@imt.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALES'],
    });
    await createAccount(t, { email: 'admin@imt.example', role: 'admin' });
    office = await signIn(t, 'office@imt.example');
    admin = await signIn(t, 'admin@imt.example');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  type Headers = Record<string, string | string[] | number | undefined>;
  const header = (headers: Headers, name: string): string => {
    const value = headers[name];
    if (value === undefined) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  };

  const expectSecurityHeaders = (label: string, headers: Headers) => {
    const csp = header(headers, 'content-security-policy');
    const directives = csp.split(';').map((d) => d.trim());
    expect([label, directives]).toEqual([
      label,
      expect.arrayContaining(["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]),
    ]);
    const hsts = /max-age=(\d+)/.exec(header(headers, 'strict-transport-security'));
    expect([label, Number(hsts?.[1] ?? 0) >= 15_552_000]).toEqual([label, true]);
    expect([label, headers['x-content-type-options']]).toEqual([label, 'nosniff']);
    expect([label, headers['referrer-policy']]).toEqual([
      label,
      expect.stringMatching(
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
      ),
    ]);
  };

  it('sends the security headers on every kind of answer, and no-store on the API', async () => {
    const element = overview.groupPlanId ?? '';
    const answers: [string, Awaited<ReturnType<typeof get>>, 'api' | 'web'][] = [
      ['API JSON', await get('/api/v1/auth/me', { cookie: office }), 'api'],
      ['API JSON, anonymous', await get('/api/v1/workspace'), 'api'],
      ['health', await get('/api/health'), 'api'],
      ['OpenAPI document', await get('/api/openapi.json'), 'api'],
      ['problem 404', await get('/api/v1/elements/00000000-0000-4000-8000-000000000000'), 'api'],
      ['problem 400', await get('/api/v1/elements/not-a-uuid'), 'api'],
      ['problem 401', await get('/api/v1/users'), 'api'],
      ['unknown API route', await get('/api/v1/no-such-route'), 'api'],
      [
        'problem 403 (cross-site)',
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: { origin: EVIL },
        }),
        'api',
      ],
      ['CSV export', await get('/api/v1/audit.csv', { cookie: office }), 'api'],
      ['plan tree', await get(`/api/v1/plans/${element}/tree`, { cookie: office }), 'api'],
      ['HTML page', await get('/'), 'web'],
      ['HTML client route', await get('/indicators/some-page'), 'web'],
    ];
    if (ASSET) answers.push(['static asset', await get(`/assets/${ASSET}`), 'web']);
    for (const [label, res, kind] of answers) {
      expect([label, res.statusCode < 500]).toEqual([label, true]);
      expectSecurityHeaders(label, res.headers);
      if (kind === 'api')
        expect([label, res.headers['cache-control']]).toEqual([label, 'no-store']);
    }
    const html = answers.find((a) => a[0] === 'HTML page')?.[1];
    expect(html?.headers['content-type']).toMatch(/^text\/html/);
  });

  // Regression test for a bug fixed in the same change.
  it('sends the same CSP directives on the API docs page', async () => {
    const res = await get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders('API docs', res.headers);
  });

  it('changes nothing with any GET of the OpenAPI document (strategy office, admin, anonymous)', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const indicators = (await get('/api/v1/indicators?limit=1', { cookie: office })).json<{
      items: IndicatorListItem[];
    }>().items;
    const actions = (await get('/api/v1/actions?limit=1', { cookie: office })).json<{
      items: { id: string }[];
    }>().items;
    const tree = await t.strata.services.views.tree(
      await t.strata.services.workspace.resolve('imt'),
      overview.groupPlanId ?? '',
    );
    const consultation = await plainLink(t, office, unitId('IMT-ALES'), 'HARD-CONS');
    // The partner registry: one partner with an agreement, a contact and a funding line.
    const system = await t.strata.services.workspace.resolve('imt');
    const partner = await t.strata.services.partners.create(system, {
      name: 'Hardening partner',
      kind: 'company',
      country: 'FR',
    });
    const agreement = await t.strata.services.agreements.create(system, {
      partnerId: partner.partner.id,
      kind: 'framework',
      title: { fr: 'Accord', en: 'Agreement' },
      scale: 'national',
    });
    const contact = await t.strata.services.contacts.create(system, partner.partner.id, {
      fullName: 'Person',
      purpose: 'Hardening',
      legalBasis: 'contract',
    });
    const line = await t.strata.services.funding.create(system, {
      title: { fr: 'Ligne', en: 'Line' },
      programme: 'anr',
      funder: 'ANR',
    });
    const ids: Record<string, string | undefined> = {
      consultations: consultation.id,
      consult: consultation.links[0],
      partners: partner.partner.id,
      agreements: agreement.agreement.id,
      contacts: contact.contact.id,
      elements: tree.nodes[0]?.id,
      indicators: indicators[0]?.card.id,
      actions: actions[0]?.id,
      units: unitId('IMT-ALES'),
      users: officeId,
      plans: overview.groupPlanId ?? undefined,
      risks: (
        await t.strata.services.risks.create(await t.strata.services.workspace.resolve('imt'), {
          code: 'HARDENING-RISK',
          title: { fr: 'Risque', en: 'Risk' },
          unitId: unitId('IMT-ALES'),
          likelihood: 2,
          impact: 3,
        })
      ).risk.id,
      ...(await cycleIds(t, tree.nodes[0]?.id ?? '')),
    };
    // A first revision of the group plan, so that its diff against now has something to read.
    if (overview.groupPlanId) {
      await t.strata.services.revisions.adopt(
        await t.strata.services.workspace.resolve('imt'),
        overview.groupPlanId,
        { label: 'Hardening baseline' },
      );
    }
    const fill = (path: string) =>
      path
        .replace('/audit/{entityType}/{id}', `/audit/element/${ids.elements ?? ''}`)
        .replace('/funding-lines/{id}', `/funding-lines/${line.fundingLine.id}`)
        .replace('{kind}', 'measurements')
        .replace('{dataset}', 'indicators')
        .replace(/\/([a-z-]+)\/\{(id|planId|token)\}/g, (_m, collection: string) => {
          const id = ids[collection];
          if (!id) throw new Error(`no id to fill in ${path}: add one for this new route`);
          return `/${collection}/${id}`;
        })
        .concat(path === '/api/v1/search' ? '?q=ecologique' : '')
        .concat(path.endsWith('/revisions/diff') ? '?from=1' : '');
    const urls = Object.entries(doc.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => fill(path));
    expect(urls.length).toBeGreaterThanOrEqual(20);
    expect(urls.some((u) => u.includes('{'))).toBe(false);
    urls.push('/api/docs', '/', '/plans');

    const before = await fingerprint();
    const audited = await auditCount();
    let answered = 0;
    for (const url of urls) {
      const asOffice = await get(url, { cookie: office });
      const asAdmin = await get(url, { cookie: admin });
      const anonymous = await get(url);
      // Accounts are the administrator's; institutional sign-in is not configured here (404).
      const expected = url.startsWith('/api/v1/auth/oidc/')
        ? [404, 404]
        : url.startsWith('/api/v1/users')
          ? [403, 200]
          : [200, 200];
      expect([url, asOffice.statusCode, asAdmin.statusCode]).toEqual([url, ...expected]);
      if (asOffice.statusCode === 200 || asAdmin.statusCode === 200) answered += 1;
      expect([url, anonymous.statusCode < 500]).toEqual([url, true]);
    }
    expect(answered).toBeGreaterThanOrEqual(20);
    expect(await auditCount()).toBe(audited);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses cross-site writes (hostile Origin, cross-site fetch, form and text bodies) and changes nothing', async () => {
    const payload = {
      code: 'CSRF-1',
      name: { fr: 'Forgé', en: 'Forged' },
      direction: 'increase',
      frequency: 'year',
    };
    const before = await fingerprint();
    const attempts = [
      { headers: { origin: EVIL }, payload },
      { headers: { origin: 'null' }, payload },
      { headers: { 'sec-fetch-site': 'cross-site' }, payload },
      { headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(payload) },
      { headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload: JSON.stringify(payload) },
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'code=CSRF-1&direction=increase&frequency=year',
      },
      {
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nCSRF-1\r\n--x--\r\n',
      },
    ];
    for (const attempt of attempts) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/indicators',
        headers: { cookie: office, ...attempt.headers },
        payload: attempt.payload,
      });
      const label = JSON.stringify(attempt.headers);
      expect([label, res.statusCode]).toEqual([label, 403]);
      expect([label, res.json<Problem>().code]).toEqual([label, 'cross_site_refused']);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: EVIL },
      payload: { email: 'office@imt.example', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.cookies).toEqual([]);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${officeId}`,
      headers: { cookie: office, origin: EVIL, 'if-match': '"anything"' },
      payload: { role: 'admin' },
    });
    expect(patch.statusCode).toBe(403);
    expect(await fingerprint()).toEqual(before);

    // The same write from Strata itself goes through: the refusals above were about the origin.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: { cookie: office, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
      payload,
    });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('grants no CORS to a hostile Origin, preflight included', async () => {
    const answers = [
      await get('/api/v1/auth/me', { origin: EVIL, cookie: office }),
      await get('/api/v1/workspace', { origin: EVIL }),
      await get('/api/openapi.json', { origin: EVIL }),
      await get('/', { origin: EVIL }),
      await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        headers: {
          origin: EVIL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
      await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/users',
        headers: { origin: EVIL, 'access-control-request-method': 'GET' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: EVIL },
        payload: { email: 'office@imt.example', password: TEST_PASSWORD },
      }),
    ];
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
      expect(cors).toEqual([]);
      expect(header(res.headers, 'vary')).not.toMatch(/origin/i);
    }
  });

  it('answers an unexpected error with a generic 500 problem carrying the request id', async () => {
    const from = logs.length;
    const res = await get('/api/v1/test-only/boom', { cookie: office });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<Problem>();
    expect(problem).toMatchObject({ status: 500, code: 'internal' });
    expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(problem).sort()).toEqual(
      ['code', 'detail', 'requestId', 'status', 'title', 'type'].sort(),
    );
    expect(res.body).not.toMatch(/SELECT|password_hash|app_user|42703|stack|\.ts:\d+|at \w+ \(/);
    // The details go to the log instead, under the same request id.
    const failure = logs
      .slice(from)
      .map((l) => JSON.parse(l) as LogLine)
      .find((l) => l.event === 'request.failed');
    expect(failure?.reqId).toBe(problem.requestId);
  });

  it('answers with 500 or 503 and no SQL or stack when the database is gone', async () => {
    const lost = await engine.open();
    const strata = await strataFromDatabase(lost, IMT_DIR, { now: () => NOW });
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    await app.ready();
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/workspace' })).statusCode).toBe(200);
      await lost.close();
      for (const url of ['/api/v1/workspace', '/api/v1/dashboard', '/api/v1/auth/me']) {
        const res = await app.inject({ method: 'GET', url });
        expect([url, [500, 503].includes(res.statusCode)]).toEqual([url, true]);
        const problem = res.json<Problem>();
        expect(problem.requestId).toBeTruthy();
        expect(res.body).not.toMatch(/SELECT|FROM|select|stack|\.ts:\d+|at \w+ \(|pglite|pool/i);
      }
    } finally {
      await app.close();
      await strata.close().catch(() => undefined);
    }
  });

  it('logs login failures and CSRF refusals as structured events, and never a password, cookie or token', async () => {
    const wrong = 'Wrong-Secret-Password-4711';
    const next = 'Brand-New-Secret-Passphrase-0815';
    await createAccount(t, { email: 'logged@imt.example', role: 'strategy_office' });
    const from = logs.length;

    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'logged@imt.example', password: wrong },
    });
    expect(failed.statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'logged@imt.example', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies[0]?.value ?? '';
    expect(session).not.toBe('');
    const cookie = `strata_session=${session}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'logged', scope: 'write', expiresInDays: 30 },
    });
    const token = created.json<{ token: string }>().token;
    expect(token).toMatch(/^strata_/);
    const used = await get('/api/v1/indicators?limit=1', { authorization: `Bearer ${token}` });
    expect(used.statusCode).toBe(200);
    const badToken = await get('/api/v1/auth/me', { authorization: `Bearer ${token}x` });
    expect(badToken.statusCode).toBe(401);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { current: TEST_PASSWORD, next: 'password123' },
    });
    expect(weak.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { current: TEST_PASSWORD, next },
    });
    expect(changed.statusCode).toBe(200);
    const csrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie, origin: EVIL },
      payload: { current: next, next: wrong },
    });
    expect(csrf.statusCode).toBe(403);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: 'a-made-up-reset-link-token-0123456789', password: next },
    });
    expect(reset.statusCode).toBe(404);

    const lines = logs.slice(from);
    expect(lines.length).toBeGreaterThan(10);
    const secrets = [
      TEST_PASSWORD,
      wrong,
      next,
      'password123',
      session,
      token,
      token.slice('strata_'.length),
      'a-made-up-reset-link-token-0123456789',
    ];
    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/"(authorization|cookie|set-cookie)"/i);
    }
    const events = lines.map((l) => JSON.parse(l) as LogLine);
    expect(events.some((e) => e.event === 'auth.login_failed' && e.level >= 40)).toBe(true);
    expect(events.some((e) => e.event === 'auth.login')).toBe(true);
    expect(events.some((e) => e.event === 'auth.token_rejected')).toBe(true);
    expect(events.some((e) => e.event === 'csrf.rejected' && e.level >= 40)).toBe(true);
    expect(events.some((e) => e.event === 'input.rejected' || e.event === 'request.rejected')).toBe(
      true,
    );
    for (const e of events.filter((x) => x.event)) expect(e.reqId).toBeTruthy();
  });
});
