/**
 * The partner registry in headless Chromium against a real server (in-memory PGlite, the IMT
 * data set and the illustrative demo registry): the directory with its filters and charts, a
 * partner's page with its contacts, an agreement, the funding dashboard and a priority's page,
 * in French and English with axe-core (WCAG 2.1 A/AA) on each, and at 375 px; governance is told
 * contacts are hidden; the strategy office erases a contact through the confirmation dialog.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { seedDemoRegistry } from '../../src/services/partners/demo.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const OFFICE = 'office@partners.example';
const GOVERNANCE = 'governance@partners.example';
const EMAIL = 'claire.dupont@person.example';

interface Server {
  url: string;
  partnerId: string;
  agreementId: string;
  a4: string;
  close(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const { services } = strata;
  const scope = await services.workspace.resolve('imt');
  await services.users.create(scope, {
    email: OFFICE,
    role: 'strategy_office',
    password: TEST_PASSWORD,
    unitIds: [],
  });
  await services.users.create(scope, {
    email: GOVERNANCE,
    role: 'governance',
    password: TEST_PASSWORD,
    unitIds: [],
  });
  await seedDemoRegistry(services, 'imt');
  const directory = await services.partners.list(scope, { q: 'Région exemple' });
  const partner = directory.items[0];
  if (!partner) throw new Error('no illustrative region');
  const detail = await services.partners.detail(scope, partner.id);
  const agreement = detail.agreements[0];
  if (!agreement) throw new Error('no agreement');
  await services.contacts.create(scope, partner.id, {
    fullName: 'Claire Dupont',
    email: EMAIL,
    jobTitle: 'Chargée de mission enseignement supérieur',
    purpose: 'Suivi de la convention territoriale',
    legalBasis: 'public_task',
  });
  const overview = await services.workspace.overview(scope);
  const tree = await services.views.tree(scope, overview.groupPlanId ?? '');
  const a4 = tree.nodes.find((n) => n.code === 'A4')?.id ?? '';
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    partnerId: partner.id,
    agreementId: agreement.id,
    a4,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
}

async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

describeWithBrowser('partner registry (end to end)', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const base = () => server?.url ?? '';

  const pageFor = async (email: string, width = 1280): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    contexts.push(context);
    const response = await context.request.post(`${base()}/api/v1/auth/login`, {
      data: { email, password: TEST_PASSWORD },
    });
    expect(response.status()).toBe(200);
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows every registry page in French and English, accessible, and at 375 px', async () => {
    const s = server;
    if (!s) throw new Error('no server');
    const pages: [string, string][] = [
      ['partners', '/partners'],
      ['partner', `/partners/${s.partnerId}`],
      ['agreement', `/agreements/${s.agreementId}`],
      ['funding', '/funding'],
      ['priority-a4', `/elements/${s.a4}`],
    ];
    const page = await pageFor(OFFICE);
    for (const [name, path] of pages) {
      await page.goto(`${base()}${path}`);
      await settle(page);
      for (const lang of ['fr', 'en'] as const) {
        await chooseLanguage(page, lang);
        await settle(page);
        await checkA11y(page, `${name} (${lang})`);
        await screenshot(page, `partners-${name}-${lang}`);
      }
    }
    await page.goto(`${base()}/elements/${s.a4}`);
    await settle(page);
    await expect
      .poll(() => page.getByText('Regional development agreement (illustrative)').count())
      .toBeGreaterThan(0);
    const phone = await pageFor(OFFICE, 375);
    for (const [name, path] of pages.slice(0, 2)) {
      await phone.goto(`${base()}${path}`);
      await settle(phone);
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
      await screenshot(phone, `partners-${name}-375`);
    }
  });

  it('filters the directory by scale', async () => {
    const page = await pageFor(OFFICE);
    await page.goto(`${base()}/partners`);
    await settle(page);
    await chooseLanguage(page, 'en');
    await expect.poll(() => page.getByRole('status').innerText()).toBe('5 partners');
    await page.getByLabel('Scale', { exact: true }).first().click();
    await page.getByRole('option', { name: 'European' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('1 partner');
  });

  it('hides contacts from governance; the strategy office erases one through the dialog', async () => {
    const s = server;
    if (!s) throw new Error('no server');
    const governance = await pageFor(GOVERNANCE);
    await governance.goto(`${base()}/partners/${s.partnerId}`);
    await settle(governance);
    await chooseLanguage(governance, 'en');
    await expect.poll(() => governance.getByText(/Contacts are personal data/).count()).toBe(1);
    expect(await governance.content()).not.toContain(EMAIL);

    const page = await pageFor(OFFICE);
    await page.goto(`${base()}/partners/${s.partnerId}`);
    await settle(page);
    await chooseLanguage(page, 'en');
    await expect.poll(() => page.getByText(EMAIL).count()).toBe(1);
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this contact?' });
    await dialog.waitFor();
    await checkA11y(page, 'erase dialog');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect.poll(() => page.getByText(/Erased on/).count()).toBe(1);
    expect(await page.content()).not.toContain(EMAIL);
    await screenshot(page, 'partners-partner-erased-en');
  });
});
