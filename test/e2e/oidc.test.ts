/**
 * Institutional sign-in in headless Chromium: a real Strata server (in-memory PGlite with the IMT
 * data set) configured with a real OpenID Connect provider on loopback. The sign-in page shows
 * the institutional button and passes axe (French and English); the button leads to the
 * provider's login form and back, signed in, to the page asked for, the header naming the account.
 */
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider.ts';

const LABEL = 'IMT account';

/** A loopback port free right now (the provider must know Strata's callback URL up front). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  return port;
}

/** Strata on `port` with institutional sign-in through `provider`. */
async function startServer(port: number, provider: OidcProvider, redirectUri: string) {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const app = await buildApp({
    strata,
    workspace: 'imt',
    webDir: WEB_DIR,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri,
      defaultRole: 'contributor',
      label: LABEL,
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}

/** Waits until the page has its heading and no loader is left. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
}

describeWithBrowser('institutional sign-in (end to end)', () => {
  let provider: OidcProvider | undefined;
  let server: { close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const redirectUri = `${base}/api/v1/auth/oidc/callback`;
    provider = await startOidcProvider({ redirectUri });
    server = await startServer(port, provider, redirectUri);
    browser = await launchBrowser();
    // bypassCSP: the server's CSP (script-src 'self') would block axe-core's injected script.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      bypassCSP: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it('signs in with the institutional account and comes back signed in', async () => {
    if (!context || !provider) throw new Error('the test setup did not finish');
    const user = provider.user;
    const p = await context.newPage();
    try {
      await p.goto(`${base}/login?next=${encodeURIComponent('/plan')}`);
      await settle(p);
      expect(await p.locator('html').getAttribute('lang')).toBe('fr');
      const frButton = p.getByRole('link', { name: `Se connecter avec ${LABEL}` });
      await frButton.waitFor();
      await checkA11y(p, 'sign-in page with institutional sign-in (fr)');

      await p.getByRole('button', { name: /English/ }).click();
      await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('en');
      const button = p.getByRole('link', { name: `Sign in with ${LABEL}` });
      await button.waitFor();
      await checkA11y(p, 'sign-in page with institutional sign-in (en)');
      await screenshot(p, 'e2e-oidc-login-page');

      // The provider's own login form, on its origin.
      await button.click();
      await p.waitForURL((url) => url.origin === provider?.issuer);
      await p.getByLabel('E-mail').fill(user.email);
      await p.getByLabel('Password').fill(user.password);
      await p.getByRole('button', { name: 'Continue' }).click();

      // Back at Strata, on the page asked for, signed in: the header names the account.
      await p.waitForURL(`${base}/plan`);
      await settle(p);
      const header = p.getByRole('banner');
      await header.getByRole('button', { name: 'Sign out' }).waitFor();
      await expect.poll(() => header.getByText(user.name, { exact: true }).count()).toBe(1);
      const cookies = await context.cookies(base);
      expect(cookies.find((c) => c.name === 'strata_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Lax',
      });
      expect(cookies.some((c) => c.name === 'strata_oidc')).toBe(false);
      await screenshot(p, 'e2e-oidc-signed-in');

      const me = await p.evaluate(async () => {
        const response = await fetch('/api/v1/auth/me');
        return (await response.json()) as { user: { email: string; role: string } | null };
      });
      expect(me.user).toMatchObject({ email: user.email, role: 'contributor' });
    } finally {
      await p.close();
    }
  });
});
