/**
 * The risk register and "as of" on a school page, end to end in headless Chromium against a
 * real server: the register, the 5 × 5 matrix (a cell leads to its risks), a risk reviewed
 * through its form (the history grows), the risks on element and action pages, and the school
 * page's date picker replaying the figures as recorded then. axe-core on every page, in
 * French and English, and the matrix at 375 px wide.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Created {
  risk: { id: string };
  etag: string;
}

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  await settle(page);
}

describeWithBrowser('risk register and as-of (end to end)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let cookie = '';
  const ids = { school: '', element: '', action: '', risk: '' };

  const base = () => server?.url ?? '';
  const p = (): Page => {
    if (!page) throw new Error('no page');
    return page;
  };
  const api = async <T>(method: string, path: string, body?: unknown, ifMatch?: string) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        cookie,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(ifMatch && { 'if-match': ifMatch }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const login = await fetch(`${base()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(server.account),
    });
    const session = login.headers.getSetCookie().find((c) => c.includes('strata_session='));
    cookie = session?.split(';')[0] ?? '';
    const overview = await api<{ units: { id: string; code: string }[] }>(
      'GET',
      '/api/v1/workspace',
    );
    ids.school = overview.units.find((u) => u.code === 'IMT-ALES')?.id ?? '';
    const group = overview.units.find((u) => u.code === 'IMT')?.id ?? '';
    const actions = await api<{ items: { id: string; leadUnit: { id: string } }[] }>(
      'GET',
      `/api/v1/actions?unitId=${ids.school}`,
    );
    ids.action = actions.items[0]?.id ?? '';
    const action = await api<{ action: { elementIds: string[] } }>(
      'GET',
      `/api/v1/actions/${ids.action}`,
    );
    ids.element = action.action.elementIds[0] ?? '';
    const risk = (code: string, fr: string, en: string, extra: Record<string, unknown>) =>
      api<Created>('POST', '/api/v1/risks', {
        code,
        title: { fr, en },
        likelihood: 3,
        impact: 4,
        unitId: ids.school,
        ...extra,
      });
    const first = await risk('RSK-FIN', 'Baisse des ressources propres', 'Fall in own revenue', {
      category: 'financial',
      owner: 'Direction financière',
      mitigation: {
        fr: 'Diversifier les financements (formation continue, chaires).',
        en: 'Diversify funding (lifelong learning, chairs).',
      },
      description: {
        fr: 'Les ressources propres couvrent une part croissante du budget.',
        en: 'Own revenue covers a growing share of the budget.',
      },
      reviewOn: '2026-01-15',
      actionIds: [ids.action],
      elementIds: [ids.element],
    });
    ids.risk = first.risk.id;
    await risk('RSK-RH', 'Difficultés de recrutement', 'Hiring difficulties', {
      category: 'people',
      likelihood: 4,
      impact: 4,
      elementIds: [ids.element],
    });
    await risk('RSK-CYB', 'Cyberattaque', 'Cyber attack', {
      category: 'technology',
      unitId: group,
      likelihood: 2,
      impact: 5,
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base() }]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the register with its filters, in French and English', async () => {
    await open(p(), `${base()}/risks`);
    await expect.poll(() => p().locator('h1').innerText()).toBe('Registre des risques');
    await expect.poll(() => p().locator('tr[data-risk]').count()).toBe(3);
    await checkA11y(p(), 'risk register (fr)');
    await screenshot(p(), 'risks-register-fr');
    await p().getByRole('combobox', { name: 'Unité' }).selectOption(ids.school);
    await expect.poll(() => p().locator('tr[data-risk]').count()).toBe(2);
    expect(p().url()).toContain(`unitId=${ids.school}`);
    await chooseLanguage(p(), 'en');
    await expect.poll(() => p().locator('h1').innerText()).toBe('Risk register');
    await checkA11y(p(), 'risk register (en)');
    await screenshot(p(), 'risks-register-en');
  });

  it('counts risks in the 5 × 5 matrix; a cell leads to its risks', async () => {
    await open(p(), `${base()}/risks/matrix`);
    await expect.poll(() => p().locator('[data-cell]').count()).toBe(25);
    expect(await p().locator('[data-cell="4-4"]').getAttribute('data-count')).toBe('1');
    expect(await p().locator('[data-cell="3-4"]').getAttribute('data-count')).toBe('1');
    expect(await p().locator('[data-cell="2-5"]').getAttribute('data-count')).toBe('1');
    await checkA11y(p(), 'risk matrix (en)');
    await screenshot(p(), 'risks-matrix-en');
    await p().getByRole('link', { name: '1 risk, likelihood 4, impact 4' }).click();
    await settle(p());
    expect(p().url()).toContain('likelihood=4');
    await expect.poll(() => p().locator('tr[data-risk]').count()).toBe(1);
    expect(await p().locator('tr[data-risk]').getAttribute('data-risk')).toBe('RSK-RH');
    await chooseLanguage(p(), 'fr');
    await open(p(), `${base()}/risks/matrix?unitId=${ids.school}`);
    expect(await p().locator('[data-cell="2-5"]').getAttribute('data-count')).toBe('0');
    await checkA11y(p(), 'risk matrix (fr)');
    await screenshot(p(), 'risks-matrix-fr');
    await p().setViewportSize({ width: 375, height: 800 });
    await open(p(), `${base()}/risks/matrix`);
    await checkA11y(p(), 'risk matrix at 375 px');
    await screenshot(p(), 'risks-matrix-375');
    await p().setViewportSize({ width: 1280, height: 900 });
  });

  it('reviews a risk through its form: the history grows and the level changes', async () => {
    await open(p(), `${base()}/risks/${ids.risk}`);
    await expect.poll(() => p().locator('[data-testid="risk-reviews"] tbody tr').count()).toBe(1);
    await checkA11y(p(), 'risk page (fr)');
    await screenshot(p(), 'risk-page-fr');
    await p().getByRole('combobox', { name: 'Probabilité' }).selectOption('2');
    await p().getByRole('combobox', { name: 'Impact' }).selectOption('2');
    await p().getByRole('textbox', { name: 'Commentaire' }).fill('Nouvelles chaires signées');
    await p().getByRole('button', { name: 'Enregistrer la revue' }).click();
    await expect.poll(() => p().locator('[data-testid="risk-reviews"] tbody tr').count()).toBe(2);
    await expect.poll(() => p().getByRole('status').innerText()).toContain('Revue enregistrée');
    await expect
      .poll(() => p().locator('h1 ~ div [data-level]').first().getAttribute('data-level'))
      .toBe('low');
    await chooseLanguage(p(), 'en');
    await checkA11y(p(), 'risk page (en)');
    await screenshot(p(), 'risk-page-en');
  });

  it('shows linked risks on element and action pages', async () => {
    await open(p(), `${base()}/elements/${ids.element}`);
    await expect.poll(() => p().locator('tr[data-risk]').count()).toBe(2);
    await checkA11y(p(), 'element page with risks (en)');
    await screenshot(p(), 'risks-on-element-en');
    await open(p(), `${base()}/actions/${ids.action}`);
    await expect.poll(() => p().locator('tr[data-risk]').count()).toBe(1);
    await chooseLanguage(p(), 'fr');
    await checkA11y(p(), 'action page with risks (fr)');
    await screenshot(p(), 'risks-on-action-fr');
  });

  it('replays a school page as of a chosen date with its date picker', async () => {
    await open(p(), `${base()}/units/${ids.school}`);
    // The indicators the school reports (actions keep their current status at any date).
    const statuses = () =>
      p()
        .getByRole('region', { name: /^(Indicateurs déclarés|Indicators reported)$/ })
        .locator('[data-status]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
    await expect.poll(async () => (await statuses()).some((s) => s !== 'no_data')).toBe(true);
    await screenshot(p(), 'unit-page-fr');
    // Before anything was recorded: every status is "no data".
    await p().getByTestId('as-of').fill('2020-01-01');
    await expect.poll(() => p().url()).toContain('asOf=2020-01-01');
    await settle(p());
    await expect.poll(async () => (await statuses()).every((s) => s === 'no_data')).toBe(true);
    await checkA11y(p(), 'school page as of a date (fr)');
    await chooseLanguage(p(), 'en');
    await screenshot(p(), 'unit-page-as-of-en');
    // Back to today.
    await p().getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => p().url()).not.toContain('asOf=');
    await expect.poll(async () => (await statuses()).some((s) => s !== 'no_data')).toBe(true);
  });
});
