/**
 * Accounts and permissions in headless Chromium, against a real Strata server (in-memory PGlite
 * with the IMT data set) holding one account per role: pages refused to those who may not open
 * them (access refused, or sign in first); my account (profile, password change with the
 * server's field errors, an API token shown once then revoked, sign out everywhere); account
 * administration (invite, accept the invitation, role and units with a 412 when someone changed
 * the account meanwhile, assignments, reset link, disable); what each role is offered on the
 * pages that write (read-only, an editor's units, a contributor's 403 then their assignment);
 * the history panel and the audit export. axe-core (WCAG 2.1 A/AA) runs on every new page in
 * French and English, and the new pages fit a 375 px phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import type { Role } from '../../src/domain/access.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const SCHOOL = 'IMT-ALES';

/** One account per role (editor and contributor work for SCHOOL); all use TEST_PASSWORD. */
const ACCOUNTS = {
  admin: { email: 'admin@accounts.example', role: 'admin' },
  office: { email: 'office@accounts.example', role: 'strategy_office' },
  me: { email: 'me@accounts.example', role: 'unit_editor', unit: true },
  editor: { email: 'editor@accounts.example', role: 'unit_editor', unit: true },
  contributor: { email: 'contributor@accounts.example', role: 'contributor', unit: true },
  governance: { email: 'governance@accounts.example', role: 'governance' },
} as const satisfies Record<string, { email: string; role: Role; unit?: boolean }>;
type Who = keyof typeof ACCOUNTS;

interface Server {
  url: string;
  schoolId: string;
  close(): Promise<void>;
}

/** Strata on a loopback port with the IMT data set and the accounts above. */
async function startServer(): Promise<Server> {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const scope = await strata.services.workspace.resolve('imt');
  const overview = await strata.services.workspace.overview(scope);
  const school = overview.units.find((unit) => unit.code === SCHOOL);
  if (!school) throw new Error(`no unit ${SCHOOL} in the IMT data set`);
  for (const account of Object.values(ACCOUNTS)) {
    await strata.services.users.create(scope, {
      email: account.email,
      role: account.role,
      password: TEST_PASSWORD,
      unitIds: 'unit' in account ? [school.id] : [],
    });
  }
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    schoolId: school.id,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}

/** Waits until the page has its heading and no loader is left. */
async function settle(page: Page): Promise<void> {
  try {
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  } catch (error) {
    await screenshot(page, 'e2e-account-did-not-settle');
    throw new Error(`${page.url()} did not settle: ${String(error)}`, { cause: error });
  }
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

/** Switches the interface language with the header's FR / EN buttons. */
async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: lang === 'fr' ? /Français/ : /English/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Runs axe on the page in French then in English (the page is left in English). */
async function checkBothLanguages(page: Page, name: string): Promise<void> {
  await chooseLanguage(page, 'fr');
  await checkA11y(page, `${name} (fr)`);
  await chooseLanguage(page, 'en');
  await checkA11y(page, `${name} (en)`);
}

/** Waits for a dialog to be shown and its opening transition to be over. */
async function openDialog(page: Page, name: string): Promise<ReturnType<Page['getByRole']>> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.mantine-Modal-content')].every(
      (element) => getComputedStyle(element).opacity === '1',
    ),
  );
  return dialog;
}

