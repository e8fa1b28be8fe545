/**
 * Institutional sign-in (OpenID Connect) end to end over HTTP, on both engines: a real
 * oidc-provider on loopback, its login form posted with fetch, and the app through `inject`.
 * Start → provider login → callback → session cookie → /auth/me with the default role; a second
 * sign-in finds the same account; disabled or unverified accounts, a tampered state, a callback
 * without its flow cookie and a refusal at the provider all end with no session; an
 * unconfigured server answers 404 and an unreachable provider 503.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Me, Problem } from '../../src/contracts/index.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';
import type { OidcSettings } from '../../src/services/auth/oidc.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import {
  startOidcProvider,
  type OidcProvider,
  type ProviderUser,
} from '../support/oidc-provider.ts';

/** Never contacted: the provider's answers are replayed into `app.inject`. */
const REDIRECT_URI = 'http://strata.test/api/v1/auth/oidc/callback';
const FLOW_COOKIE = 'strata_oidc';
const SESSION_COOKIE = 'strata_session';

/** Cookies of one browser at the provider (every path; enough for its few cookies). */
function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const index = pair.indexOf('=');
        const name = pair.slice(0, index).trim();
        const value = pair.slice(index + 1).trim();
        const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
        if (expired || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

/**
 * Follows the provider's redirects from the authorization URL, fills its login form, and returns
 * the URL it finally sends the browser back to (Strata's callback, with code and state).
 */
async function loginAtProvider(
  authorizationUrl: string,
  user: Pick<ProviderUser, 'email' | 'password'>,
): Promise<URL> {
  const jar = cookieJar();
  let url = authorizationUrl;
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body !== undefined && { body }),
    });
    jar.store(response);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status === 200 && action) {
      url = new URL(action, url).href;
      body = new URLSearchParams({ email: user.email, password: user.password }).toString();
      continue;
    }
    throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
  }
  throw new Error('too many redirects at the provider');
}

function cookieOf(response: { cookies: { name: string; value: string }[] }, name: string) {
  return response.cookies.find((c) => c.name === name);
}

