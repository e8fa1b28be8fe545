/**
 * A reporting cycle run from the web in headless Chromium, against a real Strata server
 * (in-memory PGlite with the IMT data set): a contributor opens "My work", submits a check-in
 * (an off-track status first refused without an explanation), the strategy office returns it
 * with a comment from its validation queue, the contributor fixes and resubmits, the office
 * validates, and the dashboard shows the validated status. The cycle, check-in and my-work
 * pages pass axe-core in French and English and fit a 375 px phone; screenshots are saved.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const SCHOOL = 'IMT-ALES';
const OFFICE = 'office@cycles.example';
const CONTRIBUTOR = 'contributor@cycles.example';

interface Server {
  url: string;
  cycleId: string;
  itemId: string;
  elementCode: string;
  close(): Promise<void>;
}

/** Strata on a loopback port with a cycle over one element of the school's plan. */
async function startServer(): Promise<Server> {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const { services } = strata;
  const scope = await services.workspace.resolve('imt');
  const overview = await services.workspace.overview(scope);
  const school = overview.units.find((unit) => unit.code === SCHOOL);
  const plan = overview.plans.find((p) => p.unitId === school?.id);
  if (!school || !plan) throw new Error(`no plan of ${SCHOOL} in the IMT data set`);
  const element = (await services.views.tree(scope, plan.id)).nodes[0];
  if (!element) throw new Error('empty school plan');
  await services.users.create(scope, {
    email: OFFICE,
    role: 'strategy_office',
    password: TEST_PASSWORD,
    unitIds: [],
  });
  const contributor = await services.users.create(scope, {
    email: CONTRIBUTOR,
    role: 'contributor',
    password: TEST_PASSWORD,
    unitIds: [school.id],
  });
  await services.users.assign(scope, contributor.id, {
    elementIds: [element.id],
    indicatorIds: [],
    actionIds: [],
  });
  const today = new Date().toISOString().slice(0, 10);
  const cycle = await services.cycles.create(scope, {
    code: 'E2E-2026',
    title: { fr: 'Revue annuelle 2025', en: '2025 annual review' },
    period: '2025',
    opensOn: today,
    dueOn: '2099-12-31',
    elementIds: [element.id],
  });
  const item = cycle.items[0];
  if (!item) throw new Error('the cycle has no item');
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cycleId: cycle.cycle.id,
    itemId: item.id,
    elementCode: element.code,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}

async function settle(page: Page): Promise<void> {
  try {
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  } catch (error) {
    await screenshot(page, 'e2e-cycles-did-not-settle');
    throw new Error(`${page.url()} did not settle: ${String(error)}`, { cause: error });
  }
}

async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** axe in both languages, with a screenshot of each. */
async function lookAt(page: Page, name: string): Promise<void> {
  for (const lang of ['fr', 'en'] as const) {
    await chooseLanguage(page, lang);
    await settle(page);
    await checkA11y(page, `${name} (${lang})`);
    await screenshot(page, `cycles-${name}-${lang}`);
  }
}

