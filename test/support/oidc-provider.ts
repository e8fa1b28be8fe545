/**
 * A real OpenID Connect provider (oidc-provider) for the institutional sign-in tests, on a
 * random loopback port over plain HTTP: one confidential client whose redirect URI is Strata's
 * callback, an in-memory account store with a test user, its own RSA signing key, and a minimal
 * login page of its own (no development interactions): e-mail and password, checked, then the
 * client's access is granted at once (a first-party client needs no consent screen).
 *
 * With the default `conformIdTokenClaims`, the ID token carries only `sub` and the e-mail comes
 * from the userinfo endpoint; `emailInIdToken: true` puts it in the ID token instead.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An account of the provider. */
export interface ProviderUser {
  email: string;
  password: string;
  name: string;
  /** What the provider says of the address (`email_verified`). */
  emailVerified: boolean;
}

export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The default test user (e-mail verified). */
  user: ProviderUser;
  /** Adds (or replaces, by e-mail) an account. */
  addUser(user: ProviderUser): void;
  close(): Promise<void>;
}

// ---- A typed view of the parts of oidc-provider used here (the package ships no types). ----

interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

interface ProviderLike {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => GrantLike;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderLike;

async function loadProvider(): Promise<ProviderClass> {
  // A non-literal specifier: the package has no type declarations to resolve.
  const specifier = 'oidc-provider';
  const loaded: unknown = await import(specifier);
  const exported =
    typeof loaded === 'object' && loaded !== null && 'Provider' in loaded
      ? loaded.Provider
      : undefined;
  if (typeof exported !== 'function') throw new Error('oidc-provider exports no Provider class');
  return exported as ProviderClass;
}

// ---- Storage: oidc-provider's adapter contract, in memory, per provider. ----

interface Stored {
  payload: Record<string, unknown>;
  expiresAt: number;
}

function memoryAdapter() {
  const store = new Map<string, Stored>();
  const live = (key: string): Record<string, unknown> | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return (model: string) => {
    const key = (id: string) => `${model}:${id}`;
    const findBy = (field: string, value: string) => {
      for (const [k, entry] of store) {
        if (k.startsWith(`${model}:`) && entry.payload[field] === value) return live(k);
      }
      return undefined;
    };
    return {
      upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
        const ttl = typeof expiresIn === 'number' ? expiresIn * 1000 : 24 * 3600 * 1000;
        store.set(key(id), { payload, expiresAt: Date.now() + ttl });
        return Promise.resolve();
      },
      find: (id: string) => Promise.resolve(live(key(id))),
      findByUid: (uid: string) => Promise.resolve(findBy('uid', uid)),
      findByUserCode: (code: string) => Promise.resolve(findBy('userCode', code)),
      consume(id: string) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id: string) {
        store.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId: string) {
        for (const [k, entry] of store) if (entry.payload.grantId === grantId) store.delete(k);
        return Promise.resolve();
      },
    };
  };
}

// ---- The login page. ----

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error: string | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider – sign in</title></head>
<body><main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">E-mail</label> <input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button>
</form>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** Starts the provider; `redirectUri` is Strata's `/api/v1/auth/oidc/callback` URL. */
export async function startOidcProvider(options: {
  redirectUri: string;
  emailInIdToken?: boolean;
}): Promise<OidcProvider> {
  const Provider = await loadProvider();
  const clientId = 'strata-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const user: ProviderUser = {
    email: 'claire.martin@imt.example',
    password: 'provider password 2027',
    name: 'Claire Martin',
    emailVerified: true,
  };
  // Accounts by e-mail; the account id (`sub`) is a stable value derived from it.
  const accounts = new Map<string, ProviderUser>([[user.email, user]]);
  const subOf = (email: string) => `sub-${Buffer.from(email).toString('base64url')}`;
  const bySub = (sub: string) => [...accounts.values()].find((a) => subOf(a.email) === sub);

  // Set once the port, hence the issuer, is known.
  const current: { provider?: ProviderLike } = {};
  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, escapeHtml(String(error)));
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const provider = current.provider;
    if (!provider) throw new Error('the provider is not ready');
    const path = new URL(req.url ?? '/', 'http://provider.invalid').pathname;
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match) {
      provider.callback()(req, res);
      return;
    }
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && !match[2]) {
      if (details.prompt.name === 'login') {
        send(res, 200, loginPage(details.uid, null));
        return;
      }
      // Already signed in at the provider: grant what the client asks for, no consent screen.
      const accountId = details.session?.accountId;
      if (!accountId) throw new Error(`unexpected prompt ${details.prompt.name}`);
      await finish(req, res, details, accountId, false);
      return;
    }
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const account = accounts.get((form.get('email') ?? '').trim().toLowerCase());
      if (!account || account.password !== form.get('password')) {
        send(res, 401, loginPage(details.uid, 'Unknown e-mail address or wrong password.'));
        return;
      }
      await finish(req, res, details, subOf(account.email), true);
      return;
    }
    send(res, 405, 'Method not allowed');
  }

  async function finish(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    accountId: string,
    login: boolean,
  ): Promise<void> {
    const provider = current.provider;
    if (!provider) throw new Error('the provider is not ready');
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(typeof details.params.scope === 'string' ? details.params.scope : 'openid');
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { ...(login && { login: { accountId } }), consent: { grantId } },
      { mergeWithLastSubmission: !login },
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    conformIdTokenClaims: !options.emailInIdToken,
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = bySub(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 3600,
      Session: 3600,
    },
  });
  // A provider bug shows only as a 500 page in a redirect chain: print it.
  current.provider = provider;
  provider.on('server_error', (_ctx: unknown, error: unknown) => {
    console.error('[oidc-provider] server error:', error);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    user,
    addUser(account) {
      accounts.set(account.email.toLowerCase(), { ...account, email: account.email.toLowerCase() });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
