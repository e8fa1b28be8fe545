/**
 * Reports and plan revisions in headless Chromium against a real server (in-memory PGlite, IMT
 * data set): the reports page and its links, the HTML reports themselves (axe-core WCAG 2.1
 * A/AA, in French and English, at desktop and phone widths), and the plan page's revisions
 * (adopt the initial revision, see it listed, compare it with the plan now). Screenshots of every
 * page go to test-results/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const OFFICE = 'office@reports.example';

describeWithBrowser('reports and revisions (end to end)', () => {
  let url = '';
  let close: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const strata = await openStrata({
      databaseUrl: undefined,
      dataDir: 'memory://',
      dbPoolSize: 1,
      seedDir: IMT_DIR,
    });
    const scope = await strata.services.workspace.resolve('imt');
    await strata.services.users.create(scope, {
      email: OFFICE,
      role: 'strategy_office',
      password: TEST_PASSWORD,
      unitIds: [],
    });
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
    close = async () => {
      await app.close();
      await strata.close();
    };
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await close?.();
  });

  const pageAs = async (lang: 'fr' | 'en', width = 1280): Promise<Page> => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    await context.addInitScript((l: string) => {
      window.localStorage.setItem('strata.lang', l);
    }, lang);
    const response = await context.request.post(`${url}/api/v1/auth/login`, {
      data: { email: OFFICE, password: TEST_PASSWORD },
    });
    expect(response.status()).toBe(200);
    return context.newPage();
  };

  const settle = async (page: Page) => {
    await page.locator('h1').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  };

  it('offers the reports page with links to both formats', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const page = await pageAs(lang);
      await page.goto(`${url}/reports`);
      await settle(page);
      const links = page.getByTestId('report-links').getByRole('link');
      expect(await links.count()).toBe(2);
      expect(await links.nth(0).getAttribute('href')).toContain(
        '/api/v1/reports/annual?format=html',
      );
      expect(await links.nth(1).getAttribute('href')).toContain('format=pdf');
      await checkA11y(page, `reports page (${lang})`);
      await screenshot(page, `reports-page-${lang}`);
      const phone = await pageAs(lang, 375);
      await phone.goto(`${url}/reports`);
      await settle(phone);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      await screenshot(phone, `reports-page-${lang}-375`);
    }
  });

  it('serves HTML reports that pass axe in French and English', async () => {
    for (const [kind, lang] of [
      ['annual', 'fr'],
      ['annual', 'en'],
      ['board', 'fr'],
      ['board', 'en'],
    ] as const) {
      for (const width of [1280, 375]) {
        const page = await pageAs(lang, width);
        await page.goto(`${url}/api/v1/reports/${kind}?format=html&lang=${lang}`);
        await page.locator('h1').waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        await checkA11y(page, `${kind} report (${lang}, ${String(width)} px)`);
        await screenshot(page, `report-${kind}-${lang}-${String(width)}`);
      }
    }
  });

  it('adopts a revision from the plan page and compares it with the plan now', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const page = await pageAs(lang);
      await page.goto(`${url}/plan`);
      await settle(page);
      if (lang === 'fr') {
        await page
          .getByRole('textbox', { name: /Libellé/ })
          .first()
          .fill('initiale');
        await page.getByRole('button', { name: 'Adopter' }).click();
        await page.getByTestId('revision-table').waitFor();
        await page.getByText('Aucun changement.').waitFor();
      } else {
        await page.getByTestId('revision-table').waitFor();
        await page.getByText('No change.').waitFor();
      }
      await checkA11y(page, `plan page with revisions (${lang})`);
      await screenshot(page, `plan-revisions-${lang}`);
    }
  });
});
