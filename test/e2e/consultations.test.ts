/**
 * A stakeholder consultation in headless Chromium, against a real Strata server (in-memory
 * PGlite with the IMT data set): the strategy office builds a questionnaire (rating, multiple
 * choice, free text), publishes it and creates a respondent link; a respondent without an
 * account opens the link on a 375 px phone and answers, free text holding markup included; a
 * second answer with the same link, sent from another tab opened earlier, is refused; the
 * results show with their charts; the results are linked to priority A4 and shown on its page,
 * and an action cites the consultation. axe-core (WCAG 2.1 A/AA) runs on every page in French
 * and English, each of which is also saved as a screenshot.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const OFFICE = 'office@consultations.example';
const HOSTILE = '<img src=x onerror=alert(1)> <b>bold?</b>';

interface Server {
  url: string;
  close(): Promise<void>;
}

async function startServer(): Promise<Server> {
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
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}`,
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
  await settle(page);
}

/** axe in French then English, a screenshot of each; the page is left in English. */
async function look(page: Page, name: string): Promise<void> {
  for (const lang of ['fr', 'en'] as const) {
    await chooseLanguage(page, lang);
    await checkA11y(page, `${name} (${lang})`);
    await screenshot(page, `consultations-${name}-${lang}`);
  }
}

/** No horizontal scrolling of the page. */
async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}