/** The text of the `<dd>` that follows the `<dt>` named `term`. */
async function definition(page: Page, term: string): Promise<string> {
  const dd = page
    .locator('dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return (await dd.innerText()).trim();
}

interface IndicatorBody {
  indicator: { id: string; code: string; frequency: string; unitIds: string[] };
  units: { unit: { id: string } }[];
}

describeWithBrowser('accounts and permissions (end to end)', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  const base = (): string => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };

  /** A new browser context (fresh cookies), signed in as `who` unless null; English first. */
  const contextFor = async (
    who: Who | null,
    options: { width?: number; password?: string } = {},
  ): Promise<BrowserContext> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      locale: 'en-GB',
    });
    contexts.push(context);
    await context.addInitScript(() => {
      if (!window.localStorage.getItem('strata.lang'))
        window.localStorage.setItem('strata.lang', 'en');
    });
    if (who) {
      const response = await context.request.post(`${base()}/api/v1/auth/login`, {
        data: { email: ACCOUNTS[who].email, password: options.password ?? TEST_PASSWORD },
      });
      expect(response.status(), `sign-in of ${who}`).toBe(200);
    }
    return context;
  };

  const pageFor = async (who: Who | null, width?: number): Promise<Page> =>
    (await contextFor(who, width ? { width } : {})).newPage();

  /** GET as the strategy office, through its own API context. */
  const officeGet = async <T>(path: string): Promise<T> => {
    const context = await contextFor('office');
    const response = await context.request.get(`${base()}${path}`);
    expect(response.ok(), path).toBe(true);
    return (await response.json()) as T;
  };

  /** Yearly indicators that SCHOOL reports for. */
  const schoolIndicators = async (): Promise<IndicatorBody[]> => {
    const list = await officeGet<{ items: { card: { id: string }; frequency: string }[] }>(
      '/api/v1/indicators?limit=500',
    );
    const found: IndicatorBody[] = [];
    for (const item of list.items.filter((i) => i.frequency === 'year')) {
      const detail = await officeGet<IndicatorBody>(`/api/v1/indicators/${item.card.id}`);
      const reporting = detail.indicator.unitIds.length
        ? detail.indicator.unitIds
        : detail.units.map((u) => u.unit.id);
      if (server && reporting.includes(server.schoolId)) found.push(detail);
      if (found.length === 2) break;
    }
    if (found.length < 2) throw new Error(`fewer than two yearly indicators reported by ${SCHOOL}`);
    return found;
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

  it('refuses the administration pages to whoever may not open them', async () => {
    // Signed out: "sign in first", with a link back to the page.
    const anonymous = await pageFor(null);
    for (const path of ['/account', '/admin/users', '/admin/audit']) {
      await open(anonymous, `${base()}${path}`);
      expect(await anonymous.locator('h1').innerText(), path).toBe('Sign-in required');
      const signIn = anonymous.getByTestId('access-denied').getByRole('link', { name: 'Sign in' });
      expect(await signIn.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    await checkBothLanguages(anonymous, 'sign-in required page');
    expect(await anonymous.locator('h1').innerText()).toBe('Sign-in required');

    // The strategy office: the audit trail yes, the accounts no (access refused).
    const office = await pageFor('office');
    await open(office, `${base()}/admin/users`);
    expect(await office.locator('h1').innerText()).toBe('Access refused');
    expect(await office.getByTestId('access-denied').innerText()).toContain('403');
    const nav = office.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Audit trail' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
    await checkBothLanguages(office, 'access refused page');
    expect(await office.locator('h1').innerText()).toBe('Access refused');
    await screenshot(office, 'e2e-account-access-refused');

    // Governance reads everything, administers nothing: no administration links at all.
    const governance = await pageFor('governance');
    await open(governance, `${base()}/admin/audit`);
    expect(await governance.locator('h1').innerText()).toBe('Access refused');
    const governanceNav = governance.getByRole('navigation', { name: 'Main navigation' });
    expect(await governanceNav.getByText('Administration').count()).toBe(0);
  });

  it('my account: profile, password, an API token shown once, sign out everywhere', async () => {
    const context = await contextFor('me');
    const p = await context.newPage();
    await open(p, `${base()}/`);

    // The account menu leads to "My account".
    const header = p.getByRole('banner');
    await header.getByRole('button', { name: ACCOUNTS.me.email }).click();
    await p.getByRole('menuitem', { name: 'My account' }).click();
    await settle(p);
    expect(new URL(p.url()).pathname).toBe('/account');
    expect(await p.locator('h1').innerText()).toBe('My account');
    expect(await definition(p, 'E-mail address')).toBe(ACCOUNTS.me.email);
    expect(await definition(p, 'Role')).toBe('Unit editor');
    expect(await definition(p, 'Units')).toBe('IMT Mines Alès');
    await checkBothLanguages(p, 'my account');

    // Password: the server's verdicts appear next to their field, in the interface language.
    const current = p.getByRole('textbox', { name: 'Current password', exact: true });
    const next = p.getByRole('textbox', { name: 'New password', exact: true });
    const change = p.getByRole('button', { name: 'Change the password' });
    expect(await p.getByText(/8 to 128 characters/).count()).toBe(1);
    await current.fill('not my password at all');
    await next.fill('a brand new passphrase 2027');
    await change.click();
    await p.getByText('This is not your current password.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    await current.fill(TEST_PASSWORD);
    await next.fill('short');
    await change.click();
    await p.getByText('At least 8 characters.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    await next.fill('password');
    await change.click();
    await p.getByText(/Too common/).waitFor();
    await checkA11y(p, 'my account with field errors (en)');
    const newPassword = 'a brand new passphrase 2027';
    await next.fill(newPassword);
    await change.click();
    await p.getByText('Password changed.').waitFor();
    const old = await context.request.post(`${base()}/api/v1/auth/login`, {
      data: { email: ACCOUNTS.me.email, password: TEST_PASSWORD },
    });
    expect(old.status()).toBe(401);

    // An API token: its secret is shown once, works, then is revoked.
    await p.getByRole('textbox', { name: 'Name' }).fill('E2E script');
    await p.getByLabel('Scope').selectOption('write');
    await p.getByRole('textbox', { name: 'Validity (days)' }).fill('30');
    await p.getByRole('button', { name: 'Create the token' }).click();
    const secretField = p.getByTestId('token-secret');
    await secretField.waitFor();
    expect(await p.getByTestId('token-created').innerText()).toContain('never be shown again');
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await p.getByRole('button', { name: 'Copy: Token secret' }).click();
    await p.getByText(/Copied to the clipboard|Could not copy/).waitFor();
    const row = p.locator('[data-testid="tokens"] tr[data-token="E2E script"]');
    await row.waitFor();
    expect(await row.getByTestId('token-state').innerText()).toBe('Active');
    expect(await row.innerText()).toContain('Read and write');
    const meWithToken = async () => {
      const response = await fetch(`${base()}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      return response.ok ? ((await response.json()) as { authenticated: boolean }) : null;
    };
    expect((await meWithToken())?.authenticated).toBe(true);
    await checkA11y(p, 'my account with a new token (en)');
    await screenshot(p, 'e2e-account-token-created');

    await row.getByRole('button', { name: 'Revoke the token E2E script' }).click();
    const dialog = await openDialog(p, 'Revoke this token?');
    await checkA11y(p, 'revoke confirmation (en)');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await p.getByText('Token “E2E script” revoked.').waitFor();
    await expect.poll(() => row.getByTestId('token-state').innerText()).toBe('Revoked');
    expect((await meWithToken())?.authenticated ?? false).toBe(false);

    // Sign out everywhere: this session and another one end.
    const other = await contextFor('me', { password: newPassword });
    const otherMe = async () =>
      (
        (await (await other.request.get(`${base()}/api/v1/auth/me`)).json()) as {
          authenticated: boolean;
        }
      ).authenticated;
    expect(await otherMe()).toBe(true);
    await open(p, `${base()}/account`);
    const sessions = p.locator('[data-testid="sessions"] tbody tr');
    await expect.poll(() => sessions.count()).toBeGreaterThanOrEqual(2);
    expect(await p.locator('[data-testid="sessions"] tr[data-current]').innerText()).toContain(
      'This session',
    );
    await p.getByRole('button', { name: 'Sign out everywhere' }).click();
    const endAll = await openDialog(p, 'Sign out everywhere?');
    await checkA11y(p, 'sign out everywhere confirmation (en)');
    await endAll.getByRole('button', { name: 'Sign out everywhere' }).click();
    await p.waitForURL((url) => url.pathname === '/login');
    await settle(p);
    expect(await otherMe()).toBe(false);
    await p.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('administers accounts: invite, accept, role and units (412), assign, reset, disable', async () => {
    const context = await contextFor('admin');
    const p = await context.newPage();
    await open(p, `${base()}/`);
    await p.getByRole('banner').getByRole('button', { name: ACCOUNTS.admin.email }).click();
    await p.getByRole('menuitem', { name: 'Accounts' }).click();
    await settle(p);
    expect(await p.locator('h1').innerText()).toBe('Accounts');
    const table = p.getByTestId('users');
    for (const account of Object.values(ACCOUNTS)) {
      expect(await table.locator(`tr[data-user="${account.email}"]`).count()).toBe(1);
    }
    expect(await table.locator(`tr[data-user="${ACCOUNTS.editor.email}"]`).innerText()).toMatch(
      /Unit editor\s+IMT Mines Alès\s+Active\s+Never/,
    );
    await checkBothLanguages(p, 'accounts');

    // An address that has an account already: the server's field error, next to the field.
    const email = p.getByRole('textbox', { name: 'E-mail address' });
    await email.fill(ACCOUNTS.editor.email);
    await p.getByRole('button', { name: 'Create the invitation' }).click();
    await p.getByText('An account exists already for this address.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    // Invite a contributor of the school: the one-time link is shown in full, with its expiry.
    const invited = 'new.contributor@accounts.example';
    await p.getByRole('textbox', { name: 'E-mail address' }).fill(invited);
    await p.getByLabel('Role', { exact: true }).selectOption('contributor');
    await p.getByRole('combobox', { name: 'Units' }).fill('Alès');
    await p.getByRole('option', { name: /IMT Mines Alès/ }).click();
    await p.keyboard.press('Escape');
    await p.getByRole('button', { name: 'Create the invitation' }).click();
    const linkField = p.getByTestId('one-time-link-url');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link.startsWith(`${base()}/invitation#token=`)).toBe(true);
    expect(await p.getByTestId('one-time-link').innerText()).toMatch(/Expires on/);
    await checkA11y(p, 'accounts with an invitation link (en)');
    await screenshot(p, 'e2e-account-invitation');

    // The invited person follows the link and chooses a password: signed in.
    const guest = await contextFor(null);
    const g = await guest.newPage();
    await g.goto(link);
    await settle(g);
    await g.getByRole('textbox', { name: 'Display name' }).fill('New Contributor');
    await g
      .getByRole('textbox', { name: 'New password', exact: true })
      .fill('a fresh contributor passphrase');
    await g.getByRole('button', { name: 'Save' }).click();
    await g.getByRole('banner').getByRole('button', { name: 'New Contributor' }).waitFor();

    // Their account page: role and units, with the version read (a 412 reloads the latest).
    await open(p, `${base()}/admin/users`);
    await p.getByTestId('users').getByRole('link', { name: invited }).click();
    await settle(p);
    expect(await p.locator('h1').innerText()).toBe(invited);
    expect(await definition(p, 'Role')).toBe('Contributor');
    expect(await definition(p, 'Units')).toBe('IMT Mines Alès');
    const userPath = new URL(p.url()).pathname;
    const userId = userPath.split('/').pop() ?? '';
    await checkBothLanguages(p, 'an account');

    // Someone else renames the account meanwhile: saving the stale form gets a 412.
    const read = await context.request.get(`${base()}/api/v1/users/${userId}`);
    const etag = read.headers().etag ?? '';
    const renamed = await context.request.patch(`${base()}/api/v1/users/${userId}`, {
      headers: { 'if-match': etag },
      data: { displayName: 'Renamed meanwhile' },
    });
    expect(renamed.status()).toBe(200);
    await p.getByLabel('Role', { exact: true }).selectOption('unit_editor');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText(/Someone changed this data while you were editing/).waitFor();
    await expect
      .poll(() => p.getByRole('textbox', { name: 'Display name' }).inputValue())
      .toBe('Renamed meanwhile');
    expect(await definition(p, 'Role')).toBe('Contributor');

    // Assignments (contributors only): searchable pickers, saved as a whole.
    const [assigned] = await schoolIndicators();
    if (!assigned) throw new Error('no indicator to assign');
    const indicators = p.getByRole('combobox', { name: 'Indicators' });
    await indicators.fill(assigned.indicator.code);
    await p.getByRole('option', { name: new RegExp(`^${assigned.indicator.code} `) }).click();
    await p.keyboard.press('Escape');
    await p.getByRole('button', { name: 'Save the assignments' }).click();
    await p.getByText('Assignments saved.').waitFor();
    await checkA11y(p, 'an account with assignments (en)');

    // A password-reset link, in full.
    await p.getByRole('button', { name: 'Create a reset link' }).click();
    await expect
      .poll(() => p.getByTestId('one-time-link-url').inputValue())
      .toMatch(new RegExp(`^${base()}/reset-password#token=`));

    // Then the role change goes through, and the account is disabled (after confirming).
    await p.getByLabel('Role', { exact: true }).selectOption('unit_editor');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText('Account saved.').waitFor();
    expect(await definition(p, 'Role')).toBe('Unit editor');
    await p.getByRole('button', { name: 'Disable the account' }).click();
    const confirm = await openDialog(p, `Disable the account ${invited}?`);
    await checkA11y(p, 'disable confirmation (en)');
    await confirm.getByRole('button', { name: 'Disable the account' }).click();
    await p.getByText('Account disabled.').waitFor();
    expect(await p.locator('[data-state]').first().innerText()).toBe('Disabled');
    await screenshot(p, 'e2e-account-user-page');

    // Disabled: the invited person's session is over.
    const guestMe = (await (await guest.request.get(`${base()}/api/v1/auth/me`)).json()) as {
      authenticated: boolean;
    };
    expect(guestMe.authenticated).toBe(false);
  });

  it('offers each role only what it may do, and says why a write is refused', async () => {
    const [first, second] = await schoolIndicators();
    if (!first || !second) throw new Error('no indicators reported by the school');

    // Governance: reads, never a form.
    const governance = await pageFor('governance');
    await open(governance, `${base()}/indicators/${first.indicator.id}`);
    expect(await governance.getByTestId('write-denied').innerText()).toBe(
      'Your account can read, not change.',
    );

    // An editor of one school: the unit select lists that school only, already chosen.
    const editor = await pageFor('editor');
    await open(editor, `${base()}/indicators/${first.indicator.id}`);
    const unitSelect = editor.getByLabel('School or unit');
    const options = (await unitSelect.locator('option').allInnerTexts()).map((o) => o.trim());
    expect(options.slice(1)).toEqual(['IMT Mines Alès']);
    expect((await unitSelect.locator('option:checked').innerText()).trim()).toBe('IMT Mines Alès');
    // …and an action led by the group is not theirs to update.
    const actions = await officeGet<{ items: { id: string; leadUnit: { code: string } }[] }>(
      '/api/v1/actions?limit=500',
    );
    const groupAction = actions.items.find((a) => a.leadUnit.code === 'IMT');
    if (!groupAction) throw new Error('no action led by the group');
    await open(editor, `${base()}/actions/${groupAction.id}`);
    expect(await editor.getByTestId('write-denied').innerText()).toContain(
      'led by a unit other than yours',
    );

    // A contributor: an indicator not assigned to them is refused by the server, in words.
    const contributor = await pageFor('contributor');
    await open(contributor, `${base()}/indicators/${second.indicator.id}`);
    const period = String(new Date().getUTCFullYear());
    await contributor.getByRole('textbox', { name: 'Period' }).fill(period);
    await contributor.getByRole('textbox', { name: 'Value', exact: true }).fill('7');
    await contributor.getByRole('textbox', { name: 'Note' }).fill('End-to-end test');
    await contributor.getByRole('button', { name: /Save the (value|correction)/ }).click();
    await contributor
      .getByText('Your account may not change this item: ask an administrator to assign it to you.')
      .waitFor();
    await checkA11y(contributor, 'indicator with a refused write (en)');

    // Once an administrator assigns it, the same entry is accepted.
    const admin = await contextFor('admin');
    const users = (await (await admin.request.get(`${base()}/api/v1/users`)).json()) as {
      items: { id: string; email: string }[];
    };
    const contributorId = users.items.find((u) => u.email === ACCOUNTS.contributor.email)?.id;
    const assign = await admin.request.put(
      `${base()}/api/v1/users/${contributorId ?? ''}/assignments`,
      {
        data: { elementIds: [], indicatorIds: [second.indicator.id], actionIds: [] },
      },
    );
    expect(assign.status()).toBe(200);
    await contributor.getByRole('button', { name: /Save the (value|correction)/ }).click();
    await contributor.getByText(new RegExp(`Value 7 saved for ${period}`)).waitFor();
  });

  it('shows the history of changes to signed-in readers, and exports the audit trail', async () => {
    const actions = await officeGet<{ items: { id: string; progress: number }[] }>(
      '/api/v1/actions?limit=500',
    );
    const action = actions.items.find((a) => a.progress < 95);
    if (!action) throw new Error('no action below 95 % progress');
    const progress = action.progress + 5;

    // Anonymous readers see no history panel.
    const anonymous = await pageFor(null);
    await open(anonymous, `${base()}/actions/${action.id}`);
    expect(await anonymous.getByTestId('history').count()).toBe(0);

    // The strategy office updates the action, then opens its history.
    const p = await pageFor('office');
    await open(p, `${base()}/actions/${action.id}`);
    await p.getByRole('textbox', { name: 'Progress' }).fill(String(progress));
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText('Progress saved.').waitFor();
    const toggle = p.getByTestId('history').getByRole('button', { name: 'History' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const latest = p.locator('.st-history > li').first();
    await latest.waitFor();
    const text = await latest.innerText();
    expect(text).toContain('Changed');
    expect(text).toContain(ACCOUNTS.office.email);
    expect(text).toMatch(
      new RegExp(`Progress:\\s*(before\\s*)?${action.progress}\\s*→?\\s*(after\\s*)?${progress}`),
    );
    await checkBothLanguages(p, 'action with its history open');
    await screenshot(p, 'e2e-account-history');

    // The element and indicator pages have the panel too (accessible when open).
    const dashboard = await officeGet<{ elements: { element: { id: string } }[] }>(
      '/api/v1/dashboard',
    );
    const elementId = dashboard.elements[0]?.element.id ?? '';
    const [indicator] = await schoolIndicators();
    for (const path of [`/elements/${elementId}`, `/indicators/${indicator?.indicator.id ?? ''}`]) {
      await open(p, `${base()}${path}`);
      await p
        .getByTestId('history')
        .getByRole('button', { name: /History|Historique/ })
        .click();
      await p.waitForFunction(() => {
        const panel = document.querySelector('[data-testid="history"]');
        return (
          panel?.querySelector('.st-history, [data-empty]') &&
          !panel.querySelector('.mantine-Loader-root')
        );
      });
      await checkBothLanguages(p, `${path.split('/')[1] ?? ''} with its history open`);
    }

    // The audit export: links for the period (the end date inclusive), and a preview.
    await open(p, `${base()}/admin/audit`);
    expect(await p.locator('h1').innerText()).toBe('Audit trail');
    const csv = p.getByRole('link', { name: 'Download as CSV' });
    const json = p.getByRole('link', { name: 'Download as JSON' });
    const csvHref = (await csv.getAttribute('href')) ?? '';
    expect(csvHref).toMatch(/^\/api\/v1\/audit\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    expect((await json.getAttribute('href')) ?? '').toMatch(/^\/api\/v1\/audit\?from=/);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await p.getByLabel('To (inclusive)').inputValue()).toBe(today);
    expect(csvHref).toContain(`to=${tomorrow}`);
    const download = await p.context().request.get(`${base()}${csvHref}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    expect(await download.text()).toContain(action.id);
    const preview = p.getByTestId('audit-preview');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').first().innerText()).toContain(ACCOUNTS.office.email);
    await checkBothLanguages(p, 'audit export');
    await screenshot(p, 'e2e-account-audit');

    // A reversed period: no links, the reason instead.
    await p.getByLabel('From').fill(tomorrow);
    await p.getByText('The start date must come before the end date.').first().waitFor();
    expect(await p.getByRole('link', { name: 'Download as CSV' }).count()).toBe(0);
  });

  it('fits a 375 px phone: the new pages scroll only inside their tables', async () => {
    const admin = await pageFor('admin', 375);
    for (const path of ['/account', '/admin/users', '/admin/audit']) {
      await open(admin, `${base()}${path}`);
      const width = await admin.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} scroll width`).toBeLessThanOrEqual(375);
      await checkA11y(admin, `${path} at 375 px (en)`);
    }
    // The account menu is in the burger menu, which closes after following a link.
    await admin.getByRole('button', { name: 'Open menu' }).click();
    await admin.getByRole('button', { name: ACCOUNTS.admin.email }).click();
    await admin.getByRole('menuitem', { name: 'My account' }).click();
    await settle(admin);
    expect(await admin.locator('h1').innerText()).toBe('My account');
    expect(
      await admin.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded'),
    ).toBe('false');
    await screenshot(admin, 'e2e-account-phone');
  });
});