describeEachEngine('institutional sign-in (OIDC)', (engine) => {
  let provider: OidcProvider;
  let app: App;
  let strata: Awaited<ReturnType<typeof strataFromDatabase>>;
  const extraApps: App[] = [];
  let settings: OidcSettings;

  /** Another app over the same database, with other (or no) OIDC settings. */
  const appWith = async (oidc: OidcSettings | null, trustProxy = false): Promise<App> => {
    const other = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR, oidc, trustProxy });
    await other.ready();
    extraApps.push(other);
    return other;
  };

  /** Starts a sign-in: the provider URL and the flow cookie. */
  const start = async (target: App = app, next = '/') => {
    const res = await target.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`,
    });
    expect(res.statusCode, res.body).toBe(302);
    const flow = cookieOf(res, FLOW_COOKIE);
    if (!flow) throw new Error('no flow cookie');
    return { location: res.headers.location ?? '', flow: `${FLOW_COOKIE}=${flow.value}`, res };
  };

  const callback = (target: App, url: URL, cookie: string) =>
    target.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { cookie } });

  /** A whole sign-in; the callback's answer. */
  const signInVia = async (
    user: Pick<ProviderUser, 'email' | 'password'> = provider.user,
    next = '/',
    target: App = app,
  ) => {
    const started = await start(target, next);
    const back = await loginAtProvider(started.location, user);
    return callback(target, back, started.flow);
  };

  const me = async (cookie: string, target: App = app) => {
    const res = await target.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    return res.json<Me>();
  };

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
    strata = await strataFromDatabase(await engine.open(), IMT_DIR);
    settings = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: REDIRECT_URI,
      defaultRole: 'contributor',
      label: 'Compte IMT',
    };
    app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR, oidc: settings });
    await app.ready();
  });

  afterAll(async () => {
    for (const other of extraApps) await other.close();
    await app.close();
    await strata.close();
    await provider.close();
  });

  it('signs in through the provider, creating the account with the default role', async () => {
    const started = await start(app, '/plan');
    const url = new URL(started.location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('scope')).toContain('email');
    for (const p of ['state', 'nonce', 'code_challenge']) {
      expect(url.searchParams.get(p)?.length ?? 0).toBeGreaterThanOrEqual(32);
    }
    const flow = cookieOf(started.res, FLOW_COOKIE);
    expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
    expect(flow?.value).not.toContain(url.searchParams.get('code_challenge'));

    const back = await loginAtProvider(started.location, provider.user);
    const res = await callback(app, back, started.flow);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/plan');
    expect(cookieOf(res, FLOW_COOKIE)?.value).toBe('');
    const session = cookieOf(res, SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const who = await me(`${SESSION_COOKIE}=${session?.value ?? ''}`);
    expect(who.authenticated).toBe(true);
    expect(who.user).toMatchObject({
      email: provider.user.email,
      displayName: provider.user.name,
      role: 'contributor',
      disabled: false,
    });
    expect(who.providers).toEqual({ password: true, oidc: true, oidcLabel: 'Compte IMT' });
  });

  it('matches the same account at the next sign-in', async () => {
    const first = await signInVia();
    const second = await signInVia();
    expect(second.statusCode, second.body).toBe(302);
    const a = await me(`${SESSION_COOKIE}=${cookieOf(first, SESSION_COOKIE)?.value ?? ''}`);
    const b = await me(`${SESSION_COOKIE}=${cookieOf(second, SESSION_COOKIE)?.value ?? ''}`);
    expect(b.user?.id).toBe(a.user?.id);
    const scope = await strata.services.workspace.resolve('imt');
    const accounts = await strata.services.users.list(scope);
    expect(accounts.filter((u) => u.email === provider.user.email)).toHaveLength(1);
  });

  it('goes back only to an in-app path', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await signInVia(provider.user, next);
      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location, next).toBe('/');
    }
  });

  it('refuses a disabled account, with no session', async () => {
    const user: ProviderUser = {
      email: 'disabled.person@imt.example',
      password: 'another provider password',
      name: 'Disabled Person',
      emailVerified: true,
    };
    provider.addUser(user);
    expect((await signInVia(user)).statusCode).toBe(302);
    const scope = await strata.services.workspace.resolve('imt');
    const account = (await strata.services.users.list(scope)).find((u) => u.email === user.email);
    if (!account) throw new Error('the account was not created');
    await strata.services.users.update(scope, account.id, account.etag, { disabled: true });

    const res = await signInVia(user);
    expect(res.statusCode).toBe(403);
    expect(res.json<Problem>().code).toBe('forbidden');
    expect(res.json<Problem>().detail).toMatch(/disabled/);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses an address the provider has not verified', async () => {
    const user: ProviderUser = {
      email: 'unverified@imt.example',
      password: 'unverified password',
      name: 'Not Verified',
      emailVerified: false,
    };
    provider.addUser(user);
    const res = await signInVia(user);
    expect(res.statusCode).toBe(401);
    expect(res.json<Problem>().detail).toMatch(/not verified/);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    const scope = await strata.services.workspace.resolve('imt');
    const accounts = await strata.services.users.list(scope);
    expect(accounts.some((u) => u.email === user.email)).toBe(false);
  });

  it('refuses a tampered state, a missing flow cookie and a replayed code, with no session', async () => {
    const started = await start();
    const back = await loginAtProvider(started.location, provider.user);

    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state') ?? ''}x`);
    const res = await callback(app, tampered, started.flow);
    expect(res.statusCode).toBe(401);
    expect(res.json<Problem>().code).toBe('unauthenticated');
    expect(res.json<Problem>().detail).toMatch(/state/);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    expect(cookieOf(res, FLOW_COOKIE)?.value).toBe('');

    const noCookie = await callback(app, back, '');
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json<Problem>().detail).toMatch(/expired|another browser/);
    expect(cookieOf(noCookie, SESSION_COOKIE)).toBeUndefined();

    // Another flow's cookie with this answer: its state does not match either.
    const other = await start();
    const swapped = await callback(app, back, other.flow);
    expect(swapped.statusCode).toBe(401);
    expect(cookieOf(swapped, SESSION_COOKIE)).toBeUndefined();

    // The genuine pair still works once; the code cannot be used a second time.
    const genuine = await callback(app, back, started.flow);
    expect(genuine.statusCode, genuine.body).toBe(302);
    const replay = await callback(app, back, started.flow);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Problem>().detail).toMatch(/identity provider/);
    expect(cookieOf(replay, SESSION_COOKIE)).toBeUndefined();
  });

  it('reports a refusal at the provider as 401, not a server error', async () => {
    const started = await start();
    const state = new URL(started.location).searchParams.get('state') ?? '';
    const refused = new URL(REDIRECT_URI);
    refused.search = new URLSearchParams({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state,
      iss: provider.issuer,
    }).toString();
    const res = await callback(app, refused, started.flow);
    expect(res.statusCode).toBe(401);
    expect(res.json<Problem>().detail).toMatch(/access_denied/);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('takes the e-mail from the ID token when the provider puts it there', async () => {
    const second = await startOidcProvider({ redirectUri: REDIRECT_URI, emailInIdToken: true });
    try {
      const other = await appWith({
        ...settings,
        issuer: second.issuer,
        clientId: second.clientId,
        clientSecret: second.clientSecret,
      });
      const res = await signInVia(second.user, '/', other);
      expect(res.statusCode, res.body).toBe(302);
      const who = await me(
        `${SESSION_COOKIE}=${cookieOf(res, SESSION_COOKIE)?.value ?? ''}`,
        other,
      );
      expect(who.user?.email).toBe(second.user.email);
    } finally {
      await second.close();
    }
  });

  it('uses __Host- cookies, Secure, behind HTTPS', async () => {
    const secure = await appWith(settings, true);
    const https = { 'x-forwarded-proto': 'https' };
    const started = await secure.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/start?next=/plan',
      headers: https,
    });
    expect(started.statusCode, started.body).toBe(302);
    const flow = cookieOf(started, `__Host-${FLOW_COOKIE}`);
    expect(flow).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookieOf(started, FLOW_COOKIE)).toBeUndefined();

    const back = await loginAtProvider(started.headers.location ?? '', provider.user);
    const res = await secure.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...https, cookie: `__Host-${FLOW_COOKIE}=${flow?.value ?? ''}` },
    });
    expect(res.statusCode, res.body).toBe(302);
    expect(cookieOf(res, `__Host-${SESSION_COOKIE}`)).toMatchObject({ secure: true });
    // The plain-HTTP name is not honoured over HTTPS.
    const plain = await secure.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...https, cookie: `${FLOW_COOKIE}=${flow?.value ?? ''}` },
    });
    expect(plain.statusCode).toBe(401);
  });

  it('answers 503 when the provider cannot be reached', async () => {
    const other = await appWith({ ...settings, issuer: 'http://127.0.0.1:9' });
    const res = await other.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(res.statusCode).toBe(503);
    expect(res.json<Problem>()).toMatchObject({ code: 'unavailable' });
  });

  it('answers 404 on both routes when no provider is configured', async () => {
    const other = await appWith(null);
    for (const url of [
      '/api/v1/auth/oidc/start?next=/',
      '/api/v1/auth/oidc/callback?code=x&state=y',
    ]) {
      const res = await other.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json<Problem>().code).toBe('not_found');
    }
    expect((await me('', other)).providers.oidc).toBe(false);
  });

  it('documents both routes in OpenAPI under the auth tag', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{
      paths: Record<string, { get?: { tags?: string[]; responses?: object } }>;
    }>();
    for (const path of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback']) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['auth']);
      expect(Object.keys(doc.paths[path]?.get?.responses ?? {}), path).toContain('302');
    }
  });
});
