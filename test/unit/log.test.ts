/** Logged URLs never carry the query string of a sign-in route (an OIDC code is a secret). */
import { describe, expect, it } from 'vitest';
import { loggedUrl } from '../../src/http/log.ts';

describe('loggedUrl', () => {
  it.each([
    ['/api/v1/auth/oidc/callback?code=SECRET&state=abc', '/api/v1/auth/oidc/callback'],
    ['/api/v1/auth/oidc/start?next=/plan', '/api/v1/auth/oidc/start'],
    ['/api/v1/dashboard?asOf=2026-01-31', '/api/v1/dashboard?asOf=2026-01-31'],
    ['/api/v1/auth/me', '/api/v1/auth/me'],
  ])('%s → %s', (url, expected) => {
    expect(loggedUrl(url)).toBe(expected);
  });
});