describeWithBrowser('reporting cycle (end to end)', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const base = () => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };

  const pageAs = async (email: string, width = 1280): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    contexts.push(context);
    await context.addInitScript(() => {
      if (!window.localStorage.getItem('strata.lang'))
        window.localStorage.setItem('strata.lang', 'en');
    });
    const response = await context.request.post(`${base()}/api/v1/auth/login`, {
      data: { email, password: TEST_PASSWORD },
    });
    expect(response.status(), `sign-in of ${email}`).toBe(200);
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

  it('runs a check-in from submission to validation, and the dashboard shows it', async () => {
    if (!server) throw new Error('no server');
    const contributor = await pageAs(CONTRIBUTOR);
    const office = await pageAs(OFFICE);

    // The contributor finds the check-in in "My work" and opens its form in one click.
    await contributor.goto(`${base()}/`);
    await settle(contributor);
    await contributor.getByRole('link', { name: 'My work' }).click();
    await settle(contributor);
    await lookAt(contributor, 'my-work');
    await chooseLanguage(contributor, 'en');
    await contributor.getByTestId('my-due').getByRole('link').first().click();
    await settle(contributor);
    await expect.poll(() => contributor.url()).toContain(`/check-ins/${server.itemId}`);

    // Off track without an explanation is refused, naming the field.
    const form = contributor.getByRole('form', { name: 'Update' });
    await form.getByLabel('Proposed status').selectOption('off_track');
    await form.getByLabel('Summary').fill('Recruitment is late.');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => contributor.getByRole('alert').innerText()).toContain('/explanation');
    await form.getByLabel(/^Explanation/).fill('Two posts stayed vacant.');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => contributor.getByTestId('check-in-history').locator('li').count())
      .toBe(1);
    await lookAt(contributor, 'check-in-submitted');

    // The office returns it with a comment from its validation queue.
    await office.goto(`${base()}/my-work`);
    await settle(office);
    await office.getByTestId('my-to-validate').getByRole('link').first().click();
    await settle(office);
    const review = office.getByRole('form', { name: 'Review' });
    await review.getByLabel(/^Comment/).fill('Give the new recruitment date.');
    await review.getByRole('button', { name: 'Return' }).click();
    await expect.poll(() => office.getByTestId('check-in-history').locator('li').count()).toBe(2);

    // The contributor sees it returned, fixes and resubmits.
    await contributor.goto(`${base()}/my-work`);
    await settle(contributor);
    await contributor.getByTestId('my-returned').getByRole('link').first().click();
    await settle(contributor);
    await expect
      .poll(() => contributor.getByTestId('returned-banner').innerText())
      .toContain('Give the new recruitment date.');
    await lookAt(contributor, 'check-in-returned');
    await chooseLanguage(contributor, 'en');
    const again = contributor.getByRole('form', { name: 'Update' });
    await again.getByLabel('Proposed status').selectOption('at_risk');
    await again.getByLabel('Summary').fill('Recruitment planned for June.');
    await again.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => contributor.getByTestId('check-in-history').locator('li').count())
      .toBe(3);

    // The office validates.
    await office.goto(`${base()}/check-ins/${server.itemId}`);
    await settle(office);
    await office
      .getByRole('form', { name: 'Review' })
      .getByRole('button', { name: 'Validate' })
      .click();
    await expect.poll(() => office.getByTestId('check-in-history').locator('li').count()).toBe(4);
    await expect.poll(() => office.getByTestId('reported-status').innerText()).toContain('At risk');
    await lookAt(office, 'check-in-validated');

    // The dashboard shows the validated status.
    await office.goto(`${base()}/`);
    await settle(office);
    await chooseLanguage(office, 'en');
    const reported = office.getByTestId('reported-statuses');
    await expect.poll(() => reported.innerText()).toContain(server.elementCode);
    await expect.poll(() => reported.locator('[data-status="at_risk"]').count()).toBe(1);

    // The cycle shows its completion per school and per priority.
    await office.goto(`${base()}/cycles/${server.cycleId}`);
    await settle(office);
    await expect.poll(() => office.getByText('1 of 1 validated').count()).toBeGreaterThan(0);
    await lookAt(office, 'cycle');
    await office.goto(`${base()}/cycles`);
    await settle(office);
    await lookAt(office, 'cycles');
  });

  it('fits a 375 px phone', async () => {
    if (!server) throw new Error('no server');
    const phone = await pageAs(OFFICE, 375);
    for (const path of ['/my-work', `/check-ins/${server.itemId}`, `/cycles/${server.cycleId}`]) {
      await phone.goto(`${base()}${path}`);
      await settle(phone);
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(phone, `cycles-phone-${path.split('/')[1] ?? 'x'}`);
    }
  });
});
