/**
 * Schema-driven fuzzing of every operation of the OpenAPI document (SECURITY-BAR 13), through
 * `app.inject`, with the generator of test/support/fuzz.ts: FUZZ_CASES cases per operation
 * (1,000 by default, the bar's minimum), mostly invalid, about a quarter valid, a fifth of them
 * anonymous. Every answer must be below 500; every 400 a problem document, with `errors[]`
 * naming the field (a path) when the body, query or path parameters are invalid; a payload the
 * published schema refuses must get that 400; one it accepts must never be refused by schema
 * validation. Path parameters are real ids half of the time, with the current If-Match most of
 * the time, so valid writes really run (and change the data, which stays usable).
 *
 * PGlite only: the HTTP layer, validation and services are the same code on both engines, and
 * the run must stay within a few minutes on a 2-core machine. The seed is printed; FUZZ_SEED=<n>
 * replays a run, FUZZ_CASES=<n> changes the number of cases.
 *
 * Inputs that once hit bugs have their own regression tests below and are generated again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActionCard,
  ElementDetail,
  IndicatorListItem,
  PlanTree,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { testEngines } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, TEST_PASSWORD } from '../support/app.ts';
import { must, send, setupRoles, type Roles } from '../support/roles.ts';
import { createConsultation, plainLink } from '../support/consultations.ts';
import { cyclePools } from '../support/cycle-pools.ts';
import {
  checkAnswer,
  deriveSeed,
  generateCase,
  operationsOf,
  Rng,
  urlOf,
  type Avoid,
  type FuzzCase,
  type OpenApiDocument,
  type Operation,
} from '../support/fuzz.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const SEED =
  process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== ''
    ? Number(process.env.FUZZ_SEED)
    : Math.floor(Math.random() * 2 ** 32);
const VALID_SHARE = 0.25;
const ANONYMOUS_SHARE = 0.2;
/** Reads sent at once: PGlite is in-process, but this keeps it busy while inject hops ticks. */
const READ_BATCH = 4;
/** Inputs the main run may leave out (all once hit bugs, now fixed and generated). */
const AVOID: Avoid = {
  nul: false,
  infiniteQueryNumbers: false,
  urnUuids: false,
  loneSurrogates: false,
};
/**
 * The client address of a login case: never 127.0.0.1 (the other tests sign in from there), and
 * a new one every few cases, so that the rate limit does not answer all the later ones.
 */
const clientOf = (index: number) => `203.0.113.${String(1 + (Math.floor(index / 8) % 250))}`;
const FUZZ_PASSWORD = 'fuzzing passphrase that is long enough';

console.log(`[fuzz] seed ${String(SEED)}: FUZZ_SEED=${String(SEED)} replays this run`);

const pglite = testEngines().find((e) => e.name === 'pglite');
if (!pglite) throw new Error('no PGlite engine');
// Opened at collection time: the operations to fuzz come from the app's own OpenAPI document.
const t = await openTestApp(pglite);
const doc = (
  await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
).json<OpenApiDocument>();
/**
 * The audit trail first (its export grows with every write), then the writes, then the reads
 * (which then also render what the writes stored).
 */
const rank = (op: Operation) =>
  op.path.startsWith('/api/v1/audit') ? 0 : op.method === 'GET' ? 2 : 1;
const OPERATIONS = operationsOf(doc).sort((a, b) => rank(a) - rank(b));

