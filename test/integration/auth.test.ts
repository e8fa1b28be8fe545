/**
 * Authentication and sessions through the real app on both engines (SECURITY-BAR 3–7): no default
 * account, a one-time setup link, session cookies and their attributes on HTTP and behind HTTPS,
 * renewal at login, the login rate limit, idle and absolute lifetimes (fake clock), the ways a
 * session ends, API tokens (hashed, scoped, revocable, expiring) and the one-time links.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Me, Problem, User, WorkspaceOverview } from '../../src/contracts/index.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR, createAccount, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';

const START = new Date('2026-03-02T08:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Harness extends TestApp {
  /** The same Strata behind a reverse proxy that terminates HTTPS (trustProxy). */
  https: App;
  database: Database;
}

describeEachEngine('authentication and sessions', (engine) => {
  let t: Harness;
  let clock = START;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let overview: WorkspaceOverview;
  let adminCookie = '';

  const inject = (
    options: {
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
      url: string;
      payload?: object;
      headers?: Record<string, string>;
      remoteAddress?: string;
    },
    app: App = t.app,
  ) =>
    app.inject({
      method: options.method,
      url: options.url,
      ...(options.payload && { payload: options.payload }),
      headers: options.headers ?? {},
      remoteAddress: options.remoteAddress ?? '127.0.0.1',
    });

  const login = (email: string, password = TEST_PASSWORD, remoteAddress = '127.0.0.1') =>
    inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress,
    });

  type Reply = Awaited<ReturnType<typeof inject>>;
  const sessionCookie = (res: Reply) =>
    res.cookies.find((c) => c.name === 'strata_session' || c.name === '__Host-strata_session');
  const cookieHeader = (res: Reply) => {
    const c = sessionCookie(res);
    if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
    return `${c.name}=${c.value}`;
  };
  const signIn = async (email: string, password = TEST_PASSWORD) => {
    const res = await login(email, password);
    expect(res.statusCode, res.body).toBe(200);
    return cookieHeader(res);
  };
  const me = async (cookie: string, app: App = t.app) =>
    (await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }, app)).json<Me>();
  const meAs = async (headers: Record<string, string>) =>
    inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const unitId = (code: string) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };
  const systemScope = () => t.strata.services.workspace.resolve('imt');
  const userRow = (email: string) =>
    t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    const database = await engine.open();
    const strata = await strataFromDatabase(database, IMT_DIR, { now: () => clock });
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    const https = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR, trustProxy: true });
    await app.ready();
    await https.ready();
    t = {
      app,
      https,
      strata,
      database,
      close: async () => {
        await app.close();
        await https.close();
        await strata.close();
      },
    };
    overview = await strata.services.workspace.overview(await systemScope());
  });
  afterAll(async () => {
    await t.close();
  });

  it('has no default account: a fresh workspace has none and /auth/me says setup is pending', async () => {
    expect(await t.database.db.selectFrom('app_user').selectAll().execute()).toEqual([]);
    const anonymous = await me('');
    expect(anonymous.authenticated).toBe(false);
    expect(anonymous.user).toBeNull();
    expect(anonymous.setupPending).toBe(true);
    for (const [email, password] of [
      ['admin@strata.local', 'admin'],
      ['admin@imt.example', 'admin123456'],
      ['root@localhost.localdomain', 'changeme'],
    ] as const) {
      const res = await login(email, password, '10.0.0.1');
      expect(res.statusCode).toBe(401);
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  it('creates the first administrator from the setup link, once and only once', async () => {
    const scope = await systemScope();
    const link = await t.strata.services.users.setupLink(scope);
    const spare = await t.strata.services.users.setupLink(scope);
    if (!link || !spare) throw new Error('no setup link while no administrator exists');
    expect(link.token).not.toBe(spare.token);
    const setup = (token: string, email: string, password: string) =>
      inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { token, email, password } });

    const unknown = await setup('x'.repeat(43), 'admin@imt.example', TEST_PASSWORD);
    expect(unknown.statusCode).toBe(404);
    const weak = await setup(link.token, 'admin@imt.example', 'password123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json<Problem>().errors?.[0]?.field).toBe('/password');

    const ok = await setup(link.token, 'admin@imt.example', TEST_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    adminCookie = cookieHeader(ok);
    const admin = await me(adminCookie);
    expect(admin.authenticated).toBe(true);
    expect(admin.role).toBe('admin');
    expect(admin.user?.email).toBe('admin@imt.example');
    expect(admin.setupPending).toBe(false);

    const replay = await setup(link.token, 'second@imt.example', TEST_PASSWORD);
    expect(replay.statusCode).toBe(404);
    const second = await setup(spare.token, 'second@imt.example', TEST_PASSWORD);
    expect(second.statusCode).toBe(409);
    expect(sessionCookie(second)).toBeUndefined();
    expect(await t.strata.services.users.setupLink(scope)).toBeNull();
    const accounts = await t.database.db.selectFrom('app_user').select(['email', 'role']).execute();
    expect(accounts).toEqual([{ email: 'admin@imt.example', role: 'admin' }]);
    expect((await me('')).setupPending).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie on HTTP', async () => {
    await createAccount(t, { email: 'cookie@imt.example', role: 'governance' });
    const res = await login('cookie@imt.example');
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({
      name: 'strata_session',
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
    });
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).toMatch(/Path=\//);
    expect(raw).not.toMatch(/Domain=/i);
  });

  it('behind HTTPS, names the cookie __Host-strata_session and marks it Secure', async () => {
    const res = await inject(
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'cookie@imt.example', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      },
      t.https,
    );
    expect(res.statusCode, res.body).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({
      name: '__Host-strata_session',
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookie?.domain).toBeUndefined();
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/^__Host-strata_session=/);
    expect(raw).toMatch(/; Secure/i);
    const signedIn = await inject(
      {
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: cookieHeader(res), 'x-forwarded-proto': 'https' },
      },
      t.https,
    );
    expect(signedIn.json<Me>().user?.email).toBe('cookie@imt.example');
  });

  // Regression test for a bug fixed in the same change.
  it('behind HTTPS, ignores a session cookie without the __Host- prefix', async () => {
    await createAccount(t, { email: 'tossed@imt.example', role: 'governance' });
    const token = sessionCookie(await login('tossed@imt.example'))?.value ?? '';
    expect(token).not.toBe('');
    const res = await inject(
      {
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `strata_session=${token}`, 'x-forwarded-proto': 'https' },
      },
      t.https,
    );
    expect(res.json<Me>().authenticated).toBe(false);
  });

  it('uses session ids of 256 random bits, stored only as their SHA-256', async () => {
    await createAccount(t, { email: 'entropy@imt.example', role: 'governance' });
    const values = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const value = sessionCookie(await login('entropy@imt.example'))?.value ?? '';
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(value, 'base64url')).toHaveLength(32);
      values.add(value);
    }
    expect(values.size).toBe(3);
    const user = await userRow('entropy@imt.example');
    const stored = await t.database.db
      .selectFrom('auth_session')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored.map((s) => s.id_hash).sort()).toEqual([...values].map(sha256).sort());
    for (const value of values) expect(JSON.stringify(stored)).not.toContain(value);
  });

  it('renews the session at each login; both stay valid until each is ended', async () => {
    await createAccount(t, { email: 'renew@imt.example', role: 'governance' });
    const first = await signIn('renew@imt.example');
    // A cookie presented at login is not reused: the login answers a new id.
    const again = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'renew@imt.example', password: TEST_PASSWORD },
      headers: { cookie: first },
    });
    const second = cookieHeader(again);
    expect(second).not.toBe(first);
    expect((await me(first)).user?.email).toBe('renew@imt.example');
    expect((await me(second)).user?.email).toBe('renew@imt.example');
    const third = await signIn('renew@imt.example');

    const logout = await inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: first },
    });
    expect(logout.statusCode).toBe(200);
    expect((await me(first)).authenticated).toBe(false);
    expect((await me(second)).authenticated).toBe(true);

    const endAll = await inject({
      method: 'POST',
      url: '/api/v1/auth/sessions/end-all',
      headers: { cookie: second },
    });
    expect(endAll.statusCode).toBe(200);
    expect((await me(second)).authenticated).toBe(false);
    expect((await me(third)).authenticated).toBe(false);
    // Signing in again still works.
    expect((await me(await signIn('renew@imt.example'))).authenticated).toBe(true);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await createAccount(t, { email: 'alike@imt.example', role: 'governance' });
    const wrong = await login('alike@imt.example', 'not the password at all', '10.1.0.1');
    const unknown = await login('nobody@imt.example', 'not the password at all', '10.1.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (res: Reply) => {
      const { requestId, ...rest } = res.json<Problem>();
      expect(requestId).toBeTruthy();
      return rest;
    };
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(sessionCookie(wrong)).toBeUndefined();
    expect(sessionCookie(unknown)).toBeUndefined();
  });

  it('after 10 failures on an account answers 429 with Retry-After, even to the right password, until 15 minutes pass', async () => {
    await createAccount(t, { email: 'locked@imt.example', role: 'governance' });
    // Ten clients, one failure each: the limit is per account, not only per client.
    for (let i = 1; i <= 10; i += 1) {
      const res = await login('locked@imt.example', `wrong guess ${i}`, `10.2.0.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const limited = await login('locked@imt.example', TEST_PASSWORD, '10.2.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Problem>().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    expect(sessionCookie(limited)).toBeUndefined();

    advance(14 * MINUTE);
    const still = await login('locked@imt.example', TEST_PASSWORD, '10.2.1.2');
    expect(still.statusCode).toBe(429);
    expect(Number(still.headers['retry-after'])).toBe(60);

    advance(MINUTE);
    const free = await login('locked@imt.example', TEST_PASSWORD, '10.2.1.3');
    expect(free.statusCode, free.body).toBe(200);
    expect((await me(cookieHeader(free))).user?.email).toBe('locked@imt.example');
  });

  it('after 10 failures from one client answers 429 to that client, for any account', async () => {
    await createAccount(t, { email: 'bystander@imt.example', role: 'governance' });
    for (let i = 1; i <= 10; i += 1) {
      const res = await login(`guess${i}@imt.example`, 'not the password', '10.3.0.1');
      expect(res.statusCode).toBe(401);
    }
    const limited = await login('bystander@imt.example', TEST_PASSWORD, '10.3.0.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await login('bystander@imt.example', TEST_PASSWORD, '10.3.0.2');
    expect(elsewhere.statusCode).toBe(200);
    advance(15 * MINUTE);
    expect((await login('bystander@imt.example', TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });

  it('ends a session left idle for more than 60 minutes; activity keeps it alive', async () => {
    await createAccount(t, { email: 'idle@imt.example', role: 'governance' });
    const active = await signIn('idle@imt.example');
    const idle = await signIn('idle@imt.example');
    advance(59 * MINUTE);
    expect((await me(active)).authenticated).toBe(true);
    advance(59 * MINUTE);
    expect((await me(active)).authenticated).toBe(true);
    expect((await me(idle)).authenticated).toBe(false);
    advance(61 * MINUTE);
    expect((await me(active)).authenticated).toBe(false);
  });

  it('ends a session 12 hours after login however active it is', async () => {
    await createAccount(t, { email: 'absolute@imt.example', role: 'governance' });
    const cookie = await signIn('absolute@imt.example');
    for (let elapsed = 30; elapsed < 12 * 60; elapsed += 30) {
      advance(30 * MINUTE);
      expect([elapsed, (await me(cookie)).authenticated]).toEqual([elapsed, true]);
    }
    advance(30 * MINUTE);
    expect((await me(cookie)).authenticated).toBe(false);
  });

  it('makes the cookie useless at once when an administrator disables the account', async () => {
    adminCookie = await signIn('admin@imt.example');
    const id = await createAccount(t, { email: 'leaver@imt.example', role: 'unit_editor' });
    const cookie = await signIn('leaver@imt.example');
    const created = await inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'sync', scope: 'write', expiresInDays: 30 },
      headers: { cookie },
    });
    const token = created.json<{ token: string }>().token;
    expect((await meAs({ authorization: `Bearer ${token}` })).statusCode).toBe(200);

    const user = await inject({
      method: 'GET',
      url: `/api/v1/users/${id}`,
      headers: { cookie: adminCookie },
    });
    const noMatch = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { disabled: true },
      headers: { cookie: adminCookie },
    });
    expect(noMatch.statusCode).toBe(428);
    expect((await me(cookie)).authenticated).toBe(true);
    const disabled = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { disabled: true },
      headers: { cookie: adminCookie, 'if-match': user.json<User>().etag },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<User>().disabled).toBe(true);
    expect((await me(cookie)).authenticated).toBe(false);
    expect((await meAs({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await login('leaver@imt.example', TEST_PASSWORD, '10.4.0.1')).statusCode).toBe(401);
  });

  it('creates API tokens shown once, stored as SHA-256, usable as Bearer', async () => {
    await createAccount(t, { email: 'robot@imt.example', role: 'strategy_office' });
    const cookie = await signIn('robot@imt.example');
    const created = await inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'nightly import', scope: 'write', expiresInDays: 30 },
      headers: { cookie },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^strata_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice('strata_'.length), 'base64url')).toHaveLength(32);

    const viaToken = await meAs({ authorization: `Bearer ${token}` });
    expect(viaToken.json<Me>()).toMatchObject({
      authenticated: true,
      role: 'strategy_office',
      readOnly: false,
    });

    const list = await inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(id);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(token.slice('strata_'.length));
    expect(list.body).not.toContain(sha256(token));

    const rows = await t.database.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token.slice('strata_'.length));
  });

  it('refuses writes to a read-scope token (403) and accepts them from a write-scope one', async () => {
    const cookie = await signIn('robot@imt.example');
    const make = async (scope: 'read' | 'write') =>
      (
        await inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { name: `${scope} token`, scope, expiresInDays: 30 },
          headers: { cookie },
        })
      ).json<{ token: string }>().token;
    const read = await make('read');
    const write = await make('write');
    const groupPlan = overview.groupPlanId ?? '';
    const tree = await inject({
      method: 'GET',
      url: `/api/v1/plans/${groupPlan}/tree`,
      headers: { authorization: `Bearer ${read}` },
    });
    expect(tree.statusCode).toBe(200);
    const node = (await t.strata.services.views.tree(await systemScope(), groupPlan)).nodes[0];
    if (!node) throw new Error('empty group plan');
    const url = `/api/v1/elements/${node.id}`;
    const etagOf = async () =>
      String((await inject({ method: 'GET', url, headers: { cookie } })).headers.etag);
    const patch = (token: string, etag: string) =>
      inject({
        method: 'PATCH',
        url,
        payload: { lead: `lead set with a ${token.slice(0, 3)} token` },
        headers: { authorization: `Bearer ${token}`, 'if-match': etag },
      });

    const before = await etagOf();
    const refused = await patch(read, before);
    expect(refused.statusCode).toBe(403);
    expect(await etagOf()).toBe(before);
    const tokenFromRead = await inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'escalate', scope: 'write', expiresInDays: 30 },
      headers: { authorization: `Bearer ${read}` },
    });
    expect(tokenFromRead.statusCode).toBe(403);
    expect((await meAs({ authorization: `Bearer ${read}` })).json<Me>().readOnly).toBe(true);

    const accepted = await patch(write, before);
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('refuses a revoked token and an expired one with 401', async () => {
    const cookie = await signIn('robot@imt.example');
    const make = async (expiresInDays: number) =>
      (
        await inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { name: `${expiresInDays} days`, scope: 'read', expiresInDays },
          headers: { cookie },
        })
      ).json<{ token: string; id: string }>();
    const revoked = await make(30);
    const shortLived = await make(1);
    const bearer = (token: string) => meAs({ authorization: `Bearer ${token}` });
    expect((await bearer(revoked.token)).statusCode).toBe(200);

    const revoke = await inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${revoked.id}`,
      headers: { cookie },
    });
    expect(revoke.statusCode).toBe(200);
    const afterRevoke = await bearer(revoked.token);
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.headers['www-authenticate']).toMatch(/invalid_token/);

    advance(24 * HOUR - MINUTE);
    expect((await bearer(shortLived.token)).statusCode).toBe(200);
    advance(MINUTE);
    expect((await bearer(shortLived.token)).statusCode).toBe(401);
    expect((await bearer('strata_not-a-token')).statusCode).toBe(401);
  });

  it('accepts an invitation once: the account gets the invited role and units and is signed in', async () => {
    adminCookie = await signIn('admin@imt.example');
    const ales = unitId('IMT-ALES');
    const invited = await inject({
      method: 'POST',
      url: '/api/v1/users/invitations',
      payload: { email: 'newcomer@imt.example', role: 'unit_editor', unitIds: [ales] },
      headers: { cookie: adminCookie },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { token } = invited.json<{ token: string }>();
    const accept = (password: string) =>
      inject({
        method: 'POST',
        url: '/api/v1/auth/invitation',
        payload: { token, password, displayName: 'New Comer' },
      });

    const weak = await accept('azerty123');
    expect(weak.statusCode).toBe(400);
    const ok = await accept('a long and personal passphrase 42');
    expect(ok.statusCode, ok.body).toBe(200);
    const who = await me(cookieHeader(ok));
    expect(who).toMatchObject({ authenticated: true, role: 'unit_editor', unitIds: [ales] });
    expect(who.user?.email).toBe('newcomer@imt.example');
    expect((await accept('another long passphrase 43')).statusCode).toBe(404);
    expect(
      (await login('newcomer@imt.example', 'a long and personal passphrase 42')).statusCode,
    ).toBe(200);
  });

  it('resets a password from a link: the new one works, the old one not, and sessions end', async () => {
    adminCookie = await signIn('admin@imt.example');
    const id = await createAccount(t, { email: 'forgetful@imt.example', role: 'governance' });
    const session = await signIn('forgetful@imt.example');
    const link = await inject({
      method: 'POST',
      url: `/api/v1/users/${id}/reset-link`,
      headers: { cookie: adminCookie },
    });
    expect(link.statusCode, link.body).toBe(201);
    const { token } = link.json<{ token: string }>();
    const reset = (password: string) =>
      inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { token, password } });

    expect((await reset('forgetful@imt.example')).statusCode).toBe(400);
    expect((await me(session)).authenticated).toBe(true);
    const ok = await reset('a brand new passphrase 2026');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await me(session)).authenticated).toBe(false);
    expect((await login('forgetful@imt.example', TEST_PASSWORD, '10.5.0.1')).statusCode).toBe(401);
    expect((await login('forgetful@imt.example', 'a brand new passphrase 2026')).statusCode).toBe(
      200,
    );
    expect((await reset('yet another passphrase 2027')).statusCode).toBe(404);
  });

  it('changes a password only with the current one', async () => {
    await createAccount(t, { email: 'changer@imt.example', role: 'governance' });
    const cookie = await signIn('changer@imt.example');
    const change = (current: string, next: string, headers: Record<string, string> = { cookie }) =>
      inject({ method: 'POST', url: '/api/v1/auth/password', payload: { current, next }, headers });

    expect((await change(TEST_PASSWORD, 'a changed passphrase 99', {})).statusCode).toBe(401);
    const wrong = await change('not my password', 'a changed passphrase 99');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Problem>().errors?.[0]?.field).toBe('/current');
    const common = await change(TEST_PASSWORD, 'password123');
    expect(common.statusCode).toBe(400);
    expect(
      (await login('changer@imt.example', 'a changed passphrase 99', '10.6.0.1')).statusCode,
    ).toBe(401);
    expect((await login('changer@imt.example')).statusCode).toBe(200);

    const ok = await change(TEST_PASSWORD, 'a changed passphrase 99');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await login('changer@imt.example', TEST_PASSWORD, '10.6.0.2')).statusCode).toBe(401);
    expect((await login('changer@imt.example', 'a changed passphrase 99')).statusCode).toBe(200);
    const row = await userRow('changer@imt.example');
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,/);
  });
});
