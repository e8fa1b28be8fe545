/**
 * The grouped main navigation in headless Chromium, against a real Strata server (in-memory
 * PGlite with the IMT data set): which groups and entries an anonymous visitor, governance and an
 * administrator see, in French and English; the current page marked with aria-current; an entry
 * opened from the keyboard; the same groups inside the burger menu of a 375 px phone; axe-core
 * (WCAG 2.1 A/AA) on each view, and screenshots of the navigation.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access.ts';
import { TEST_PASSWORD } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const ACCOUNTS = {
  admin: { email: 'admin@nav.example', role: 'admin' },
  governance: { email: 'governance@nav.example', role: 'governance' },
} as const satisfies Record<string, { email: string; role: Role }>;
type Who = keyof typeof ACCOUNTS;
type Lang = 'fr' | 'en';

/** The groups and their entries, in order, per language. */
const GROUPS = {
  fr: {
    steering: 'Pilotage',
    partnerships: 'Partenariats',
    data: 'Données et rapports',
    schools: 'Écoles et filiales',
    admin: 'Administration',
  },
  en: {
    steering: 'Steering',
    partnerships: 'Partnerships',
    data: 'Data and reports',
    schools: 'Schools and subsidiaries',
    admin: 'Administration',
  },
} as const;

type Expected = { top: string[]; groups: [keyof (typeof GROUPS)['fr'], string[]][] };

/** What an anonymous visitor, governance (reads all, writes nothing) and an admin see. */
function expected(lang: Lang, who: 'anonymous' | Who): Expected {
  const fr = lang === 'fr';
  const signedIn = who !== 'anonymous';
  const pick = (entries: [string, string, boolean][]): string[] =>
    entries.filter(([, , shown]) => shown).map(([f, e]) => (fr ? f : e));
  const groups: Expected['groups'] = [
    [
      'steering',
      pick([
        ['Tableau de bord', 'Dashboard', true],
        ['Plan stratégique', 'Strategic plan', true],
        ['Alignement des écoles', 'School alignment', true],
        ['Cycles de suivi', 'Reporting cycles', signedIn],
        ['Risques', 'Risks', signedIn],
      ]),
    ],
    [
      'partnerships',
      pick([
        ['Partenaires', 'Partners', signedIn],
        ['Financements', 'Funding', signedIn],
        ['Consultations', 'Consultations', true],
      ]),
    ],
    [
      'data',
      pick([
        ['Importer des données', 'Import data', who === 'admin'],
        ['Rapports', 'Reports', true],
        ['Données ouvertes', 'Open data', true],
      ]),
    ],
  ];
  if (who === 'admin') {
    groups.push([
      'admin',
      pick([
        ['Comptes', 'Accounts', true],
        ['Journal d’audit', 'Audit trail', true],
      ]),
    ]);
  }
  return { top: pick([['Mon travail', 'My work', signedIn]]), groups };
}

const NAV_NAME: Record<Lang, string> = { fr: 'Navigation principale', en: 'Main navigation' };
const OPEN_MENU: Record<Lang, string> = { fr: 'Ouvrir le menu', en: 'Open menu' };

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
}

/** The texts of the links inside `scope`, in order. */
async function linkNames(scope: Locator): Promise<string[]> {
  return scope
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.textContent.trim()));
}

/** Checks the navigation's groups and entries against EXPECTED. */
async function expectGroups(nav: Locator, lang: Lang, who: 'anonymous' | Who): Promise<void> {
  const wanted = expected(lang, who);
  const groups = nav.getByRole('group');
  const groupNames = await groups.evaluateAll((nodes) =>
    nodes.map((node) => {
      const id = node.getAttribute('aria-labelledby') ?? '';
      return (document.getElementById(id)?.textContent ?? '').trim();
    }),
  );
  const names = wanted.groups.map(([key]) => GROUPS[lang][key]);
  // Schools sit between the data group and administration.
  const withSchools = [...names.slice(0, 3), GROUPS[lang].schools, ...names.slice(3)];
  expect(groupNames, `${who} (${lang}) groups`).toEqual(withSchools);
  for (const [key, links] of wanted.groups) {
    const group = nav.getByRole('group', { name: GROUPS[lang][key], exact: true });
    expect(await linkNames(group), `${who} (${lang}) ${key}`).toEqual(links);
  }
  // The entries themselves (the phone menu also holds the account link and the search form).
  const all = await linkNames(nav.getByTestId('nav-sections'));
  expect(all.slice(0, wanted.top.length), `${who} (${lang}) first entries`).toEqual(wanted.top);
  if (wanted.top.length === 0) {
    expect(all[0], `${who} (${lang}) first entry`).toBe(wanted.groups[0]?.[1][0]);
  }
}