describeWithBrowser('stakeholder consultations (end to end)', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const base = () => server?.url ?? '';
  const dialogs: string[] = [];

  const contextFor = async (office: boolean, width = 1280): Promise<BrowserContext> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    await context.addInitScript(() => {
      if (!window.localStorage.getItem('strata.lang'))
        window.localStorage.setItem('strata.lang', 'en');
    });
    if (office) {
      const res = await context.request.post(`${base()}/api/v1/auth/login`, {
        data: { email: OFFICE, password: TEST_PASSWORD },
      });
      expect(res.status()).toBe(200);
    }
    return context;
  };
  const newPage = async (context: BrowserContext) => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
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

  it(
    'runs a consultation end to end: built by the office, answered without an account',
    { timeout: 240_000 },
    async () => {
      const office = await contextFor(true);
      const page = await newPage(office);

      // The list, then a new draft.
      await page.goto(`${base()}/consultations`);
      await settle(page);
      await look(page, 'list-empty');
      await page.getByLabel(/^Code/).fill('ALUMNI-2026');
      await page.getByLabel('Title (French)').fill('Enquête diplômés 2026');
      await page.getByLabel('Title (English)').fill('Alumni survey 2026');
      await page.getByLabel('Audience').selectOption('alumni');
      await page.getByRole('button', { name: 'Create the draft' }).click();
      await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
      await settle(page);

      // Three questions: a required rating, a multiple choice, a free text.
      const question = (n: number) => page.getByTestId('question-editor').nth(n);
      await page.getByRole('button', { name: 'Add a question' }).click();
      await question(0).getByLabel('Question (French)').fill('Satisfaction globale');
      await question(0).getByLabel('Question (English)').fill('Overall satisfaction');
      await question(0).getByLabel('Required').check();
      await page.getByRole('button', { name: 'Add a question' }).click();
      await question(1).getByLabel('Type').selectOption('multiple');
      await question(1).getByLabel('Question (French)').fill('Thèmes à renforcer');
      await question(1).getByLabel('Question (English)').fill('Themes to strengthen');
      await question(1)
        .getByLabel(/Options/)
        .fill(
          'Europe | Europe\nTransition écologique | Ecological transition\nPartenariats | Partnerships',
        );
      await page.getByRole('button', { name: 'Add a question' }).click();
      await question(2).getByLabel('Type').selectOption('text');
      await question(2).getByLabel('Question (French)').fill('Commentaire');
      await question(2).getByLabel('Question (English)').fill('Comment');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await page.getByText('Draft saved.').waitFor();
      await look(page, 'draft');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText(/Published questionnaire: it is frozen/).waitFor();
      await expect.poll(() => page.getByTestId('question-editor').count()).toBe(0);

      // One respondent link, shown once.
      await page.getByLabel('Number of links to create').fill('1');
      await page.getByRole('button', { name: 'Create the links' }).click();
      const link = await page.getByTestId('respondent-link').inputValue();
      expect(link).toMatch(/\/consult\/[A-Za-z0-9_-]{43}$/);
      await look(page, 'published');
      const consultationUrl = page.url();

      // A respondent without an account, on a phone; a second tab of the same link opened early.
      const respondent = await contextFor(false, 375);
      const phone = await newPage(respondent);
      const other = await newPage(await contextFor(false, 375));
      await other.goto(link);
      await settle(other);
      await phone.goto(link);
      await settle(phone);
      await look(phone, 'public-form');
      await fitsWidth(phone);
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await phone.getByText('Question 1 is required.').waitFor();
      await phone.getByRole('radio', { name: '4', exact: true }).check();
      await phone.getByRole('checkbox', { name: 'Europe' }).check();
      await phone.getByRole('checkbox', { name: 'Partnerships' }).check();
      await phone.getByLabel(/3\. Comment/).fill(HOSTILE);
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await phone.getByText('Thank you, your answers have been recorded.').waitFor();
      await look(phone, 'public-thanks');

      // The same link again, from the tab opened before: refused, and said so.
      await chooseLanguage(other, 'en');
      await other.getByRole('radio', { name: '2', exact: true }).check();
      await other.getByRole('button', { name: 'Send my answers' }).click();
      await other
        .getByText('This link has already been used to answer: each link allows one answer.')
        .waitFor();
      await look(other, 'public-used');
      await fitsWidth(other);

      // The results: one response, charts, the free text shown as text.
      await page.goto(consultationUrl);
      await settle(page);
      await page.getByTestId('response-count').waitFor();
      expect(await page.getByTestId('response-count').innerText()).toBe('1 response');
      await expect.poll(() => page.locator('[role="img"] svg').count()).toBe(2);
      await page.getByText(HOSTILE, { exact: true }).waitFor();
      expect(await page.locator('ul.st-answers img').count()).toBe(0);

      // Linked to priority A4, and shown on its page.
      const a4 = await page
        .getByLabel('Plan element', { exact: true })
        .locator('option', { hasText: /^A4 / })
        .getAttribute('value');
      expect(a4).toBeTruthy();
      await page.getByLabel('Plan element', { exact: true }).selectOption(a4 ?? '');
      await page.getByRole('button', { name: 'Add the link' }).click();
      await page.getByTestId('element-links').getByText(/A4/).waitFor();
      await look(page, 'results');

      await page.goto(`${base()}/elements/${a4 ?? ''}`);
      await settle(page);
      const section = page.getByTestId('element-consultations');
      await section.getByText('Alumni survey 2026').waitFor();
      await section.getByText(HOSTILE, { exact: true }).waitFor();
      await look(page, 'priority-a4');

      // An action cites the consultation.
      const actions = await office.request.get(`${base()}/api/v1/actions?limit=1`);
      const action = ((await actions.json()) as { items: { id: string }[] }).items[0];
      await page.goto(`${base()}/actions/${action?.id ?? ''}`);
      await settle(page);
      await page.getByRole('checkbox', { name: /ALUMNI-2026/ }).check();
      await page.getByRole('button', { name: 'Save the cited consultations' }).click();
      await page.getByTestId('cited-consultations').getByText('Alumni survey 2026').waitFor();
      await look(page, 'action');

      await page.goto(`${base()}/consultations`);
      await settle(page);
      await look(page, 'list');

      // A shared consultation shows the builder that a shared link allows several answers.
      await page.getByLabel(/^Code/).fill('COMPANIES-2026');
      await page.getByLabel('Title (French)').fill('Consultation entreprises');
      await page.getByLabel('Title (English)').fill('Companies consultation');
      await page.getByLabel('Access').selectOption('shared');
      await page.getByText(/A shared link cannot tell respondents apart/).waitFor();
      await page.getByRole('button', { name: 'Create the draft' }).click();
      await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
      await settle(page);
      await page.getByTestId('shared-warning').first().waitFor();
      await screenshot(page, 'consultations-shared-draft-en');

      const unknown = await newPage(respondent);
      await unknown.goto(`${base()}/consult/${'x'.repeat(43)}`);
      await settle(unknown);
      await unknown.getByText('This consultation link is unknown or no longer valid.').waitFor();
      await look(unknown, 'public-unknown');

      expect(dialogs).toEqual([]);
    },
  );
});
