/**
 * The principals of the access-control tests (SECURITY-BAR 8–13) and the ids they need, set up
 * through the API on a seeded test app: an anonymous (public) reader, the editors of two schools
 * (A = IMT-ALES, B = IMT-ALBI), a contributor of school A with one assigned element, indicator
 * and action, the strategy office, governance and an administrator.
 *
 * Accounts are created by the machine operator (`createAccount`); everything else goes through
 * the HTTP API: ids are looked up as the strategy office, the test's own indicators and actions
 * are created as the strategy office, and the contributor's assignments are set by the admin.
 */
import type { LightMyRequestResponse } from 'fastify';
import type {
  ActionDetail,
  IndicatorDetail,
  PlanTree,
  UnitPage,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { createAccount, signIn, type TestApp } from './app.ts';

export const ROLE_NAMES = [
  'anonymous',
  'schoolA',
  'schoolB',
  'contributor',
  'office',
  'governance',
  'admin',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
export type SignedInRole = Exclude<RoleName, 'anonymous'>;

/** School A and school B of the tests. */
export const SCHOOL_A = 'IMT-ALES';
export const SCHOOL_B = 'IMT-ALBI';
export const GROUP = 'IMT';

/** The e-mail of each signed-in principal. */
export const EMAILS: Record<SignedInRole, string> = {
  schoolA: 'editor.ales@roles.example',
  schoolB: 'editor.albi@roles.example',
  contributor: 'contributor.ales@roles.example',
  office: 'strategy.office@roles.example',
  governance: 'governance@roles.example',
  admin: 'admin@roles.example',
};

/** A well-formed UUID that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-00000000beef';

export interface PlanIds {
  id: string;
  /** Level keys, root first. */
  levels: string[];
}

export interface RoleIds {
  units: { group: string; a: string; b: string };
  plans: { group: PlanIds; a: PlanIds; b: PlanIds };
  /** A priority of the group plan. */
  groupElement: string;
  /** An element of school A's plan that aligns to a group element (assigned to the contributor). */
  elementA: string;
  /** An element of school B's plan that aligns to a group element. */
  elementB: string;
  /** The group element `elementA` serves, and the one `elementB` serves. */
  groupElementOfA: string;
  groupElementOfB: string;
  /** A public yearly indicator owned by school A, reported by A and B (assigned to the contributor). */
  indicatorA: string;
  /** A confidential (isPublic: false) yearly indicator reported by A and B. */
  confidentialIndicator: string;
  /** An action led by school A only, and one led by school B only. */
  actionA: string;
  actionB: string;
  facetValue: string;
  users: Record<SignedInRole, string>;
}

export interface Roles {
  /** The Cookie header of each principal ('' for anonymous). */
  cookies: Record<RoleName, string>;
  ids: RoleIds;
}

export interface Sent {
  status: number;
  headers: LightMyRequestResponse['headers'];
  body: string;
  json<T>(): T;
}

/**
 * Sends one request through `app.inject` as the holder of `cookie`: a JSON body when `payload`
 * is given (an object, or a raw string sent as is), never an Origin header.
 */
export async function send(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const res = await t.app.inject({
    method,
    url,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(payload !== undefined && {
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    }),
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: res.body,
    json: <T>() => JSON.parse(res.body) as T,
  };
}

/** Like `send`, but throws unless the answer is 2xx; returns the parsed body. */
export async function must<T>(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await send(t, cookie, method, url, payload, headers);
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${method} ${url} → ${res.status}: ${res.body.slice(0, 500)}`);
  }
  return res.json<T>();
}

function unitId(overview: WorkspaceOverview, code: string): string {
  const unit = overview.units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code} in the seed`);
  return unit.id;
}

function planOf(overview: WorkspaceOverview, unit: string): PlanIds {
  const plans = overview.plans.filter((p) => p.unitId === unit);
  const plan = plans.find((p) => p.status === 'adopted') ?? plans[0];
  if (!plan) throw new Error(`no plan for unit ${unit}`);
  return { id: plan.id, levels: plan.levels.map((l) => l.key) };
}

/** An element of a school's plan that aligns to a group element, with that group element. */
async function alignedElement(
  t: TestApp,
  office: string,
  unit: string,
): Promise<{ element: string; target: string }> {
  const page = await must<UnitPage>(t, office, 'GET', `/api/v1/units/${unit}`);
  const aligned = page.plan?.elements.find((e) => e.alignsTo.length > 0);
  const target = aligned?.alignsTo[0];
  if (!aligned || !target) throw new Error(`no aligned element in the plan of unit ${unit}`);
  return { element: aligned.element.id, target: target.id };
}

/**
 * Creates the seven principals on a seeded test app and the few things the tests need: an
 * indicator owned by school A, a confidential indicator, an action led by A and one led by B.
 * `tag` keeps codes unique when called twice on one database.
 */
export async function setupRoles(t: TestApp, tag = 'R'): Promise<Roles> {
  const users = {} as Record<SignedInRole, string>;
  users.admin = await createAccount(t, { email: EMAILS.admin, role: 'admin' });
  users.office = await createAccount(t, { email: EMAILS.office, role: 'strategy_office' });
  users.governance = await createAccount(t, { email: EMAILS.governance, role: 'governance' });
  users.schoolA = await createAccount(t, {
    email: EMAILS.schoolA,
    role: 'unit_editor',
    unitCodes: [SCHOOL_A],
  });
  users.schoolB = await createAccount(t, {
    email: EMAILS.schoolB,
    role: 'unit_editor',
    unitCodes: [SCHOOL_B],
  });
  users.contributor = await createAccount(t, {
    email: EMAILS.contributor,
    role: 'contributor',
    unitCodes: [SCHOOL_A],
  });
  const cookies: Record<RoleName, string> = {
    anonymous: '',
    schoolA: await signIn(t, EMAILS.schoolA),
    schoolB: await signIn(t, EMAILS.schoolB),
    contributor: await signIn(t, EMAILS.contributor),
    office: await signIn(t, EMAILS.office),
    governance: await signIn(t, EMAILS.governance),
    admin: await signIn(t, EMAILS.admin),
  };
  const office = cookies.office;

  const overview = await must<WorkspaceOverview>(t, office, 'GET', '/api/v1/workspace');
  const units = {
    group: unitId(overview, GROUP),
    a: unitId(overview, SCHOOL_A),
    b: unitId(overview, SCHOOL_B),
  };
  const plans = {
    group: planOf(overview, units.group),
    a: planOf(overview, units.a),
    b: planOf(overview, units.b),
  };
  const groupTree = await must<PlanTree>(t, office, 'GET', `/api/v1/plans/${plans.group.id}/tree`);
  const priority = groupTree.nodes.find((n) => n.parentId !== null);
  if (!priority) throw new Error('the group plan has no second level');
  const ofA = await alignedElement(t, office, units.a);
  const ofB = await alignedElement(t, office, units.b);
  const facetValue = overview.facets[0]?.values[0]?.id;
  if (!facetValue) throw new Error('no facet value in the seed');

  const indicatorA = await must<IndicatorDetail>(t, office, 'POST', '/api/v1/indicators', {
    code: `${tag}-IND-A`,
    name: { fr: 'Indicateur de l’école A', en: 'School A indicator' },
    direction: 'increase',
    frequency: 'year',
    ownerUnitId: units.a,
    isPublic: true,
    unitIds: [units.a, units.b],
    elementIds: [ofA.element],
  });
  const confidential = await must<IndicatorDetail>(t, office, 'POST', '/api/v1/indicators', {
    code: `${tag}-IND-CONF`,
    name: { fr: 'Indicateur confidentiel', en: 'Confidential indicator' },
    direction: 'increase',
    frequency: 'year',
    isPublic: false,
    unitIds: [units.a, units.b],
    elementIds: [priority.id],
  });
  const action = (code: string, lead: string, element: string) =>
    must<ActionDetail>(t, office, 'POST', '/api/v1/actions', {
      code,
      title: { fr: `Action ${code}`, en: `Action ${code}` },
      leadUnitId: lead,
      unitIds: [lead],
      elementIds: [element],
      startDate: '2024-01-01',
      dueDate: '2027-06-30',
      state: 'in_progress',
      progress: 20,
    });
  const actionA = await action(`${tag}-ACT-A`, units.a, ofA.element);
  const actionB = await action(`${tag}-ACT-B`, units.b, ofB.element);

  await must(t, cookies.admin, 'PUT', `/api/v1/users/${users.contributor}/assignments`, {
    elementIds: [ofA.element],
    indicatorIds: [indicatorA.indicator.id],
    actionIds: [actionA.action.id],
  });

  return {
    cookies,
    ids: {
      units,
      plans,
      groupElement: priority.id,
      elementA: ofA.element,
      elementB: ofB.element,
      groupElementOfA: ofA.target,
      groupElementOfB: ofB.target,
      indicatorA: indicatorA.indicator.id,
      confidentialIndicator: confidential.indicator.id,
      actionA: actionA.action.id,
      actionB: actionB.action.id,
      facetValue,
      users,
    },
  };
}
