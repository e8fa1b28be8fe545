/**
 * The check-in assignee editor of a cycle page in headless Chromium, against a real Strata
 * server (in-memory PGlite with the IMT data set): the strategy office opens a check-in's
 * dialog, picks a person of the school from the list and saves; the table and the API show the
 * new assignees; Escape closes the dialog and gives the focus back; governance gets no editor.
 * axe-core (WCAG 2.1 A/AA) in French and English, at desktop width and 375 px; screenshots saved.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  CheckInDetail,
  CycleDetail,
  PlanTree,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const SCHOOL = 'IMT-ALES';
const GOVERNANCE = 'governance@assign.example';
const PICKED = 'Paul Durand';

describeWithBrowser('check-in assignee editor (end to end)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let cycle: CycleDetail | undefined;

  const base = (): string => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };
  const theCycle = (): CycleDetail => {
    if (!cycle) throw new Error('no cycle');
    return cycle;
  };
  const item = () => {
    const first = theCycle().items[0];
    if (!first) throw new Error('the cycle has no item');
    return first;
  };

  const pageAs = async (email: string, lang: 'fr' | 'en', width = 1280): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    await context.addInitScript((wanted: string) => {
      window.localStorage.setItem('strata.lang', wanted);
    }, lang);
    const response = await context.request.post(`${base()}/api/v1/auth/login`, {
      data: { email, password: TEST_PASSWORD },
    });
    expect(response.status(), `sign-in of ${email}`).toBe(200);
    return context.newPage();
  };

  /** The cycle page, settled. */
  const openCycle = async (page: Page): Promise<void> => {
    await page.goto(`${base()}/cycles/${theCycle().cycle.id}`);
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  };

  /** The row's edit button, by its accessible name. */
  const editButton = (page: Page, lang: 'fr' | 'en') => {
    const card = item();
    const unit = card.unit.shortName || card.unit.code;
    const name =
      lang === 'fr'
        ? `Modifier les personnes assignées à ${card.target.code} (${unit})`
        : `Edit who ${card.target.code} (${unit}) is assigned to`;
    return page.getByRole('button', { name, exact: true });
  };

  beforeAll(async () => {
    server = await startTestServer([
      {
        email: 'claire@assign.example',
        role: 'unit_editor',
        unitCodes: [SCHOOL],
        displayName: 'Claire Martin',
      },
      {
        email: 'paul@assign.example',
        role: 'contributor',
        unitCodes: [SCHOOL],
        displayName: PICKED,
      },
      { email: GOVERNANCE, role: 'governance' },
    ]);
    browser = await launchBrowser();
    // The strategy office opens a cycle over the first element of the school's plan.
    const api = await browser.newContext();
    contexts.push(api);
    const login = await api.request.post(`${base()}/api/v1/auth/login`, {
      data: { email: server.account.email, password: server.account.password },
    });
    expect(login.status()).toBe(200);
    const overview = (await (
      await api.request.get(`${base()}/api/v1/workspace`)
    ).json()) as WorkspaceOverview;
    const school = overview.units.find((u) => u.code === SCHOOL);
    const plan = overview.plans.find((p) => p.unitId === school?.id);
    if (!plan) throw new Error(`no plan of ${SCHOOL}`);
    const tree = (await (
      await api.request.get(`${base()}/api/v1/plans/${plan.id}/tree`)
    ).json()) as PlanTree;
    const element = tree.nodes[0];
    if (!element) throw new Error('empty school plan');
    const created = await api.request.post(`${base()}/api/v1/cycles`, {
      data: {
        code: 'ASSIGN-2026',
        title: { fr: 'Revue 2025', en: '2025 review' },
        period: '2025',
        opensOn: new Date().toISOString().slice(0, 10),
        dueOn: '2099-12-31',
        elementIds: [element.id],
      },
    });
    expect(created.status()).toBe(201);
    cycle = (await created.json()) as CycleDetail;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the strategy office pick a person of the school and save', async () => {
    if (!server) throw new Error('the server did not start');
    const p = await pageAs(server.account.email, 'en');
    await openCycle(p);
    expect(item().assignees.map((a) => a.label)).not.toContain(PICKED);
    await editButton(p, 'en').click();
    const dialog = p.getByRole('dialog', { name: /^Assignees of / });
    await dialog.waitFor();
    const input = dialog.getByRole('combobox', { name: 'Assignees' });
    await expect.poll(() => input.isEnabled()).toBe(true);
    await checkA11y(p, 'assignee dialog (en)');
    await screenshot(p, 'assignees-dialog-en');

    // Governance holds no grant in the school: not offered.
    await input.click();
    await input.fill('gov');
    expect(await p.getByRole('option', { name: GOVERNANCE }).count()).toBe(0);
    await input.fill('Paul');
    await p.getByRole('option', { name: PICKED }).click();
    await p.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    const row = p.locator(`tr[data-check-in="${item().target.code}"]`);
    await expect.poll(() => row.innerText()).toContain(PICKED);
    await checkA11y(p, 'cycle page after saving assignees (en)');

    const detail = (await (
      await p.request.get(`${base()}/api/v1/check-ins/${item().id}`)
    ).json()) as CheckInDetail;
    expect(detail.card.assignees.map((a) => a.label)).toContain(PICKED);
  });

  it('closes with Escape and gives the focus back, in French', async () => {
    if (!server) throw new Error('the server did not start');
    const p = await pageAs(server.account.email, 'fr');
    await openCycle(p);
    const button = editButton(p, 'fr');
    await button.click();
    const dialog = p.getByRole('dialog', { name: /^Personnes assignées à / });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('combobox').isEnabled()).toBe(true);
    expect(await dialog.innerText()).toContain(PICKED);
    await checkA11y(p, 'assignee dialog (fr)');
    await screenshot(p, 'assignees-dialog-fr');
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('offers no editor to governance', async () => {
    const p = await pageAs(GOVERNANCE, 'en');
    await openCycle(p);
    expect(await p.getByRole('button', { name: /^Edit who / }).count()).toBe(0);
  });

  it('fits a 375 px phone', async () => {
    if (!server) throw new Error('the server did not start');
    for (const lang of ['fr', 'en'] as const) {
      const p = await pageAs(server.account.email, lang, 375);
      await openCycle(p);
      await editButton(p, lang).click();
      const dialog = p.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.getByRole('combobox').isEnabled()).toBe(true);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${lang} scroll width`).toBeLessThanOrEqual(375);
      await checkA11y(p, `assignee dialog at 375 px (${lang})`);
      await p.screenshot({ path: join(SHOTS, `assignees-phone-${lang}.png`) });
    }
  });
});
