/**
 * The role matrix (SECURITY-BAR 8): every operation of the OpenAPI document × every principal,
 * with the expected outcome written by hand from the rules of src/domain/access.ts (who may
 * write) and src/services/visibility.ts (what is hidden, hence 404). A route added to the API
 * without a row here fails the first test, and so does a row whose route was removed.
 *
 * Each row sends one real request per principal: path parameters filled with ids chosen to make
 * the row's point (school A's element for A → ok, for B → 404 since B's plan is hidden from it),
 * a minimal valid body written by hand, and the current If-Match read just before. Runs on both
 * engines (about 25 s each on a busy 2-core machine).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ElementDetail, Problem } from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import {
  EMAILS,
  must,
  ROLE_NAMES,
  send,
  setupRoles,
  type RoleName,
  type Roles,
} from '../support/roles.ts';
import {
  ADMIN_ONLY,
  ALL_OK,
  NOWHERE,
  OFFICE_ONLY,
  row,
  SCHOOL_A_READ,
  SIGNED_IN,
  type MatrixContext,
  type MatrixRequest,
  type Outcome,
} from '../support/matrix/area.ts';
import { loadMatrixAreas } from '../support/matrix/index.ts';

// Columns:                          anonymous schoolA schoolB contributor office governance admin
const EXPECTED: Record<string, Record<RoleName, Outcome>> = {
  'GET /api/health': ALL_OK,
  'GET /api/v1/workspace': ALL_OK,
  // ?planId= school A's plan: a school plan is read by its school (and its contributors) only.
  'GET /api/v1/dashboard': SCHOOL_A_READ,
  'GET /api/v1/plans/{planId}/tree': SCHOOL_A_READ,
  // ?planId= school B's plan: hidden from A and A's contributor.
  'GET /api/v1/alignment': row(404, 404, 'ok', 404, 'ok', 'ok', 'ok'),
  'GET /api/v1/elements/{id}': SCHOOL_A_READ,
  // Anonymous writes a group element (visible to it): 401; the others school A's element,
  // which is assigned to the contributor.
  'PATCH /api/v1/elements/{id}': row(401, 'ok', 404, 'ok', 'ok', 403, 'ok'),
  // Anonymous adds to the group plan (401); the others to school A's plan.
  'POST /api/v1/plans/{planId}/elements': row(401, 'ok', 404, 403, 'ok', 403, 'ok'),
  'GET /api/v1/units/{id}': SCHOOL_A_READ,
  'GET /api/v1/search': ALL_OK,
  // ?unitId= school A: a unit's figures are read by that unit's people only.
  'GET /api/v1/indicators': SCHOOL_A_READ,
  // An indicator owned by school A: its editors define it; contributors only record figures.
  'POST /api/v1/indicators': row(401, 'ok', 403, 403, 'ok', 403, 'ok'),
  // The confidential indicator: hidden from the public only.
  'GET /api/v1/indicators/{id}': row(404, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  // The public indicator owned by school A.
  'PATCH /api/v1/indicators/{id}': row(401, 'ok', 403, 403, 'ok', 403, 'ok'),
  'GET /api/v1/indicators/{id}/measurements': row(404, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  // School A's indicator: a figure for school A; anonymous and school B record one for the
  // group (a unit they may see but not write).
  'POST /api/v1/indicators/{id}/measurements': row(401, 'ok', 403, 'ok', 'ok', 403, 'ok'),
  'GET /api/v1/actions': ALL_OK,
  // Led by school A.
  'POST /api/v1/actions': row(401, 'ok', 403, 403, 'ok', 403, 'ok'),
  // School A's own action (A only): the public sees no action at all.
  'GET /api/v1/actions/{id}': SCHOOL_A_READ,
  'PATCH /api/v1/actions/{id}': row(404, 'ok', 404, 'ok', 'ok', 403, 'ok'),
  'GET /api/v1/auth/me': ALL_OK,
  'POST /api/v1/auth/login': ALL_OK,
  'POST /api/v1/auth/logout': ALL_OK,
  'GET /api/v1/auth/sessions': SIGNED_IN,
  'POST /api/v1/auth/sessions/end-all': SIGNED_IN,
  'GET /api/v1/auth/tokens': SIGNED_IN,
  // Governance may hold a token: it carries the governance role (reads only).
  'POST /api/v1/auth/tokens': SIGNED_IN,
  // Each revokes its own token, except school B, which tries school A's: 404.
  'DELETE /api/v1/auth/tokens/{id}': row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
  'POST /api/v1/auth/password': SIGNED_IN,
  // A valid one-time link works for whoever holds it.
  'POST /api/v1/auth/invitation': ALL_OK,
  'POST /api/v1/auth/password-reset': ALL_OK,
  // No setup link exists once an administrator does.
  'POST /api/v1/auth/setup': NOWHERE,
  // The test app has no identity provider configured: institutional sign-in is 404 for all.
  'GET /api/v1/auth/oidc/start': NOWHERE,
  'GET /api/v1/auth/oidc/callback': NOWHERE,
  'GET /api/v1/users': ADMIN_ONLY,
  'POST /api/v1/users/invitations': ADMIN_ONLY,
  'GET /api/v1/users/{id}': ADMIN_ONLY,
  'PATCH /api/v1/users/{id}': ADMIN_ONLY,
  'PUT /api/v1/users/{id}/assignments': ADMIN_ONLY,
  'POST /api/v1/users/{id}/reset-link': ADMIN_ONLY,
  // The history of school A's element: signed-in readers of that element.
  'GET /api/v1/audit/{entityType}/{id}': row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
  'GET /api/v1/audit': OFFICE_ONLY,
  'GET /api/v1/audit.csv': OFFICE_ONLY,
};

/** The areas kept in test/support/matrix/ (one file each), merged into EXPECTED. */
const AREAS = await loadMatrixAreas();
const AREA_OF = new Map<string, (typeof AREAS)[number]>();
for (const area of AREAS) {
  for (const [key, outcomes] of Object.entries(area.rows)) {
    if (key in EXPECTED) throw new Error(`${key}: row of ${area.name} given twice`);
    EXPECTED[key] = outcomes;
    AREA_OF.set(key, area);
  }
}