describeWithBrowser('grouped main navigation (end to end)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  const base = (): string => {
    if (!server) throw new Error('the server did not start');
    return server.url;
  };

  const pageFor = async (who: Who | null, lang: Lang, width = 1280): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    });
    contexts.push(context);
    await context.addInitScript((wanted: string) => {
      window.localStorage.setItem('strata.lang', wanted);
    }, lang);
    if (who) {
      const response = await context.request.post(`${base()}/api/v1/auth/login`, {
        data: { email: ACCOUNTS[who].email, password: TEST_PASSWORD },
      });
      expect(response.status(), `sign-in of ${who}`).toBe(200);
    }
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startTestServer(Object.values(ACCOUNTS));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('groups the entries for each reader on a desktop, in French and English', async () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const who of [null, 'governance', 'admin'] as const) {
        const name = who ?? 'anonymous';
        const p = await pageFor(who, lang);
        await p.goto(`${base()}/`);
        await settle(p);
        expect(await p.locator('html').getAttribute('lang')).toBe(lang);
        const nav = p.getByRole('navigation', { name: NAV_NAME[lang] });
        await expectGroups(nav, lang, name);
        // The home page is the current entry, and the only one.
        const current = nav.locator('[aria-current="page"]');
        expect(await current.count()).toBe(1);
        expect((await current.innerText()).trim()).toBe(
          lang === 'fr' ? 'Tableau de bord' : 'Dashboard',
        );
        await checkA11y(p, `navigation, ${name} (${lang})`);
        await screenshot(p, `nav-desktop-${name}-${lang}`);
        await nav.screenshot({ path: join(SHOTS, `nav-desktop-${name}-${lang}-menu.png`) });
      }
    }
  });

  it('marks the current page and opens entries from the keyboard', async () => {
    const p = await pageFor('admin', 'en');
    await p.goto(`${base()}/`);
    await settle(p);
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    const partners = nav
      .getByRole('group', { name: 'Partnerships', exact: true })
      .getByRole('link', { name: 'Partners', exact: true });
    await partners.focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/partners');
    await settle(p);
    expect(await partners.getAttribute('aria-current')).toBe('page');
    expect(await nav.locator('[aria-current="page"]').count()).toBe(1);

    // Tab moves on to the next entry of the group; Enter opens it.
    await partners.focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent.trim())).toBe('Funding');
    await p.keyboard.press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/funding');
    await settle(p);
    const funding = nav.getByRole('link', { name: 'Funding', exact: true });
    expect(await funding.getAttribute('aria-current')).toBe('page');
    expect(await partners.getAttribute('aria-current')).toBeNull();
    await checkA11y(p, 'funding page with its entry current (en)');
  });

  it('shows the same groups in the burger menu of a 375 px phone', async () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const who of [null, 'admin'] as const) {
        const name = who ?? 'anonymous';
        const p = await pageFor(who, lang, 375);
        await p.goto(`${base()}/`);
        await settle(p);
        const burger = p.getByRole('button', { name: OPEN_MENU[lang] });
        expect(await burger.getAttribute('aria-expanded')).toBe('false');
        await burger.click();
        const nav = p.getByRole('navigation', { name: NAV_NAME[lang] });
        await nav.getByRole('group').first().waitFor();
        await expectGroups(nav, lang, name);
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} (${lang}) scroll width`).toBeLessThanOrEqual(375);
        await checkA11y(p, `phone menu, ${name} (${lang})`);
        await p.screenshot({ path: join(SHOTS, `nav-phone-${name}-${lang}.png`) });

        // An entry of a group opens its page and closes the menu.
        const target = lang === 'fr' ? 'Données ouvertes' : 'Open data';
        await nav
          .getByRole('group', { name: GROUPS[lang].data, exact: true })
          .getByRole('link', { name: target, exact: true })
          .click();
        await expect.poll(() => new URL(p.url()).pathname).toBe('/public');
        await settle(p);
        expect(await burger.getAttribute('aria-expanded')).toBe('false');
      }
    }
  });
});