describe(`schema-driven fuzzing [pglite] (seed ${String(SEED)})`, () => {
  let roles: Roles;
  let sessionCookie = '';
  const pools: Record<string, string[]> = {};
  const etags = new Map<string, string>();
  const report: string[] = [];

  beforeAll(async () => {
    roles = await setupRoles(t, 'FZ');
    const office = roles.cookies.office;
    const admin = roles.cookies.admin;
    const targets = [
      await createAccount(t, { email: 'target1@fuzz.example', role: 'contributor' }),
      await createAccount(t, { email: 'target2@fuzz.example', role: 'unit_editor' }),
    ];
    await createAccount(t, { email: 'login@fuzz.example', role: 'governance' });
    await createAccount(t, { email: 'session@fuzz.example', role: 'governance' });
    sessionCookie = await signIn(t, 'session@fuzz.example');

    const overview = await must<WorkspaceOverview>(t, office, 'GET', '/api/v1/workspace');
    const elements: string[] = [];
    for (const plan of overview.plans) {
      const tree = await must<PlanTree>(t, office, 'GET', `/api/v1/plans/${plan.id}/tree`);
      elements.push(...tree.nodes.map((n) => n.id));
    }
    const indicators = (
      await must<{ items: IndicatorListItem[] }>(t, office, 'GET', '/api/v1/indicators?limit=500')
    ).items.map((i) => i.card.id);
    const actions = (
      await must<{ items: ActionCard[] }>(t, office, 'GET', '/api/v1/actions?limit=500')
    ).items.map((a) => a.id);
    const units = overview.units.map((u) => u.id);
    const risks: string[] = [];
    for (const unitId of units.slice(0, 3)) {
      const risk = await must<{ risk: { id: string } }>(t, office, 'POST', '/api/v1/risks', {
        code: `FZ-RSK-${String(risks.length)}`,
        title: { fr: 'Risque', en: 'Risk' },
        unitId,
        likelihood: 3,
        impact: 4,
      });
      risks.push(risk.risk.id);
    }
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const token = await must<{ id: string }>(t, office, 'POST', '/api/v1/auth/tokens', {
        name: `fuzz ${String(i)}`,
        scope: 'read',
        expiresInDays: 30,
      });
      tokens.push(token.id);
    }
    const links: string[] = [];
    for (let i = 0; i < 5; i++) {
      const invitation = await must<{ token: string }>(
        t,
        admin,
        'POST',
        '/api/v1/users/invitations',
        {
          email: `invited${String(i)}@fuzz.example`,
          role: 'contributor',
        },
      );
      const reset = await must<{ token: string }>(
        t,
        admin,
        'POST',
        `/api/v1/users/${targets[i % targets.length] ?? ''}/reset-link`,
      );
      links.push(invitation.token, reset.token);
    }
    const consultation = await plainLink(t, office, roles.ids.units.a, 'FZ-CONS');
    const draft = await createConsultation(t, office, {
      code: 'FZ-DRAFT',
      unitId: roles.ids.units.a,
    });
    // The partner registry: a few partners, each with an agreement, a contact and a funding line.
    const partners: string[] = [];
    const agreements: string[] = [];
    const contacts: string[] = [];
    const fundingLines: string[] = [];
    for (let i = 0; i < 4; i++) {
      const partner = await must<{ partner: { id: string } }>(
        t,
        office,
        'POST',
        '/api/v1/partners',
        {
          name: `Fuzz partner ${String(i)}`,
          kind: 'company',
          country: 'FR',
        },
      );
      partners.push(partner.partner.id);
      const agreement = await must<{ agreement: { id: string } }>(
        t,
        office,
        'POST',
        '/api/v1/agreements',
        {
          partnerId: partner.partner.id,
          kind: 'framework',
          title: { fr: `Accord ${String(i)}`, en: `Agreement ${String(i)}` },
          scale: 'regional',
          unitIds: units.slice(0, 2),
        },
      );
      agreements.push(agreement.agreement.id);
      const contact = await must<{ contact: { id: string } }>(
        t,
        office,
        'POST',
        `/api/v1/partners/${partner.partner.id}/contacts`,
        { fullName: `Person ${String(i)}`, purpose: 'Fuzz', legalBasis: 'contract' },
      );
      contacts.push(contact.contact.id);
      const line = await must<{ fundingLine: { id: string } }>(
        t,
        office,
        'POST',
        '/api/v1/funding-lines',
        {
          title: { fr: `Ligne ${String(i)}`, en: `Line ${String(i)}` },
          programme: 'anr',
          funder: 'ANR',
        },
      );
      fundingLines.push(line.fundingLine.id);
    }
    Object.assign(pools, {
      'path:consultations': [consultation.id, draft.consultation.id],
      'path:consult': consultation.links,
      consultationIds: [consultation.id, draft.consultation.id],
      questionId: draft.consultation.questions.map((q) => q.id),
      unitId: units,
      leadUnitId: units,
      ownerUnitId: units,
      unitIds: units,
      elementId: elements,
      elementIds: elements,
      parentId: elements,
      weightIndicatorId: indicators,
      numeratorIndicatorId: indicators,
      denominatorIndicatorId: indicators,
      indicatorIds: indicators,
      actionIds: actions,
      facetValueIds: overview.facets.flatMap((f) => f.values.map((v) => v.id)),
      planId: overview.plans.map((p) => p.id),
      level: [...new Set(overview.plans.flatMap((p) => p.levels.map((l) => l.key)))],
      token: links,
      email: ['login@fuzz.example'],
      password: [FUZZ_PASSWORD, TEST_PASSWORD],
      q: ['ecologique', 'recherche', 'Albi', 'FZ', 'énergie transition', 'a:*', '!&|'],
      'path:plans': overview.plans.map((p) => p.id),
      'path:elements': elements,
      'path:element': elements,
      'path:units': units,
      'path:indicators': indicators,
      'path:indicator': indicators,
      'path:actions': actions,
      'path:action': actions,
      'path:users': targets,
      'path:tokens': tokens,
      'path:risks': risks,
      'path:risk': risks,
      actionId: actions,
      partnerId: partners,
      duplicateId: partners,
      funderPartnerId: partners,
      agreementId: agreements,
      siren: ['322306440', '552081317', '356000000'],
      website: ['https://www.imt.fr/', ''],
      phone: ['+33 1 23 45 67 89', ''],
      country: ['FR', 'DE', 'BE'],
      'path:partners': partners,
      'path:agreements': agreements,
      'path:contacts': contacts,
      'path:funding-lines': fundingLines,
      ...(await cyclePools(t, roles.cookies.office, elements, actions)),
    });
  });

  const begun = performance.now();
  afterAll(async () => {
    const seconds = Math.round((performance.now() - begun) / 1000);
    console.log(
      `[fuzz] seed ${String(SEED)}, ${String(CASES)} cases per operation, ${String(seconds)} s\n${report.join('\n')}`,
    );
    await t.close();
  });

  /** Who sends an operation's cases (besides the anonymous share). */
  function principalOf(op: Operation): () => Promise<string> {
    if (op.path.startsWith('/api/v1/users')) {
      // As the strategy office these would all stop at 403: the admin makes them run.
      return () => Promise.resolve(roles.cookies.admin);
    }
    if (op.path === '/api/v1/auth/logout' || op.path === '/api/v1/auth/sessions/end-all') {
      // They end the session they come with: a throw-away account, signed in again now and then.
      let sent = 0;
      return async () => {
        if (++sent % 50 === 0) sessionCookie = await signIn(t, 'session@fuzz.example');
        return sessionCookie;
      };
    }
    return () => Promise.resolve(roles.cookies.office);
  }

  /** The If-Match header of a case. */
  async function ifMatchOf(
    op: Operation,
    c: FuzzCase,
    cookie: string,
  ): Promise<string | undefined> {
    const resource = op.method === 'PATCH' ? urlOf(op, { ...c, query: {} }) : null;
    switch (c.ifMatch) {
      case 'none':
        return undefined;
      case 'star':
        return '*';
      case 'garbage':
        return ['"nope"', 'W/"x"', '', ' ', '"e-1-v1", "e-2-v2"', `"${'9'.repeat(300)}"`][
          c.index % 6
        ];
      case 'stale':
        return `"${op.path.split('/')[3]?.[0] ?? 'x'}-${c.pathParams.id ?? ''}-v0"`;
      case 'current':
      case 'weak-current': {
        if (!resource || cookie === '') return undefined;
        let etag = etags.get(resource);
        if (etag === undefined) {
          const reader = op.path.startsWith('/api/v1/users')
            ? roles.cookies.admin
            : roles.cookies.office;
          const res = await send(t, reader, 'GET', resource);
          if (res.status !== 200) return undefined;
          etag = res.json<{ etag: string }>().etag;
          etags.set(resource, etag);
        }
        return c.ifMatch === 'weak-current' ? `W/${etag}` : etag;
      }
    }
  }

  it('finds the operations to fuzz in the OpenAPI document', () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(40);
    expect(OPERATIONS.filter((op) => op.body !== null).length).toBeGreaterThanOrEqual(15);
  });

  for (const op of OPERATIONS) {
    it(`${op.method} ${op.path}: ${String(CASES)} cases`, { timeout: 180_000 }, async () => {
      const rng = new Rng(deriveSeed(SEED, `${op.method} ${op.path}`));
      const ctx = { rng, pool: (name: string) => pools[name], avoid: AVOID };
      const principal = principalOf(op);
      const failures: string[] = [];
      const statuses: Record<string, number> = {};
      const expectations: Record<string, number> = {};
      const started = performance.now();
      const run = async (c: FuzzCase) => {
        const cookie = c.anonymous ? '' : await principal();
        const url = urlOf(op, c);
        const ifMatch = await ifMatchOf(op, c, cookie);
        const body =
          c.body === null ? undefined : 'raw' in c.body ? c.body.raw : JSON.stringify(c.body.json);
        const res = await t.app.inject({
          method: op.method,
          url,
          ...(op.path === '/api/v1/auth/login' && { remoteAddress: clientOf(c.index) }),
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(ifMatch !== undefined ? { 'if-match': ifMatch } : {}),
          },
          ...(body !== undefined && { payload: body }),
        });
        statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
        expectations[c.expect] = (expectations[c.expect] ?? 0) + 1;
        if (op.method === 'PATCH' && c.pathParams.id !== undefined) {
          const resource = urlOf(op, { ...c, query: {} });
          const etag = res.headers.etag;
          if (res.statusCode === 200 && typeof etag === 'string') etags.set(resource, etag);
          else if (res.statusCode === 412) etags.delete(resource);
        }
        const problem = checkAnswer(c, {
          status: res.statusCode,
          contentType: res.headers['content-type'] ?? '',
          body: res.body,
        });
        if (problem !== null) {
          failures.push(
            `case ${String(c.index)} (${c.expect}, ${c.how}${c.anonymous ? ', anonymous' : ''}): ${problem}\n` +
              `    ${op.method} ${url.slice(0, 300)}\n` +
              `    body ${(body ?? '(none)').slice(0, 300)}\n` +
              `    → ${String(res.statusCode)} ${res.body.slice(0, 300)}`,
          );
        }
      };
      // Cases are generated in order (so a seed replays them); reads, and password changes (their
      // hashing runs off the main thread), are sent a few at a time; other writes one by one
      // (each may need the ETag the previous one produced).
      const batch = op.method === 'GET' || op.path === '/api/v1/auth/password' ? READ_BATCH : 1;
      for (let i = 0; i < CASES; i += batch) {
        const cases = Array.from({ length: Math.min(batch, CASES - i) }, (_, k) =>
          generateCase(op, i + k, ctx, {
            validShare: VALID_SHARE,
            anonymousShare: ANONYMOUS_SHARE,
          }),
        );
        await Promise.all(cases.map(run));
      }
      const ms = performance.now() - started;
      report.push(
        `${op.method.padEnd(6)} ${op.path.padEnd(42)} ${String(Math.round(ms)).padStart(6)} ms  ` +
          `${JSON.stringify(expectations)} ${JSON.stringify(statuses)}`,
      );
      expect(
        failures.length,
        `seed ${String(SEED)}: ${String(failures.length)} bad answers to ${op.method} ${op.path}; first ones:\n${failures.slice(0, 8).join('\n')}`,
      ).toBe(0);
    });
  }

  describe('regressions (inputs that once gave a 500 or a wrong answer)', () => {
    const lead = async (value: unknown) => {
      const url = `/api/v1/elements/${roles.ids.elementA}`;
      const before = await must<ElementDetail>(t, roles.cookies.office, 'GET', url);
      return send(
        t,
        roles.cookies.office,
        'PATCH',
        url,
        { lead: value },
        { 'if-match': before.etag },
      );
    };

    // Regression test for a bug fixed in the same change.
    // text field answers 500 ("invalid byte sequence for encoding UTF8: 0x00").
    it('refuses U+0000 in a text field with 400 naming the field', async () => {
      const res = await lead('before\u0000after');
      expect(res.status).toBe(400);
    });

    // Regression test for a bug fixed in the same change.
    // surrogate, stored as U+FFFD in the text columns, makes that jsonb invalid: 500.
    it('stores or refuses unpaired surrogates in an action title, never 500', async () => {
      const res = await send(t, roles.cookies.office, 'POST', '/api/v1/actions', {
        code: 'FZ-SURROGATE',
        title: { fr: 'Titre \ud800', en: 'Title' },
        leadUnitId: roles.ids.units.a,
      });
      expect(res.status).toBeLessThan(500);
    });

    // Regression test for a bug fixed in the same change.
    it('refuses U+0000 in the search words with 400', async () => {
      const res = await send(t, roles.cookies.office, 'GET', '/api/v1/search?q=a%00b');
      expect(res.status).toBe(400);
    });

    // Regression test for a bug fixed in the same change.
    // the list then fails to serialise (or to query) with 500.
    it('refuses query numbers that overflow to Infinity with 400', async () => {
      const res = await send(t, roles.cookies.office, 'GET', '/api/v1/actions?limit=1e400');
      expect(res.status).toBe(400);
    });

    // Regression test for a bug fixed in the same change.
    it('refuses urn:uuid: identifiers with 400', async () => {
      const res = await send(
        t,
        roles.cookies.office,
        'GET',
        `/api/v1/elements/urn:uuid:${roles.ids.elementA}`,
      );
      expect(res.status).toBe(400);
    });

    // Regression test for a bug fixed in the same change.
    // silently turned into strings and numbers instead of being refused.
    it('refuses JSON values of the wrong type instead of coercing them', async () => {
      const statuses = [
        (await lead(null)).status,
        (await lead(['x'])).status,
        (await lead(true)).status,
      ];
      expect(statuses).toEqual([400, 400, 400]);
    });
  });
});
