/**
 * The creation and editing forms in headless Chromium against a real server (in-memory PGlite
 * with the IMT plan): the strategy office creates a risk from the register (a code the server
 * refuses is shown at its field), edits it (a 412 after someone else's change is announced and
 * the retry wins), registers a partner (the server's Luhn refusal at the SIREN field) and edits
 * it, then records an agreement from the partner's page (an end before the start refused at the
 * end date field; euros sent as cents). A school editor is offered only their school; governance
 * sees no write button. Each form is checked by axe-core and screenshot in French and English,
 * at 1280 and 375 px.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from '../support/app.ts';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

const OFFICE = 'office@forms.example';
const EDITOR = 'editor@forms.example';
const GOVERNANCE = 'governance@forms.example';

interface Server {
  url: string;
  school: string;
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
  const overview = await services.workspace.overview(scope);
  const school = overview.units.find((u) => u.code === 'IMT-ALES')?.id ?? '';
  const users: [string, 'strategy_office' | 'unit_editor' | 'governance', string[]][] = [
    [OFFICE, 'strategy_office', []],
    [EDITOR, 'unit_editor', [school]],
    [GOVERNANCE, 'governance', []],
  ];
  for (const [email, role, unitIds] of users) {
    await services.users.create(scope, { email, role, password: TEST_PASSWORD, unitIds });
  }
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    school,
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

/** Sets the interface language the app reads at start (applied by the next page load). */
async function chooseLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  await page.context().addInitScript((value) => {
    window.localStorage.setItem('strata.lang', value);
  }, lang);
}

