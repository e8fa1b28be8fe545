/**
 * The web app end to end, in headless Chromium against a real Strata server (fresh in-memory
 * PGlite with the IMT data set): the dashboard in French then English, a drill-down dashboard →
 * priority → indicator, a value entered for a school that moves the indicator's status and its
 * priority's roll-up, and axe-core (WCAG 2.1 A/AA) on every page in both languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Ids {
  elementId: string;
  indicatorId: string;
  unitId: string;
}

interface DashboardBody {
  rowLevel: string;
  elements: { element: { id: string; code: string; level: string } }[];
}

interface IndicatorList {
  items: { card: { id: string } }[];
}

interface WorkspaceBody {
  units: { id: string; kind: string }[];
}

/** Waits until the page has its heading and no loader is left (data, lazy chunks, chart). */
async function settle(page: Page): Promise<void> {
  try {
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  } catch (error) {
    await screenshot(page, 'e2e-did-not-settle');
    const text = (await page.locator('body').innerText()).slice(0, 800);
    throw new Error(`${page.url()} did not settle: ${String(error)}\n${text}`, { cause: error });
  }
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

/** The status (data-status) of the first status chip inside `selector`. */
async function statusIn(page: Page, selector: string): Promise<string | null> {
  return page.locator(`${selector} [data-status]`).first().getAttribute('data-status');
}

/** The text of the `<dd>` that follows the `<dt>` named `term`. */
async function definition(page: Page, term: string): Promise<string> {
  const dd = page
    .locator('dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return (await dd.innerText()).trim();
}

/** The element's roll-up score shown as "(score 100%)", as a number in [0, 100]. */
async function elementScore(page: Page): Promise<number | null> {
  const text = await page.getByTestId('element-status').innerText();
  const match = /score\s+(\d+)/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** Switches the interface language with the header's FR / EN buttons. */
async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Signs in through the API; returns the Cookie header for later requests. */
async function apiSignIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.includes('strata_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}

async function getJson<T>(url: string, cookie = ''): Promise<T> {
  const response = await fetch(url, cookie ? { headers: { cookie } } : undefined);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

interface Target {
  elementId: string;
  elementCode: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorStatus: string;
}

interface ElementBody {
  status: { status: string; scored: number; score: number | null };
  indicators: { id: string; code: string; direction: string; status: { status: string } }[];
}

interface IndicatorItems {
  items: { card: { id: string }; aggregation: string; frequency: string }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A priority of the dashboard matrix and one of its indicators that a single low school figure
 * will move: on track or at risk, increasing, summed across schools, yearly. Priorities not yet
 * off track come first (their status can still fall), then those with the highest score.
 */
async function findTarget(url: string, cookie: string): Promise<Target> {
  const dashboard = await getJson<DashboardBody>(`${url}/api/v1/dashboard`, cookie);
  const list = await getJson<IndicatorItems>(`${url}/api/v1/indicators?limit=500`, cookie);
  const rules = new Map(list.items.map((item) => [item.card.id, item]));
  const found: (Target & { rank: number })[] = [];
  for (const { element } of dashboard.elements) {
    if (element.level !== dashboard.rowLevel) continue;
    const detail = await getJson<ElementBody>(`${url}/api/v1/elements/${element.id}`, cookie);
    const indicator = detail.indicators.find((card) => {
      const rule = rules.get(card.id);
      return (
        (card.status.status === 'on_track' || card.status.status === 'at_risk') &&
        card.direction === 'increase' &&
        rule?.aggregation === 'sum' &&
        rule.frequency === 'year'
      );
    });
    if (!indicator) continue;
    found.push({
      elementId: element.id,
      elementCode: element.code,
      indicatorId: indicator.id,
      indicatorCode: indicator.code,
      indicatorStatus: indicator.status.status,
      rank: (detail.status.status === 'off_track' ? 0 : 10) + (detail.status.score ?? 0),
    });
  }
  found.sort((a, b) => b.rank - a.rank);
  const best = found[0];
  if (!best) throw new Error('no summed, yearly, increasing indicator on track or at risk');
  return best;
}

/** Each school's status on the element page's "status by school" table, by school name. */
async function schoolStatuses(page: Page): Promise<Map<string, string>> {
  const rows = page.locator('[data-testid="element-by-unit"] tbody tr');
  const result = new Map<string, string>();
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    const name = (await row.locator('th').innerText()).trim();
    result.set(
      name,
      (await row.locator('[data-status]').first().getAttribute('data-status')) ?? '',
    );
  }
  return result;
}

describeWithBrowser('web app (end to end)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  const base = (): string => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };
  const account = (): TestServer['account'] => {
    if (!server) throw new Error('the server did not start');
    return server.account;
  };
  const current = (): Page => {
    if (!page) throw new Error('no page open');
    return page;
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the dashboard in French, accessible, then in English', async () => {
    const p = current();
    await open(p, `${base()}/`);
    expect(await p.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => p.locator('h1').innerText()).toBe('Tableau de bord du groupe');
    await expect
      .poll(() => p.getByRole('heading', { name: 'Priorités × axes stratégiques' }).count())
      .toBe(1);
    await checkA11y(p, 'dashboard (fr)');
    await screenshot(p, 'e2e-dashboard-fr');

    await p.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => p.locator('h1').innerText()).toBe('Group dashboard');
    expect(await p.locator('html').getAttribute('lang')).toBe('en');
    expect(await p.getByRole('heading', { name: 'Headline indicators' }).count()).toBe(1);
    expect(await p.getByRole('heading', { name: 'Priorities × strategic focuses' }).count()).toBe(
      1,
    );
    expect(await p.getByRole('heading', { name: 'Needs attention' }).count()).toBe(1);
    await checkA11y(p, 'dashboard (en)');

    // The choice is remembered across a reload.
    await open(p, `${base()}/`);
    await expect.poll(() => p.locator('h1').innerText()).toBe('Group dashboard');
  });

  it('drills down to an indicator, enters a value and sees statuses move', async () => {
    const p = current();
    const cookie = await apiSignIn(base(), account().email, account().password);
    const target = await findTarget(base(), cookie);
    await open(p, `${base()}/`);
    await chooseLanguage(p, 'en');

    // Sign in as a person does: the header link, the form, back to where one was.
    await p.getByRole('link', { name: 'Sign in' }).click();
    await settle(p);
    await checkA11y(p, 'sign-in page (en)');
    await p.getByRole('textbox', { name: 'E-mail address' }).fill(account().email);
    await p.getByRole('textbox', { name: 'Password' }).fill(account().password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('button', { name: 'Sign out' }).waitFor();
    await settle(p);
    expect(new URL(p.url()).pathname).toBe('/');

    // Dashboard → the priority, from its row of the priorities × focuses matrix.
    const matrix = p.getByRole('region', {
      name: 'Status of each priority on each strategic focus',
    });
    await matrix
      .locator('th[scope="row"] a')
      .filter({ hasText: new RegExp(`^${escapeRegExp(target.elementCode)}\\s`) })
      .first()
      .click();
    await settle(p);
    const elementUrl = p.url();
    expect(elementUrl).toContain(`/elements/${target.elementId}`);
    expect(await p.locator('h1').innerText()).toContain(target.elementCode);
    const elementBefore = await statusIn(p, '[data-testid="element-status"]');
    const scoreBefore = await elementScore(p);
    const schoolsBefore = await schoolStatuses(p);
    expect(elementBefore).toBeTruthy();

    // Element → the indicator's card.
    const card = p.locator(`article[data-indicator="${target.indicatorCode}"]`);
    expect(await statusIn(p, `article[data-indicator="${target.indicatorCode}"]`)).toBe(
      target.indicatorStatus,
    );
    await card.getByRole('link').first().click();
    await settle(p);
    expect(p.url()).toContain(`/indicators/${target.indicatorId}`);
    expect(await p.getByTestId('aggregation').innerText()).toMatch(/^Sum/);
    expect(await definition(p, 'Desired direction')).toBe('Increase');
    const indicatorBefore = await statusIn(p, '[data-testid="indicator-status"]');
    expect(indicatorBefore).toBe(target.indicatorStatus);

    // A new period after the latest figure shown, with a value far below the trajectory.
    const latestPeriod = Number(
      (await p.locator('[data-testid="values-table"] tbody tr th').first().innerText()).trim(),
    );
    expect(Number.isInteger(latestPeriod)).toBe(true);
    const period = String(Math.max(latestPeriod + 1, new Date().getUTCFullYear() - 1));

    // A school whose own status on the priority is not already off track, if there is one.
    const school = p.getByLabel('School or unit');
    const names = (await school.locator('option').allInnerTexts()).map((n) => n.trim());
    const index = names.findIndex((n, i) => i > 0 && schoolsBefore.get(n) !== 'off_track');
    await school.selectOption({ index: index > 0 ? index : 1 });
    const schoolName = (await school.locator('option:checked').innerText()).trim();
    await p.getByRole('textbox', { name: 'Period' }).fill(period);
    await p.getByRole('textbox', { name: 'Value', exact: true }).fill('1');
    await p.getByLabel('Provenance').selectOption('estimated');
    await p.getByRole('textbox', { name: 'Source', exact: true }).fill('End-to-end test');
    await p.getByRole('button', { name: 'Save the value' }).click();
    await p.getByText(new RegExp(`Value 1 saved for ${period}`)).waitFor();
    await settle(p);

    // The school's own status on the indicator moves at once, and the new figure is listed with
    // its provenance. The group keeps being judged on the last year every school reported: one
    // school's figure is not the group's.
    interface UnitSeries {
      units: {
        unit: { name: { fr: string; en: string } };
        series: { period: string; value: number }[];
        status: { status: string; latest: { period: string } | null };
      }[];
      group: { status: { status: string } };
    }
    const after = await getJson<UnitSeries>(
      `${base()}/api/v1/indicators/${target.indicatorId}`,
      cookie,
    );
    const unitAfter = after.units.find((u) =>
      u.series.some((x) => x.period === period && x.value === 1),
    );
    expect(unitAfter?.status.latest?.period).toBe(period);
    expect(await statusIn(p, '[data-testid="indicator-status"]')).toBe(after.group.status.status);
    expect(after.group.status.status).toBe(indicatorBefore);
    expect(await statusIn(p, '[data-testid="indicator-status"]')).toBe(indicatorBefore);
    const newRow = p.locator('[data-testid="values-table"] tbody tr', { hasText: period }).first();
    expect(await newRow.innerText()).toContain('Estimated');
    await checkA11y(p, 'indicator after a new value (en)');
    await screenshot(p, 'e2e-indicator-after-value');

    // The same unit × period now holds a figure: the form turns into a correction needing a note.
    await school.selectOption({ label: schoolName });
    await p.getByRole('textbox', { name: 'Period' }).fill(period);
    await p.getByTestId('correction-notice').waitFor();
    await p.getByRole('textbox', { name: 'Value', exact: true }).fill('2');
    await p.getByRole('button', { name: 'Save the correction' }).click();
    await p.getByText('A correction needs a reason in the note.').waitFor();

    // Back to the priority: that school's roll-up has moved; the group's has not risen (it is
    // judged on complete years only).
    await open(p, elementUrl);
    if (index > 0) {
      await expect
        .poll(async () => (await schoolStatuses(p)).get(schoolName), { timeout: 15_000 })
        .not.toBe(schoolsBefore.get(schoolName) ?? 'not listed');
    }
    expect(await elementScore(p)).toBeLessThanOrEqual(scoreBefore ?? Number.POSITIVE_INFINITY);
    const elementAfter = await statusIn(p, '[data-testid="element-status"]');
    const schoolsAfter = await schoolStatuses(p);
    if (index > 0) {
      expect(schoolsAfter.get(schoolName)).toBeDefined();
      expect(schoolsAfter.get(schoolName)).not.toBe(schoolsBefore.get(schoolName) ?? 'not listed');
    }
    const ranks: Record<string, number> = { on_track: 3, at_risk: 2, off_track: 1, no_data: 0 };
    expect(ranks[elementAfter ?? ''] ?? 0).toBeLessThanOrEqual(ranks[elementBefore ?? ''] ?? 0);
    console.info(
      `${target.elementCode}: ${elementBefore} (score ${scoreBefore}%) → ${elementAfter} ` +
        `(score ${await elementScore(p)}%); ${schoolName}: ` +
        `${schoolsBefore.get(schoolName) ?? 'not listed'} → ${schoolsAfter.get(schoolName)}`,
    );
  });

  it('passes axe on every page, in French and English', async () => {
    const p = current();
    const dashboard = await getJson<DashboardBody>(`${base()}/api/v1/dashboard`);
    const row = dashboard.elements.find((e) => e.element.level === dashboard.rowLevel);
    const indicators = await getJson<IndicatorList>(`${base()}/api/v1/indicators?limit=1`);
    const workspace = await getJson<WorkspaceBody>(`${base()}/api/v1/workspace`);
    const school = workspace.units.find((u) => u.kind === 'school');
    const firstIndicator = indicators.items[0];
    if (!row || !firstIndicator || !school) throw new Error('the IMT data set is incomplete');
    const ids: Ids = {
      elementId: row.element.id,
      indicatorId: firstIndicator.card.id,
      unitId: school.id,
    };
    const pages: Record<string, string> = {
      dashboard: '/',
      'plan explorer': '/plan',
      element: `/elements/${ids.elementId}`,
      indicator: `/indicators/${ids.indicatorId}`,
      school: `/units/${ids.unitId}`,
      alignment: '/alignment',
      search: '/search?q=international',
      accessibility: '/accessibility',
      'not found': '/no-such-page',
    };
    for (const lang of ['fr', 'en'] as const) {
      await open(p, `${base()}/`);
      await chooseLanguage(p, lang);
      for (const [name, path] of Object.entries(pages)) {
        try {
          await open(p, `${base()}${path}`);
        } catch (error) {
          await screenshot(p, `e2e-failed-${name}-${lang}`);
          throw new Error(`${name} (${lang}, ${path}) did not load: ${String(error)}`, {
            cause: error,
          });
        }
        expect((await p.locator('h1').count()) === 1, `${name}: one h1`).toBe(true);
        expect(await p.locator('main').count(), `${name}: one main`).toBe(1);
        await checkA11y(p, `${name} (${lang})`);
      }
    }
  });

  it('fits a 375 px phone: no horizontal page scroll, menu behind a burger', async () => {
    if (!browser) throw new Error('the browser did not start');
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      locale: 'fr-FR',
    });
    const p = await phone.newPage();
    try {
      for (const path of ['/', '/plan', '/alignment', '/accessibility']) {
        await open(p, `${base()}${path}`);
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} scroll width`).toBeLessThanOrEqual(375);
      }
      await open(p, `${base()}/`);
      await checkA11y(p, 'dashboard at 375 px (fr)');
      const burger = p.getByRole('button', { name: 'Ouvrir le menu' });
      expect(await burger.getAttribute('aria-expanded')).toBe('false');
      await burger.click();
      await p.getByRole('link', { name: 'Alignement des écoles' }).click();
      await settle(p);
      await expect.poll(() => p.locator('h1').innerText()).toBe('Alignement des plans des écoles');
      await screenshot(p, 'e2e-phone-alignment');
    } finally {
      await phone.close();
    }
  });
});
