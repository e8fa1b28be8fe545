/**
 * The data pages in headless Chromium against a real server (in-memory PGlite, IMT data set):
 * the open-data page without signing in, the import wizard (a dry run listing problems by row
 * and column, then a clean file imported), the export links of the dashboard; axe-core (WCAG
 * 2.1 A/AA) in French and English, and a 375 px phone without page-wide horizontal scrolling.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const OFFICE = 'office@data.example';

describeWithBrowser('data pages', () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'strata-e2e-data-'));

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
    const indicators = await strata.services.indicators.list(scope, { limit: 500 });
    const grad = indicators.items.find((i) => i.card.code === 'GRAD-ENG');
    if (!grad) throw new Error('no GRAD-ENG');
    await strata.services.dataIo.openData.setPublished(scope, 'indicator', grad.card.id, true);
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${String(address.port)}`;
    close = async () => {
      await app.close();
      await strata.close();
    };
    browser = await launchBrowser();
    writeFileSync(
      join(dir, 'bad.csv'),
      '\ufeffIndicateur;Unité;Période;Valeur\nGRAD-ENG;IMT-ALES;2024;douze\nNOPE;IMT-ALES;2024;3\n',
    );
    writeFileSync(
      join(dir, 'good.csv'),
      '\ufeffIndicateur;Unité;Période;Valeur\nGRAD-ENG;IMT-ALES;2019;1 234,5\n',
    );
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await close();
  });

  /** A new browser context signed in as the strategy office. */
  async function officePage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    const login = await page.request.post(`${url}/api/v1/auth/login`, {
      data: { email: OFFICE, password: TEST_PASSWORD },
      headers: { origin: url },
    });
    expect(login.status()).toBe(200);
    return page;
  }

  async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
    if ((await page.locator('html').getAttribute('lang')) === lang) return;
    await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  }

  it('shows the open data to anyone, with its downloads and licence', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/public`);
    await page.getByRole('heading', { level: 1, name: 'Données ouvertes' }).waitFor();
    await page.getByRole('cell', { name: 'GRAD-ENG' }).first().waitFor();
    await expect.poll(() => page.getByRole('link', { name: /Licence Ouverte/ }).count()).toBe(1);
    await checkA11y(page, 'open data (fr)');
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await checkA11y(page, 'open data (en)');
    await screenshot(page, 'data-public-en');
  });

  it('lets the strategy office publish an indicator from its page; the public page lists it', async () => {
    const page = await officePage();
    const list = await page.request.get(`${url}/api/v1/indicators?limit=500`);
    const items = ((await list.json()) as { items: { card: { id: string; code: string } }[] })
      .items;
    const target = items.find((i) => i.card.code === 'STAY-ABROAD');
    if (!target) throw new Error('no STAY-ABROAD');
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`${url}/public`);
    await anonymous.getByRole('cell', { name: 'GRAD-ENG' }).first().waitFor();
    expect(await anonymous.getByRole('cell', { name: 'STAY-ABROAD' }).count()).toBe(0);

    await page.goto(`${url}/indicators/${target.card.id}`);
    const toggle = page.getByRole('switch', { name: 'Publié en données ouvertes' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await checkA11y(page, 'indicator page with the publish switch (fr)');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);

    await anonymous.reload();
    await anonymous.getByRole('cell', { name: 'STAY-ABROAD' }).first().waitFor();
  });

  it('checks a file, lists its problems by row and column, then imports a clean one', async () => {
    const page = await officePage();
    await page.goto(`${url}/import`);
    await page.getByRole('heading', { level: 1, name: 'Importer des données' }).waitFor();
    await page.setInputFiles('input[type=file]', join(dir, 'bad.csv'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByRole('status').filter({ hasText: '2 problème(s)' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'D', exact: true }).count()).toBe(1);
    await checkA11y(page, 'import wizard with problems (fr)');
    await chooseLanguage(page, 'en');
    await checkA11y(page, 'import wizard with problems (en)');
    await screenshot(page, 'data-import-en');
    await page.setInputFiles('input[type=file]', join(dir, 'good.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('No problem').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import done: 1 new, 0 changed, 0 unchanged.').waitFor();
  });

  it('offers the dashboard as CSV, XLSX and JSON', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/`);
    const link = page.getByRole('link', { name: 'Exporter en XLSX' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(
      /^\/api\/v1\/exports\/dashboard\?format=xlsx&locale=fr&planId=/,
    );
  });

  it('fits a 375 px phone', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 375, height: 800 } })
    ).newPage();
    for (const path of ['/public', '/import']) {
      await page.goto(`${url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
    }
  });
});
