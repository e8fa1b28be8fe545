/**
 * Institutional sign-in by OpenID Connect, on openid-client: the authorization code flow with
 * PKCE (S256), `state` and `nonce`. `start()` gives the provider URL to send the browser to and
 * the one-time values to keep until it comes back; `finish()` checks the answer (state, issuer),
 * exchanges the code, validates the ID token (signature, issuer, audience, expiry, nonce) and
 * returns the account's verified e-mail address, from the ID token or the userinfo endpoint.
 *
 * The provider's metadata is discovered on first use and kept for an hour (a failed discovery is
 * retried at the next sign-in). Plain HTTP is accepted only for an issuer on the loopback
 * interface (development and tests). Every failure is an AppError: `unauthenticated` when the
 * provider refuses or its answer does not validate, `unavailable` when it cannot be reached.
 */
import * as client from 'openid-client';
import { AppError } from '../errors.ts';
import type { OidcSettings } from './oidc.ts';

/** The one-time values of a sign-in in progress, kept by the browser until the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  email: string;
  name?: string;
}

export interface OidcServiceDeps {
  /** The clock (for the metadata cache). */
  now?: () => Date;
  /** Accept plain HTTP to the provider; default: only when the issuer is on loopback. */
  allowInsecureHttp?: boolean;
  /** Timeout of each request to the provider, in seconds (default 10). */
  timeoutSeconds?: number;
}

const SCOPE = 'openid email profile';
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an issuer URL is plain HTTP on this machine. */
function isLoopbackHttp(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The cause's message, when a wrapper hides the useful part. */
function withCause(error: Error): string {
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError && /fetch failed|network/i.test(error.message)) return true;
  if (error instanceof client.ClientError) {
    return error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT';
  }
  return error instanceof DOMException && ['TimeoutError', 'AbortError'].includes(error.name);
}

/** Maps what openid-client throws to an AppError with a message a person can act on. */
function providerError(error: unknown, during: 'discovery' | 'callback' | 'userinfo'): AppError {
  if (error instanceof AppError) return error;
  if (isNetworkFailure(error)) {
    return new AppError(
      'unavailable',
      'The institutional sign-in provider cannot be reached; try again shortly',
    );
  }
  if (error instanceof client.AuthorizationResponseError) {
    const detail = error.error_description ? `: ${error.error_description}` : '';
    return new AppError(
      'unauthenticated',
      `The identity provider refused the sign-in (${error.error}${detail})`,
    );
  }
  if (error instanceof client.ResponseBodyError) {
    const detail = error.error_description ? `: ${error.error_description}` : '';
    return new AppError(
      'unauthenticated',
      `The identity provider rejected the sign-in (${error.error}${detail})`,
    );
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    return new AppError('unauthenticated', 'The identity provider refused the userinfo request');
  }
  const what =
    during === 'discovery'
      ? 'The identity provider’s configuration could not be read'
      : during === 'userinfo'
        ? 'The identity provider’s userinfo answer is invalid'
        : 'The identity provider’s answer failed validation';
  const detail = error instanceof Error ? withCause(error) : messageOf(error);
  return new AppError('unauthenticated', `${what}: ${detail}`);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** False only when the provider says the address is not verified (some send "false"). */
function notVerified(value: unknown): boolean {
  return value === false || value === 'false';
}

function nameOf(claims: Record<string, unknown>): string | undefined {
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  return (
    text(claims.name) ?? (given || family ? [given, family].filter(Boolean).join(' ') : undefined)
  );
}

/**
 * Client authentication at the token endpoint: `client_secret_basic` (the OpenID Connect
 * default) unless the provider lists only `client_secret_post`.
 */
function clientSecretAuth(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (server, metadata, body, headers) => {
    const methods = server.token_endpoint_auth_methods_supported;
    const usePost =
      Array.isArray(methods) &&
      !methods.includes('client_secret_basic') &&
      methods.includes('client_secret_post');
    (usePost ? post : basic)(server, metadata, body, headers);
  };
}

/** Creates the OpenID Connect flow for one provider. */
export function oidcService(settings: OidcSettings, deps: OidcServiceDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const insecure = deps.allowInsecureHttp ?? isLoopbackHttp(settings.issuer);
  const timeout = deps.timeoutSeconds ?? 10;
  let cached: { config: Promise<client.Configuration>; at: number } | undefined;

  async function discover(): Promise<client.Configuration> {
    const at = now().getTime();
    if (!cached || at - cached.at > DISCOVERY_TTL_MS) {
      // Plain HTTP only for a loopback issuer (or when asked): openid-client marks the switch
      // deprecated to make it stand out, not because it goes away.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      const execute = insecure ? [client.allowInsecureRequests] : [];
      const config = client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          { client_secret: settings.clientSecret },
          clientSecretAuth(settings.clientSecret),
          { execute, timeout },
        )
        .catch((error: unknown) => {
          cached = undefined;
          throw providerError(error, 'discovery');
        });
      cached = { config, at };
    }
    return cached.config;
  }

  return {
    /** The provider URL to send the browser to, and the values to keep until it returns. */
    async start(): Promise<OidcFlow & { url: string }> {
      const config = await discover();
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: SCOPE,
        response_type: 'code',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, ...flow };
    },

    /**
     * Completes the sign-in from the URL the provider sent the browser back to (with the
     * redirect URI's scheme, host and path) and the values kept since `start()`.
     */
    async finish(callbackUrl: URL, saved: OidcFlow): Promise<OidcIdentity> {
      const config = await discover();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: saved.codeVerifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw providerError(error, 'callback');
      }
      const idToken = tokens.claims();
      if (!idToken) throw new AppError('unauthenticated', 'The identity provider sent no ID token');
      let claims: Record<string, unknown> = idToken;
      if (!text(claims.email)) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...info, ...idToken, email: info.email, email_verified: info.email_verified };
        } catch (error) {
          throw providerError(error, 'userinfo');
        }
      }
      const email = text(claims.email);
      if (!email) {
        throw new AppError(
          'unauthenticated',
          'The identity provider gave no e-mail address (the client needs the "email" scope)',
        );
      }
      if (notVerified(claims.email_verified)) {
        throw new AppError(
          'unauthenticated',
          'The identity provider has not verified this e-mail address',
        );
      }
      const name = nameOf(claims);
      return name === undefined ? { email } : { email, name };
    },
  };
}

/** The OpenID Connect flow, as the HTTP layer sees it. */
export type OidcService = ReturnType<typeof oidcService>;