/** Rows × roles that fail because of a known bug in src/ (kept as `it.fails`): none now. */
const KNOWN_BUGS: Record<string, string> = {};

type Req = MatrixRequest;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const PASSWORD = 'a long enough passphrase for the matrix';

describeEachEngine('role matrix', (engine) => {
  let t: TestApp;
  let roles: Roles;
  let target = '';
  let serial = 0;
  const cookieOf = (role: RoleName) => roles.cookies[role];
  const next = () => String(++serial);

  beforeAll(async () => {
    t = await openTestApp(engine);
    roles = await setupRoles(t, 'MX');
    target = await createAccount(t, { email: 'target@roles.example', role: 'contributor' });
    await createAccount(t, { email: 'login@roles.example', role: 'governance' });
    for (const area of AREAS) await area.setup?.(context());
  });
  afterAll(async () => {
    await t.close();
  });

  const etagOf = async (url: string, cookie = cookieOf('office')) =>
    (await must<{ etag: string }>(t, cookie, 'GET', url)).etag;

  const context = (): MatrixContext => ({ t, roles, next, etagOf, cookieOf });

  /** The request each role sends for a row. */
  async function requestFor(key: string, role: RoleName): Promise<Req> {
    const area = AREA_OF.get(key);
    if (area) return area.request(key, role, context());
    const { ids } = roles;
    const n = next();
    switch (key) {
      case 'GET /api/health':
        return { method: 'GET', url: '/api/health' };
      case 'GET /api/v1/workspace':
        return { method: 'GET', url: '/api/v1/workspace' };
      case 'GET /api/v1/dashboard':
        return { method: 'GET', url: `/api/v1/dashboard?planId=${ids.plans.a.id}` };
      case 'GET /api/v1/plans/{planId}/tree':
        return { method: 'GET', url: `/api/v1/plans/${ids.plans.a.id}/tree` };
      case 'GET /api/v1/alignment':
        return { method: 'GET', url: `/api/v1/alignment?planId=${ids.plans.b.id}` };
      case 'GET /api/v1/elements/{id}':
        return { method: 'GET', url: `/api/v1/elements/${ids.elementA}` };
      case 'PATCH /api/v1/elements/{id}': {
        const id = role === 'anonymous' ? ids.groupElement : ids.elementA;
        const url = `/api/v1/elements/${id}`;
        return {
          method: 'PATCH',
          url,
          payload: { lead: `Matrix ${role} ${n}` },
          headers: { 'if-match': await etagOf(url) },
        };
      }
      case 'POST /api/v1/plans/{planId}/elements': {
        const plan = role === 'anonymous' ? ids.plans.group : ids.plans.a;
        return {
          method: 'POST',
          url: `/api/v1/plans/${plan.id}/elements`,
          payload: {
            parentId: null,
            code: `MX-EL-${n}`,
            level: plan.levels[0],
            title: { fr: `Élément ${n}`, en: `Element ${n}` },
          },
        };
      }
      case 'GET /api/v1/units/{id}':
        return { method: 'GET', url: `/api/v1/units/${ids.units.a}` };
      case 'GET /api/v1/search':
        return { method: 'GET', url: '/api/v1/search?q=ecologique' };
      case 'GET /api/v1/indicators':
        return { method: 'GET', url: `/api/v1/indicators?unitId=${ids.units.a}` };
      case 'POST /api/v1/indicators':
        return {
          method: 'POST',
          url: '/api/v1/indicators',
          payload: {
            code: `MX-IND-${n}`,
            name: { fr: `Indicateur ${n}`, en: `Indicator ${n}` },
            direction: 'increase',
            frequency: 'year',
            ownerUnitId: ids.units.a,
          },
        };
      case 'GET /api/v1/indicators/{id}':
        return { method: 'GET', url: `/api/v1/indicators/${ids.confidentialIndicator}` };
      case 'PATCH /api/v1/indicators/{id}': {
        const url = `/api/v1/indicators/${ids.indicatorA}`;
        return {
          method: 'PATCH',
          url,
          payload: { owner: `Matrix ${role} ${n}` },
          headers: { 'if-match': await etagOf(url) },
        };
      }
      case 'GET /api/v1/indicators/{id}/measurements':
        return {
          method: 'GET',
          url: `/api/v1/indicators/${ids.confidentialIndicator}/measurements?history=true`,
        };
      case 'POST /api/v1/indicators/{id}/measurements': {
        const unitId = role === 'anonymous' || role === 'schoolB' ? ids.units.group : ids.units.a;
        return {
          method: 'POST',
          url: `/api/v1/indicators/${ids.indicatorA}/measurements`,
          payload: {
            unitId,
            period: String(2040 + ROLE_NAMES.indexOf(role)),
            value: 10,
            provenance: 'estimated',
          },
        };
      }
      case 'GET /api/v1/actions':
        return { method: 'GET', url: '/api/v1/actions' };
      case 'POST /api/v1/actions':
        return {
          method: 'POST',
          url: '/api/v1/actions',
          payload: {
            code: `MX-ACT-${n}`,
            title: { fr: `Action ${n}`, en: `Action ${n}` },
            leadUnitId: ids.units.a,
          },
        };
      case 'GET /api/v1/actions/{id}':
        return { method: 'GET', url: `/api/v1/actions/${ids.actionA}` };
      case 'PATCH /api/v1/actions/{id}': {
        const url = `/api/v1/actions/${ids.actionA}`;
        return {
          method: 'PATCH',
          url,
          payload: { owner: `Matrix ${role} ${n}` },
          headers: { 'if-match': await etagOf(url) },
        };
      }
      case 'GET /api/v1/auth/me':
        return { method: 'GET', url: '/api/v1/auth/me' };
      case 'POST /api/v1/auth/login':
        return {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'login@roles.example', password: TEST_PASSWORD },
        };
      case 'POST /api/v1/auth/logout':
        return { method: 'POST', url: '/api/v1/auth/logout', cookie: await freshSession(role) };
      case 'GET /api/v1/auth/sessions':
        return { method: 'GET', url: '/api/v1/auth/sessions' };
      case 'POST /api/v1/auth/sessions/end-all':
        return {
          method: 'POST',
          url: '/api/v1/auth/sessions/end-all',
          cookie: await freshSession(role),
          endsSessions: true,
        };
      case 'GET /api/v1/auth/tokens':
        return { method: 'GET', url: '/api/v1/auth/tokens' };
      case 'POST /api/v1/auth/tokens':
        return {
          method: 'POST',
          url: '/api/v1/auth/tokens',
          payload: { name: `matrix ${n}`, scope: 'read', expiresInDays: 7 },
        };
      case 'DELETE /api/v1/auth/tokens/{id}': {
        const owner = role === 'anonymous' || role === 'schoolB' ? 'schoolA' : role;
        const token = await must<{ id: string }>(
          t,
          cookieOf(owner),
          'POST',
          '/api/v1/auth/tokens',
          {
            name: `to revoke ${n}`,
            scope: 'read',
            expiresInDays: 1,
          },
        );
        return { method: 'DELETE', url: `/api/v1/auth/tokens/${token.id}` };
      }
      case 'POST /api/v1/auth/password':
        return {
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { current: TEST_PASSWORD, next: TEST_PASSWORD },
        };
      case 'POST /api/v1/auth/invitation': {
        const link = await must<{ token: string }>(
          t,
          cookieOf('admin'),
          'POST',
          '/api/v1/users/invitations',
          { email: `invited.${n}@roles.example`, role: 'contributor' },
        );
        return {
          method: 'POST',
          url: '/api/v1/auth/invitation',
          payload: { token: link.token, password: PASSWORD },
        };
      }
      case 'POST /api/v1/auth/password-reset': {
        const link = await must<{ token: string }>(
          t,
          cookieOf('admin'),
          'POST',
          `/api/v1/users/${target}/reset-link`,
        );
        return {
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { token: link.token, password: PASSWORD },
        };
      }
      case 'POST /api/v1/auth/setup':
        return {
          method: 'POST',
          url: '/api/v1/auth/setup',
          payload: {
            token: 'no-such-setup-link-0123456789',
            email: `setup.${n}@roles.example`,
            password: PASSWORD,
          },
        };
      case 'GET /api/v1/auth/oidc/start':
        return { method: 'GET', url: '/api/v1/auth/oidc/start?next=%2Fdashboard' };
      case 'GET /api/v1/auth/oidc/callback':
        return { method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc&state=def' };
      case 'GET /api/v1/users':
        return { method: 'GET', url: '/api/v1/users' };
      case 'POST /api/v1/users/invitations':
        return {
          method: 'POST',
          url: '/api/v1/users/invitations',
          payload: { email: `invitation.${n}@roles.example`, role: 'unit_editor' },
        };
      case 'GET /api/v1/users/{id}':
        return { method: 'GET', url: `/api/v1/users/${target}` };
      case 'PATCH /api/v1/users/{id}': {
        // The strategy office may not read accounts: the admin reads the ETag.
        const url = `/api/v1/users/${target}`;
        return {
          method: 'PATCH',
          url,
          payload: { displayName: `Matrix ${role}` },
          headers: { 'if-match': await etagOf(url, cookieOf('admin')) },
        };
      }
      case 'PUT /api/v1/users/{id}/assignments':
        return {
          method: 'PUT',
          url: `/api/v1/users/${target}/assignments`,
          payload: { elementIds: [], indicatorIds: [roles.ids.indicatorA], actionIds: [] },
        };
      case 'POST /api/v1/users/{id}/reset-link':
        return { method: 'POST', url: `/api/v1/users/${target}/reset-link` };
      case 'GET /api/v1/audit/{entityType}/{id}':
        return { method: 'GET', url: `/api/v1/audit/element/${ids.elementA}` };
      case 'GET /api/v1/audit':
        return { method: 'GET', url: '/api/v1/audit?from=2020-01-01' };
      case 'GET /api/v1/audit.csv':
        return { method: 'GET', url: '/api/v1/audit.csv?from=2020-01-01' };
      default:
        throw new Error(`no request written for the row ${key}`);
    }
  }

  /** A new session of the role's account (for rows that end sessions); '' for anonymous. */
  async function freshSession(role: RoleName): Promise<string> {
    return role === 'anonymous' ? '' : signIn(t, EMAILS[role]);
  }

  it('has a row for every operation of the OpenAPI document, and none for a removed one', async () => {
    const doc = await must<{ paths: Record<string, Record<string, unknown>> }>(
      t,
      '',
      'GET',
      '/api/openapi.json',
    );
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => HTTP_METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(30);
    const problems = [
      ...operations
        .filter((op) => !(op in EXPECTED))
        .map((op) => `new route without a row in the role matrix: ${op}`),
      ...Object.keys(EXPECTED)
        .filter((key) => !operations.includes(key))
        .map((key) => `row for a route that no longer exists: ${key}`),
    ];
    expect(problems).toEqual([]);
  });

  it('writes with a stale or missing If-Match are refused even for a permitted role', async () => {
    const url = `/api/v1/elements/${roles.ids.elementA}`;
    const before = await must<ElementDetail>(t, cookieOf('schoolA'), 'GET', url);
    const missing = await send(t, cookieOf('schoolA'), 'PATCH', url, { lead: 'no etag' });
    expect(missing.status).toBe(428);
    const stale = await send(
      t,
      cookieOf('schoolA'),
      'PATCH',
      url,
      { lead: 'stale' },
      {
        'if-match': `"e-${roles.ids.elementA}-v${String(before.element.version - 1)}"`,
      },
    );
    expect(stale.status).toBe(412);
  });

  for (const [key, outcomes] of Object.entries(EXPECTED)) {
    for (const role of ROLE_NAMES) {
      const expected = outcomes[role];
      const title = `${key} as ${role} → ${String(expected)}`;
      const bug = KNOWN_BUGS[`${key} ${role}`];
      const test = bug === undefined ? it : it.fails;
      test(title, async () => {
        const req = await requestFor(key, role);
        const res = await send(
          t,
          req.cookie ?? cookieOf(role),
          req.method,
          req.url,
          req.payload,
          req.headers,
        );
        if (req.endsSessions && role !== 'anonymous') {
          roles.cookies[role] = await signIn(t, EMAILS[role]);
        }
        const what = `${req.method} ${req.url} as ${role} → ${String(res.status)} ${res.body.slice(0, 300)}`;
        if (expected === 'ok') {
          expect(res.status >= 200 && res.status < 300, what).toBe(true);
        } else {
          expect(res.status, what).toBe(expected);
          const problem = res.json<Problem>();
          expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
          expect(problem.status, what).toBe(expected);
        }
      });
    }
  }
});