/** The text of the elements that describe `field` (its hint and its error). */
function description(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The text of every status region of the page (success messages are announced there). */
async function statuses(page: Page): Promise<string> {
  return (await page.getByRole('status').allInnerTexts()).join(' ');
}

/** Screens a form in both languages at 1280 and 375 px, axe-checking each. */
async function lookAt(page: Page, open: () => Promise<void>, name: string): Promise<void> {
  for (const lang of ['fr', 'en'] as const) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await chooseLanguage(page, lang);
      await open();
      await checkA11y(page, `${name} (${lang}, ${String(width)} px)`);
      await screenshot(page, `form-${name}-${lang}-${String(width)}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await chooseLanguage(page, 'fr');
}

describeWithBrowser('creation and editing forms (end to end)', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const base = () => server?.url ?? '';
  const ids = { risk: '', partner: '' };

  const pageFor = async (email: string): Promise<Page> => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    contexts.push(context);
    const response = await context.request.post(`${base()}/api/v1/auth/login`, {
      data: { email, password: TEST_PASSWORD },
    });
    expect(response.status()).toBe(200);
    return context.newPage();
  };
  const open = async (page: Page, path: string) => {
    await page.goto(`${base()}${path}`);
    await settle(page);
  };
  const openForm = async (page: Page, path: string, button: RegExp, form: RegExp) => {
    await open(page, path);
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('form', { name: form }).waitFor();
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

  it('creates a risk from the register; a code the server refuses is shown at its field', async () => {
    const page = await pageFor(OFFICE);
    await lookAt(
      page,
      () => openForm(page, '/risks', /^(Nouveau risque|New risk)$/, /^(Nouveau risque|New risk)$/),
      'risk-create',
    );
    await openForm(page, '/risks', /^Nouveau risque$/, /^Nouveau risque$/);
    const form = page.getByRole('form', { name: 'Nouveau risque' });
    await form.getByRole('textbox', { name: /^Code/ }).fill('RSK ÉCOLE');
    await form.getByRole('combobox', { name: 'Unité' }).selectOption(server?.school ?? '');
    await form.getByRole('textbox', { name: /^Titre \(français\)/ }).fill('Perte d’un partenaire');
    await form.getByRole('textbox', { name: /^Titre \(anglais\)/ }).fill('Loss of a partner');
    await form.getByRole('combobox', { name: 'Catégorie' }).selectOption('financial');
    await form.getByRole('textbox', { name: 'Responsable' }).fill('Direction des relations');
    await form.getByRole('combobox', { name: 'Probabilité' }).selectOption('4');
    await form.getByRole('combobox', { name: 'Impact' }).selectOption('5');
    await form
      .getByRole('textbox', { name: 'Atténuation (français)' })
      .fill('Diversifier les partenaires industriels.');
    await form.getByRole('button', { name: 'Créer le risque' }).click();
    const code = form.getByRole('textbox', { name: /^Code/ });
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    expect(await description(code)).toContain('Format invalide.');
    expect(await form.getByRole('alert').innerText()).toContain('corrigez le champ signalé');
    await checkA11y(page, 'risk form with a server error');
    await screenshot(page, 'form-risk-create-error-fr');
    await code.fill('RSK-PART');
    await form.getByRole('button', { name: 'Créer le risque' }).click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    await settle(page);
    ids.risk = page.url().split('/').pop() ?? '';
    expect(await page.locator('h1').innerText()).toContain('RSK-PART');
    expect(await page.locator('h1').innerText()).toContain('Perte d’un partenaire');
    expect(await page.locator('.st-dl').innerText()).toContain('4 / 5');
    expect(await page.locator('.st-dl').innerText()).toContain('Direction des relations');
    await open(page, `/risks?unitId=${server?.school ?? ''}`);
    await expect.poll(() => page.locator('tr[data-risk="RSK-PART"]').count()).toBe(1);
  });

  it('edits a risk; a change made meanwhile is a 412 announced, then the retry wins', async () => {
    const page = await pageFor(OFFICE);
    await lookAt(
      page,
      () =>
        openForm(
          page,
          `/risks/${ids.risk}`,
          /^(Modifier le risque|Edit the risk)$/,
          /^(Modifier le risque|Edit the risk)$/,
        ),
      'risk-edit',
    );
    await openForm(page, `/risks/${ids.risk}`, /^Modifier le risque$/, /^Modifier le risque$/);
    const form = page.getByRole('form', { name: 'Modifier le risque' });
    expect(await form.getByRole('combobox', { name: 'Probabilité' }).count()).toBe(0);
    // Someone else changes the risk after this page read it.
    const request = page.context().request;
    const read = await request.get(`${base()}/api/v1/risks/${ids.risk}`);
    const changed = await request.patch(`${base()}/api/v1/risks/${ids.risk}`, {
      headers: { 'if-match': read.headers().etag ?? '' },
      data: { category: 'strategic' },
    });
    expect(changed.status()).toBe(200);
    await form.getByRole('textbox', { name: 'Responsable' }).fill('Secrétariat général');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toMatch(/modifié|changed/i);
    await screenshot(page, 'form-risk-edit-conflict-fr');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => statuses(page)).toContain('Modifications enregistrées');
    expect(await page.locator('.st-dl').innerText()).toContain('Secrétariat général');
    expect(await page.locator('.st-dl').innerText()).toContain('Stratégique');
  });

  it('registers a partner: the Luhn refusal is shown at the SIREN field; then edits it', async () => {
    const page = await pageFor(OFFICE);
    await lookAt(
      page,
      () =>
        openForm(
          page,
          '/partners',
          /^(Nouveau partenaire|New partner)$/,
          /^(Nouveau partenaire|New partner)$/,
        ),
      'partner-create',
    );
    await openForm(page, '/partners', /^Nouveau partenaire$/, /^Nouveau partenaire$/);
    const form = page.getByRole('form', { name: 'Nouveau partenaire' });
    await form.getByRole('textbox', { name: /^Nom/ }).fill('Verrerie du Gard');
    await form.getByRole('combobox', { name: 'Type' }).selectOption('company');
    await form.getByRole('textbox', { name: /^Région/ }).fill('Occitanie');
    await form.getByRole('textbox', { name: /^Ville/ }).fill('Alès');
    const siren = form.getByRole('textbox', { name: /^SIREN/ });
    await siren.fill('123456789');
    await form.getByRole('button', { name: 'Enregistrer le partenaire' }).click();
    await expect.poll(() => siren.getAttribute('aria-invalid')).toBe('true');
    expect(await description(siren)).toContain('clé de contrôle (Luhn)');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('siren');
    await checkA11y(page, 'partner form with the SIREN refused');
    await screenshot(page, 'form-partner-siren-error-fr');
    await siren.fill('552032534');
    await form.getByRole('button', { name: 'Enregistrer le partenaire' }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await settle(page);
    ids.partner = page.url().split('/').pop() ?? '';
    expect(await page.locator('h1').innerText()).toBe('Verrerie du Gard');
    expect(await page.locator('.st-dl').innerText()).toContain('552032534');

    await lookAt(
      page,
      () =>
        openForm(
          page,
          `/partners/${ids.partner}`,
          /^(Modifier le partenaire|Edit the partner)$/,
          /^(Modifier le partenaire|Edit the partner)$/,
        ),
      'partner-edit',
    );
    await openForm(
      page,
      `/partners/${ids.partner}`,
      /^Modifier le partenaire$/,
      /^Modifier le partenaire$/,
    );
    const edit = page.getByRole('form', { name: 'Modifier le partenaire' });
    await edit.getByRole('textbox', { name: /^Ville/ }).fill('Nîmes');
    await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => page.locator('.st-dl').innerText()).toContain('Nîmes');
    await open(page, '/partners');
    await expect.poll(() => page.getByRole('link', { name: 'Verrerie du Gard' }).count()).toBe(1);
  });

  it('records an agreement from the partner page, amounts in euros', async () => {
    const page = await pageFor(OFFICE);
    const path = `/partners/${ids.partner}`;
    await lookAt(
      page,
      () =>
        openForm(page, path, /^(Nouvel accord|New agreement)$/, /^(Nouvel accord|New agreement)$/),
      'agreement-create',
    );
    await openForm(page, path, /^Nouvel accord$/, /^Nouvel accord$/);
    const form = page.getByRole('form', { name: 'Nouvel accord' });
    await form.getByRole('combobox', { name: 'Nature' }).selectOption('research_chair');
    await form.getByRole('combobox', { name: 'Échelle' }).selectOption('regional');
    await form.getByRole('textbox', { name: /^Titre \(français\)/ }).fill('Chaire verre durable');
    await form.getByRole('textbox', { name: /^Titre \(anglais\)/ }).fill('Sustainable glass chair');
    await form.getByLabel('Début').fill('2026-09-01');
    await form.getByLabel('Fin').fill('2025-08-31');
    const amount = form.getByRole('textbox', { name: /^Montant/ });
    await amount.fill('douze');
    await form.getByRole('button', { name: 'Enregistrer l’accord' }).click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await amount.fill('12 500,50');
    await form.getByRole('button', { name: 'Enregistrer l’accord' }).click();
    const end = form.getByLabel('Fin');
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    expect(await description(end)).toContain('La fin doit suivre le début.');
    await screenshot(page, 'form-agreement-error-fr');
    await end.fill('2030-08-31');
    await form.getByRole('button', { name: 'Enregistrer l’accord' }).click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    await settle(page);
    expect(await page.locator('h1').innerText()).toContain('Chaire verre durable');
    expect(await page.locator('main').innerText()).toMatch(/12\s500,50\s€/);
    const stored = await page
      .context()
      .request.get(`${base()}/api/v1/agreements/${page.url().split('/').pop() ?? ''}`);
    expect(
      ((await stored.json()) as { agreement: { amountCents: number } }).agreement.amountCents,
    ).toBe(1_250_050);
    await open(page, path);
    await expect.poll(() => page.getByText('Chaire verre durable').count()).toBeGreaterThan(0);
  });

  it('records and edits a partner contact with its purpose and legal basis', async () => {
    const page = await pageFor(OFFICE);
    const path = `/partners/${ids.partner}`;
    await lookAt(
      page,
      () =>
        openForm(page, path, /^(Nouveau contact|New contact)$/, /^(Nouveau contact|New contact)$/),
      'contact-create',
    );
    await openForm(page, path, /^Nouveau contact$/, /^Nouveau contact$/);
    const form = page.getByRole('form', { name: 'Nouveau contact' });
    await form.getByRole('textbox', { name: /^Nom/ }).fill('Jeanne Martin');
    const email = form.getByRole('textbox', { name: 'Courriel' });
    await email.fill('jeanne.martin@');
    await form.getByRole('textbox', { name: /^Finalité/ }).fill('Suivi de la chaire verre');
    await form.getByRole('combobox', { name: 'Base légale' }).selectOption('contract');
    await form.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await description(email)).toContain('Format invalide.');
    await email.fill('jeanne.martin@verrerie.example');
    await form.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await expect.poll(() => statuses(page)).toContain('Contact enregistré');
    const table = page.locator('table', { hasText: 'jeanne.martin@verrerie.example' });
    expect(await table.innerText()).toContain('Contrat');

    await openForm(page, path, /^Modifier un contact$/, /^Modifier un contact$/);
    const edit = page.getByRole('form', { name: 'Modifier un contact' });
    await edit.getByRole('textbox', { name: 'Fonction' }).fill('Directrice R&D');
    await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => table.innerText()).toContain('Directrice R&D');
    await lookAt(
      page,
      () =>
        openForm(
          page,
          path,
          /^(Modifier un contact|Edit a contact)$/,
          /^(Modifier un contact|Edit a contact)$/,
        ),
      'contact-edit',
    );
  });

  it('records a funding line with yearly amounts in euros', async () => {
    const page = await pageFor(OFFICE);
    const name = /^(Nouvelle ligne de financement|New funding line)$/;
    await lookAt(page, () => openForm(page, '/funding', name, name), 'funding-create');
    await openForm(page, '/funding', name, name);
    const form = page.getByRole('form', { name: 'Nouvelle ligne de financement' });
    await form.getByRole('textbox', { name: /^Titre \(français\)/ }).fill('Four électrique pilote');
    await form.getByRole('textbox', { name: /^Titre \(anglais\)/ }).fill('Pilot electric furnace');
    await form.getByRole('combobox', { name: 'Programme' }).selectOption('regional_council');
    await form.getByRole('textbox', { name: /^Financeur/ }).fill('Région Occitanie');
    await form.getByRole('combobox', { name: /^Partenaire financeur/ }).selectOption(ids.partner);
    const rate = form.getByRole('textbox', { name: /^Taux de cofinancement/ });
    await rate.fill('150');
    await form.getByRole('textbox', { name: 'Année' }).fill('2026');
    await form.getByRole('textbox', { name: 'Prévu (euros)' }).fill('200 000');
    await form.getByRole('textbox', { name: 'Dépensé (euros)' }).fill('50 000,5');
    await form.getByRole('button', { name: 'Enregistrer la ligne' }).click();
    await expect.poll(() => rate.getAttribute('aria-invalid')).toBe('true');
    expect(await description(rate)).toContain('La valeur doit être au plus 100.');
    expect(await form.getByRole('alert').innerText()).toContain('corrigez le champ signalé');
    await checkA11y(page, 'funding form with a server error');
    await screenshot(page, 'form-funding-error-fr');
    await rate.fill('40');
    await form.getByRole('button', { name: 'Enregistrer la ligne' }).click();
    await expect.poll(() => statuses(page)).toContain('Ligne de financement enregistrée');
    await expect.poll(() => page.getByText('Four électrique pilote').count()).toBeGreaterThan(0);
    const lines = await page.context().request.get(`${base()}/api/v1/funding-lines?limit=500`);
    const found = (
      (await lines.json()) as {
        items: { title: { fr: string }; totals: { plannedCents: number; spentCents: number } }[];
      }
    ).items.find((l) => l.title.fr === 'Four électrique pilote');
    expect(found?.totals.plannedCents).toBe(20_000_000);
    expect(found?.totals.spentCents).toBe(5_000_050);
  });

  it('offers a school editor only their school; governance sees no write button', async () => {
    const editor = await pageFor(EDITOR);
    await openForm(editor, '/risks', /^Nouveau risque$/, /^Nouveau risque$/);
    const units = editor
      .getByRole('form', { name: 'Nouveau risque' })
      .getByRole('combobox', { name: 'Unité' })
      .locator('option');
    expect(
      await units.evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
    ).toEqual([server?.school]);
    await open(editor, `/partners/${ids.partner}`);
    await screenshot(editor, 'form-editor-partner-page');

    const governance = await pageFor(GOVERNANCE);
    const buttons =
      /Nouveau risque|Modifier le risque|Nouveau partenaire|Modifier le partenaire|Nouvel accord|contact|Nouvelle ligne/;
    for (const path of [
      '/risks',
      `/risks/${ids.risk}`,
      '/partners',
      `/partners/${ids.partner}`,
      '/funding',
    ]) {
      await open(governance, path);
      expect(await governance.getByRole('button', { name: buttons }).count()).toBe(0);
    }
  });
});
