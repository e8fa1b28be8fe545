/**
 * Canaries and id guessing (SECURITY-BAR 9, 10, 11, 15). A distinct canary string is written,
 * as the strategy office, into each school's own data: its plan element (title and
 * description), an action it leads (title and description), and its figures (note and source on
 * a confidential indicator, a note on a public one). Then every GET route of the OpenAPI
 * document is walked as school A's editor with every id there is (and the anonymous reader and
 * school B's editor, for the mirror image): no answer may hold school B's canary, while school
 * A's must show up where A may read it (so a walk that reached nothing would fail).
 *
 * Also: school A using school B's ids gets the very answer an unknown id gets (9); fields the
 * caller may not set are refused with 400 naming the field and change nothing (11); prototype
 * keys in JSON bodies are refused and change nothing (15). Runs on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActionCard,
  ActionDetail,
  CycleDetail,
  ElementDetail,
  IndicatorListItem,
  Measurement,
  PlanTree,
  Problem,
  SearchResult,
  User,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { plainLink, plantConsultation } from '../support/consultations.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { must, send, setupRoles, UNKNOWN_ID, type RoleName, type Roles } from '../support/roles.ts';

const CANARY_A = 'CANARY-ALES-kx4v';
const CANARY_B = 'CANARY-ALBI-qz7w';
/** Words searched for: the canaries, parts of them, and ordinary words of the seed. */
const SEARCH_WORDS = [
  'CANARY',
  CANARY_A,
  CANARY_B,
  'ALBI qz7w',
  'qz7w',
  'kx4v',
  'canary albi',
  'Element',
  'Action',
  'ecologique',
  'recherche',
  'formation',
  'Albi',
  'Ales',
  'numérique',
];
const A_DAY = '2025-06-30';

interface OpenApiParameter {
  name: string;
  in: string;
  schema: {
    type?: string;
    format?: string;
    enum?: string[];
    anyOf?: { enum?: string[] }[];
  };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

interface Seen {
  route: string;
  url: string;
  status: number;
  /** What the reader received, without an echo of what it sent (search's `query`). */
  text: string;
}

/** Every id of the workspace, as the strategy office and the admin see them. */
interface Pools {
  plans: string[];
  elements: string[];
  units: string[];
  indicators: string[];
  actions: string[];
  users: string[];
  risks: string[];
  consultations: string[];
  consult: string[];
  partners: string[];
  agreements: string[];
  contacts: string[];
  fundingLines: string[];
  cycles: string[];
  checkIns: string[];
}

const contains = (text: string, canary: string) =>
  text.toLowerCase().includes(canary.toLowerCase());

/** An answer as compared between two requests: status and problem, but not the request id. */
function shape(res: { status: number; body: string }) {
  const { requestId, ...problem } = JSON.parse(res.body) as Problem;
  return { answered: res.status, requestIdPresent: typeof requestId === 'string', ...problem };
}

/** A cycle over both schools' elements and actions, each check-in's text carrying its school's canary. */
async function plantCheckIns(t: TestApp, office: string, ids: Roles['ids']) {
  const cycle = await must<CycleDetail>(t, office, 'POST', '/api/v1/cycles', {
    code: 'CN-CYCLE',
    title: { fr: 'Cycle', en: 'Cycle' },
    period: '2024',
    opensOn: '2024-01-01',
    dueOn: '2030-01-01',
    elementIds: [ids.elementA, ids.elementB],
    actionIds: [ids.actionA, ids.actionB],
  });
  for (const item of cycle.items) {
    const canary = item.unit.id === ids.units.a ? CANARY_A : CANARY_B;
    await must(t, office, 'POST', `/api/v1/check-ins/${item.id}/entries`, {
      action: 'save',
      summary: `Summary ${canary}`,
      risks: `Risks ${canary}`,
    });
  }
  return { cycles: [cycle.cycle.id], checkIns: cycle.items.map((i) => i.id) };
}

describeEachEngine('canaries and id guessing', (engine) => {
  let t: TestApp;
  let roles: Roles;
  let pools: Pools;
  const registry = { partners: [] as string[] };
  let doc: OpenApiDoc;
  const cookie = (role: RoleName) => roles.cookies[role];
  const office = () => cookie('office');

  beforeAll(async () => {
    t = await openTestApp(engine);
    roles = await setupRoles(t, 'CN');
    const { ids } = roles;

    // Each school's canary, written by the strategy office into the school's own data.
    const plant = async (
      canary: string,
      element: string,
      action: string,
      unit: string,
      groupElement: string,
    ) => {
      const elementUrl = `/api/v1/elements/${element}`;
      const el = await must<ElementDetail>(t, office(), 'GET', elementUrl);
      await must(
        t,
        office(),
        'PATCH',
        elementUrl,
        {
          title: { fr: `Élément ${canary}`, en: `Element ${canary}` },
          description: { fr: `Description ${canary}`, en: `Description ${canary}` },
        },
        { 'if-match': el.etag },
      );
      const actionUrl = `/api/v1/actions/${action}`;
      const act = await must<ActionDetail>(t, office(), 'GET', actionUrl);
      await must(
        t,
        office(),
        'PATCH',
        actionUrl,
        {
          title: { fr: `Action ${canary}`, en: `Action ${canary}` },
          description: { fr: `Objet ${canary}`, en: `Purpose ${canary}` },
          // Overdue, and linked to a group priority: it belongs on the group's attention list.
          startDate: '2023-01-01',
          dueDate: '2024-01-01',
          state: 'in_progress',
          elementIds: [element, groupElement],
        },
        { 'if-match': act.etag },
      );
      // A risk of the school, overdue for review: on its readers' attention list.
      await must(t, office(), 'POST', '/api/v1/risks', {
        code: `RSK-${canary}`,
        title: { fr: `Risque ${canary}`, en: `Risk ${canary}` },
        description: { fr: `Risque ${canary}`, en: `Risk ${canary}` },
        unitId: unit,
        likelihood: 4,
        impact: 5,
        reviewOn: '2024-01-01',
        elementIds: [element],
        actionIds: [action],
      });
      const figures = `/api/v1/indicators/${ids.confidentialIndicator}/measurements`;
      const first = await must<Measurement>(t, office(), 'POST', figures, {
        unitId: unit,
        period: '2024',
        value: 40,
        provenance: 'official',
        source: `Source ${canary}`,
        note: `Note ${canary}`,
      });
      await must(
        t,
        office(),
        'POST',
        figures,
        {
          unitId: unit,
          period: '2024',
          value: 42,
          provenance: 'official',
          source: `Source ${canary}`,
          note: `Correction ${canary}`,
        },
        { 'if-match': first.etag },
      );
      // A public indicator publishes every unit's values and sources, never its notes.
      await must(t, office(), 'POST', `/api/v1/indicators/${ids.indicatorA}/measurements`, {
        unitId: unit,
        period: '2024',
        value: 7,
        provenance: 'estimated',
        source: 'Published source',
        note: `Public note ${canary}`,
      });
      // The partner registry: an agreement and a funding line of the school, and a contact of a
      // partner only that school deals with.
      const partner = await must<{ partner: { id: string } }>(
        t,
        office(),
        'POST',
        '/api/v1/partners',
        {
          name: `Partner of ${unit}`,
          kind: 'company',
          country: 'FR',
        },
      );
      await must(t, office(), 'POST', '/api/v1/agreements', {
        partnerId: partner.partner.id,
        kind: 'joint_lab',
        title: { fr: `Accord ${canary}`, en: `Agreement ${canary}` },
        description: { fr: `Objet ${canary}`, en: `Purpose ${canary}` },
        scale: 'regional',
        unitIds: [unit],
        elementIds: [element, groupElement],
        actionIds: [action],
      });
      await must(t, office(), 'POST', `/api/v1/partners/${partner.partner.id}/contacts`, {
        fullName: `Contact ${canary}`,
        email: `${canary.toLowerCase()}@canary.example`,
        purpose: `Purpose ${canary}`,
        legalBasis: 'contract',
      });
      await must(t, office(), 'POST', '/api/v1/funding-lines', {
        title: { fr: `Financement ${canary}`, en: `Funding ${canary}` },
        programme: 'erdf',
        funder: `Funder ${canary}`,
        unitId: unit,
        actionIds: [action],
        amounts: [{ year: 2025, plannedCents: 100, committedCents: 0, spentCents: 0 }],
      });
      registry.partners.push(partner.partner.id);
    };
    await plant(CANARY_A, ids.elementA, ids.actionA, ids.units.a, ids.groupElementOfA);
    await plant(CANARY_B, ids.elementB, ids.actionB, ids.units.b, ids.groupElementOfB);
    const consultations = [
      await plantConsultation(t, office(), ids.units.a, ids.elementA, CANARY_A),
      await plantConsultation(t, office(), ids.units.b, ids.elementB, CANARY_B),
    ];
    const plain = await plainLink(t, office(), ids.units.group, 'CN-PLAIN');

    doc = await must<OpenApiDoc>(t, '', 'GET', '/api/openapi.json');
    const overview = await must<WorkspaceOverview>(t, office(), 'GET', '/api/v1/workspace');
    const elements: string[] = [];
    for (const plan of overview.plans) {
      const tree = await must<PlanTree>(t, office(), 'GET', `/api/v1/plans/${plan.id}/tree`);
      elements.push(...tree.nodes.map((n) => n.id));
    }
    const indicators = await must<{ items: IndicatorListItem[] }>(
      t,
      office(),
      'GET',
      '/api/v1/indicators?limit=500',
    );
    const actions = await must<{ items: ActionCard[] }>(
      t,
      office(),
      'GET',
      '/api/v1/actions?limit=500',
    );
    const users = await must<{ items: User[] }>(t, cookie('admin'), 'GET', '/api/v1/users');
    const risks = await must<{ items: { id: string }[] }>(t, office(), 'GET', '/api/v1/risks');
    pools = {
      plans: overview.plans.map((p) => p.id),
      elements,
      units: overview.units.map((u) => u.id),
      indicators: indicators.items.map((i) => i.card.id),
      actions: actions.items.map((a) => a.id),
      users: users.items.map((u) => u.id),
      risks: risks.items.map((r) => r.id),
      consultations: [...consultations, plain.id],
      consult: plain.links,
      partners: (
        await must<{ items: { id: string }[] }>(t, office(), 'GET', '/api/v1/partners?limit=500')
      ).items.map((p) => p.id),
      agreements: (
        await must<{ items: { id: string }[] }>(t, office(), 'GET', '/api/v1/agreements?limit=500')
      ).items.map((a) => a.id),
      contacts: (
        await Promise.all(
          registry.partners.map((p) =>
            must<{ items: { id: string }[] }>(t, office(), 'GET', `/api/v1/partners/${p}/contacts`),
          ),
        )
      ).flatMap((r) => r.items.map((c) => c.id)),
      fundingLines: (
        await must<{ items: { id: string }[] }>(
          t,
          office(),
          'GET',
          '/api/v1/funding-lines?limit=500',
        )
      ).items.map((l) => l.id),
      ...(await plantCheckIns(t, office(), ids)),
    };
  });
  afterAll(async () => {
    await t.close();
  });

  /** The ids a path parameter takes, by the collection it follows. */
  function pathPool(path: string, param: string): string[] | null {
    const before = path.split('/').at(path.split('/').indexOf(`{${param}}`) - 1);
    switch (before) {
      case 'plans':
        return pools.plans;
      case 'elements':
        return pools.elements;
      case 'units':
        return pools.units;
      case 'indicators':
        return pools.indicators;
      case 'actions':
        return pools.actions;
      case 'users':
        return pools.users;
      case 'risks':
        return pools.risks;
      case 'consultations':
        return pools.consultations;
      case 'consult':
        return pools.consult;
      case 'partners':
        return pools.partners;
      case 'agreements':
        return pools.agreements;
      case 'contacts':
        return pools.contacts;
      case 'funding-lines':
        return pools.fundingLines;
      case 'cycles':
        return pools.cycles;
      case 'check-ins':
        return pools.checkIns;
      default:
        return null;
    }
  }

  /** The values a query parameter is walked with. */
  function queryValues(param: OpenApiParameter): string[] | null {
    const enumValues = param.schema.enum ?? param.schema.anyOf?.flatMap((s) => s.enum ?? []);
    if (enumValues && enumValues.length > 0) return enumValues;
    switch (param.name) {
      case 'planId':
        return pools.plans;
      case 'unitId':
        return pools.units;
      case 'elementId':
        return pools.elements;
      case 'partnerId':
        return pools.partners;
      case 'cycleId':
        return pools.cycles;
      case 'actionId':
        return pools.actions;
      case 'q':
        return SEARCH_WORDS;
      default:
    }
    if (param.schema.format === 'uuid') return null;
    if (param.schema.type === 'boolean') return ['true'];
    if (param.schema.format === 'date') return [A_DAY];
    if (param.schema.type === 'integer') return [param.name === 'offset' ? '0' : '500'];
    return ['/dashboard'];
  }

  /** Every URL of every GET route: path ids from the pools, then each query value in turn. */
  function walkUrls(): { route: string; url: string }[] {
    const urls: { route: string; url: string }[] = [];
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op) continue;
      const params = op.parameters ?? [];
      let bases = [path];
      for (const p of params.filter((x) => x.in === 'path')) {
        if (p.name === 'entityType' || (p.schema.enum ?? []).length > 0) {
          const kinds = queryValues(p) ?? [];
          bases = bases.flatMap((b) => kinds.map((k) => b.replace(`{${p.name}}`, k)));
          continue;
        }
        const expand = (b: string): string[] => {
          const kind = b.includes('/audit/') ? b.split('/').at(-2) : undefined;
          const pool =
            kind !== undefined
              ? {
                  element: pools.elements,
                  indicator: pools.indicators,
                  action: pools.actions,
                  risk: pools.risks,
                }[kind]
              : pathPool(path, p.name);
          if (!pool) {
            missing.push(`${path} {${p.name}}`);
            return [];
          }
          return pool.map((id) => b.replace(`{${p.name}}`, id));
        };
        bases = bases.flatMap(expand);
      }
      const query = params.filter((x) => x.in === 'query');
      const flags = query.filter((q) => q.schema.type === 'boolean').map((q) => `${q.name}=true`);
      // A list is walked with every id of each filter; a page of one thing (already walked
      // with every id of its path) with the ids of the group and the two schools only.
      const onePage = bases.length > 1;
      const few = [roles.ids.units.group, roles.ids.units.a, roles.ids.units.b];
      const variants = [
        '',
        ...(flags.length > 0 ? [flags.join('&')] : []),
        ...query
          .filter((q) => q.schema.type !== 'boolean')
          .filter((q) => !(onePage && q.schema.format === 'date'))
          .flatMap((q) => {
            const values = onePage && q.schema.format === 'uuid' ? few : queryValues(q);
            if (!values) {
              missing.push(`${path} ?${q.name}`);
              return [];
            }
            return values.map((v) => [`${q.name}=${encodeURIComponent(v)}`, ...flags].join('&'));
          }),
      ];
      for (const base of bases) {
        for (const v of variants) {
          // A required query parameter (search's q) is only walked with a value.
          if (v === '' && query.some((q) => q.name === 'q')) continue;
          urls.push({ route: `GET ${path}`, url: v ? `${base}?${v}` : base });
        }
      }
    }
    expect(missing, 'GET parameters the walk has no ids for').toEqual([]);
    return urls;
  }

  /** Bad requests as `role`, several with school B's ids: their errors are read too. */
  async function badRequests(role: RoleName): Promise<Seen[]> {
    const { ids } = roles;
    const c = cookie(role);
    const actionA = await must<ActionDetail>(t, office(), 'GET', `/api/v1/actions/${ids.actionA}`);
    const codeOfB = (await must<ActionDetail>(t, office(), 'GET', `/api/v1/actions/${ids.actionB}`))
      .action.code;
    const figures = `/api/v1/indicators/${ids.confidentialIndicator}/measurements`;
    const requests: [
      string,
      'GET' | 'POST' | 'PATCH',
      string,
      unknown?,
      Record<string, string>?,
    ][] = [
      ['bad date', 'GET', `/api/v1/elements/${ids.elementB}?asOf=2023-02-30`],
      ['bad uuid', 'GET', `/api/v1/elements/${ids.elementB.slice(0, 30)}`],
      ['bad body', 'PATCH', `/api/v1/elements/${ids.elementB}`, { weight: -1 }],
      ['no etag', 'PATCH', `/api/v1/elements/${ids.elementB}`, { lead: 'x' }],
      [
        'hidden link',
        'PATCH',
        `/api/v1/actions/${ids.actionA}`,
        { elementIds: [ids.elementB] },
        { 'if-match': actionA.etag },
      ],
      [
        'taken code',
        'PATCH',
        `/api/v1/actions/${ids.actionA}`,
        { code: codeOfB },
        { 'if-match': actionA.etag },
      ],
      [
        'hidden unit',
        'POST',
        figures,
        { unitId: ids.units.b, period: '2024', value: 1, provenance: 'official' },
      ],
      [
        'existing figure',
        'POST',
        figures,
        { unitId: ids.units.a, period: '2024', value: 1, provenance: 'official' },
      ],
      [
        'stale figure',
        'POST',
        figures,
        { unitId: ids.units.a, period: '2024', value: 1, provenance: 'official', note: 'x' },
        { 'if-match': '"m-00000000-0000-4000-8000-000000000000"' },
      ],
      [
        'hidden plan',
        'POST',
        `/api/v1/plans/${ids.plans.b.id}/elements`,
        { parentId: null, code: 'X1', level: ids.plans.b.levels[0], title: { fr: 'x', en: 'x' } },
      ],
      [
        'foreign lead',
        'POST',
        '/api/v1/actions',
        { code: 'CN-X', title: { fr: 'x', en: 'x' }, leadUnitId: ids.units.b },
      ],
      [
        'foreign indicator',
        'PATCH',
        `/api/v1/indicators/${ids.confidentialIndicator}`,
        { owner: 'x' },
        { 'if-match': '"i-x"' },
      ],
      ['long query', 'GET', `/api/v1/search?q=${'CANARY'.repeat(50)}`],
      ['hidden history', 'GET', `/api/v1/audit/action/${ids.actionB}`],
      ['audit export', 'GET', '/api/v1/audit.csv'],
    ];
    const seen: Seen[] = [];
    for (const [route, method, url, payload, headers] of requests) {
      const res = await send(t, c, method, url, payload, headers);
      seen.push({ route: `error: ${route}`, url, status: res.status, text: res.body });
    }
    return seen;
  }

  /** Walks every GET route as `role`; returns what it received. */
  async function walk(role: RoleName): Promise<Seen[]> {
    const seen: Seen[] = [];
    for (const { route, url } of walkUrls()) {
      const res = await send(t, cookie(role), 'GET', url);
      let text = res.body;
      if (route === 'GET /api/v1/search' && res.status === 200) {
        text = JSON.stringify(res.json<SearchResult>().hits);
      }
      seen.push({ route, url, status: res.status, text });
    }
    return [...seen, ...(await badRequests(role))];
  }

  const leaks = (seen: Seen[], canary: string) =>
    seen.filter((s) => contains(s.text, canary)).map((s) => `${String(s.status)} ${s.url}`);
  const routesShowing = (seen: Seen[], canary: string) =>
    [...new Set(seen.filter((s) => contains(s.text, canary)).map((s) => s.route))].sort();

  it("never shows school B's canary to school A, and shows A's own where A reads it", async () => {
    const seen = await walk('schoolA');
    expect(seen.length).toBeGreaterThan(500);
    expect(new Set(seen.map((s) => s.route)).size).toBeGreaterThanOrEqual(
      Object.values(doc.paths).filter((item) => item.get).length,
    );
    expect(leaks(seen, CANARY_B)).toEqual([]);
    expect(routesShowing(seen, CANARY_A)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/actions',
        'GET /api/v1/actions/{id}',
        'GET /api/v1/alignment',
        'GET /api/v1/audit/{entityType}/{id}',
        'GET /api/v1/dashboard',
        'GET /api/v1/elements/{id}',
        'GET /api/v1/indicators/{id}',
        'GET /api/v1/indicators/{id}/measurements',
        'GET /api/v1/plans/{planId}/tree',
        'GET /api/v1/search',
        'GET /api/v1/units/{id}',
      ]),
    );
  });

  it("never shows school A's canary to school B (the mirror image)", async () => {
    const seen = await walk('schoolB');
    expect(leaks(seen, CANARY_A)).toEqual([]);
    expect(routesShowing(seen, CANARY_B)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/elements/{id}',
        'GET /api/v1/indicators/{id}/measurements',
      ]),
    );
  });

  it('shows neither school canary to the anonymous reader', async () => {
    const seen = await walk('anonymous');
    expect(leaks(seen, CANARY_A)).toEqual([]);
    expect(leaks(seen, CANARY_B)).toEqual([]);
  });

  /** Ids among `ids` that `role` cannot open at `url(id)` (anything but 200). */
  async function unreadable(role: RoleName, url: (id: string) => string, ids: readonly string[]) {
    const out: string[] = [];
    for (const id of new Set(ids)) {
      const res = await send(t, cookie(role), 'GET', url(id));
      if (res.status !== 200) out.push(`${String(res.status)} ${url(id)}`);
    }
    return out;
  }

  // Regression test for a bug fixed in the same change.
  // visibility filter: the group plan's tree names school B's action to school A.
  it('names in a plan tree only the actions school A may open', async () => {
    const tree = await must<PlanTree>(
      t,
      cookie('schoolA'),
      'GET',
      `/api/v1/plans/${roles.ids.plans.group.id}/tree`,
    );
    const actionIds = tree.nodes.flatMap((n) => n.actionIds);
    expect(actionIds.length).toBeGreaterThan(0);
    expect(await unreadable('schoolA', (id) => `/api/v1/actions/${id}`, actionIds)).toEqual([]);
  });

  // Regression test for a bug fixed in the same change.
  it('names in a plan tree only the indicators and actions the public may open', async () => {
    const tree = await must<PlanTree>(
      t,
      '',
      'GET',
      `/api/v1/plans/${roles.ids.plans.group.id}/tree`,
    );
    const indicatorIds = tree.nodes.flatMap((n) => n.indicatorIds);
    expect(indicatorIds.length).toBeGreaterThan(0);
    expect([
      ...(await unreadable('anonymous', (id) => `/api/v1/indicators/${id}`, indicatorIds)),
      ...(await unreadable(
        'anonymous',
        (id) => `/api/v1/actions/${id}`,
        tree.nodes.flatMap((n) => n.actionIds),
      )),
    ]).toEqual([]);
  });

  // Regression test for a bug fixed in the same change.
  // without the visibility filter: an action school A shares shows it school B's plan elements.
  it('shows on an action only the elements school A may open', async () => {
    const list = await must<{ items: ActionCard[] }>(
      t,
      cookie('schoolA'),
      'GET',
      '/api/v1/actions?limit=500',
    );
    const elementIds: string[] = [];
    for (const card of list.items) {
      const detail = await must<ActionDetail>(
        t,
        cookie('schoolA'),
        'GET',
        `/api/v1/actions/${card.id}`,
      );
      elementIds.push(...detail.action.elementIds, ...detail.elements.map((e) => e.id));
    }
    expect(await unreadable('schoolA', (id) => `/api/v1/elements/${id}`, elementIds)).toEqual([]);
  });

  describe("school A guessing school B's ids (9)", () => {
    /** Sends the same request with B's id and with an unknown one; both answers must match. */
    async function sameAsUnknown(
      role: RoleName,
      method: 'GET' | 'POST' | 'PATCH',
      url: (id: string) => string,
      known: string,
      payload?: (id: string) => unknown,
      headers?: (id: string) => Record<string, string>,
    ) {
      const ask = (id: string) =>
        send(t, cookie(role), method, url(id), payload?.(id), headers?.(id));
      const real = await ask(known);
      const unknown = await ask(UNKNOWN_ID);
      expect(shape(real), `${method} ${url(known)}`).toEqual(shape(unknown));
      return shape(real);
    }
    const etag = async (url: string) =>
      (await must<{ etag: string }>(t, office(), 'GET', url)).etag;

    it('answers 404 for B’s element, action, unit page, plan tree and history, as for an unknown id', async () => {
      const { ids } = roles;
      const notFound = { status: 404, code: 'not_found' };
      for (const [url, id] of [
        [(x: string) => `/api/v1/elements/${x}`, ids.elementB],
        [(x: string) => `/api/v1/actions/${x}`, ids.actionB],
        [(x: string) => `/api/v1/units/${x}`, ids.units.b],
        [(x: string) => `/api/v1/plans/${x}/tree`, ids.plans.b.id],
        [(x: string) => `/api/v1/dashboard?planId=${x}`, ids.plans.b.id],
        [(x: string) => `/api/v1/alignment?planId=${x}`, ids.plans.b.id],
        [(x: string) => `/api/v1/indicators?unitId=${x}`, ids.units.b],
        [(x: string) => `/api/v1/indicators?elementId=${x}`, ids.elementB],
        [(x: string) => `/api/v1/audit/element/${x}`, ids.elementB],
        [(x: string) => `/api/v1/audit/action/${x}`, ids.actionB],
      ] as const) {
        expect(await sameAsUnknown('schoolA', 'GET', url, id)).toMatchObject(notFound);
      }
    });

    it('answers 404 to writes on B’s element, action and plan, even with the right If-Match', async () => {
      const { ids } = roles;
      const notFound = { status: 404, code: 'not_found' };
      const elementTag = await etag(`/api/v1/elements/${ids.elementB}`);
      const actionTag = await etag(`/api/v1/actions/${ids.actionB}`);
      expect(
        await sameAsUnknown(
          'schoolA',
          'PATCH',
          (x) => `/api/v1/elements/${x}`,
          ids.elementB,
          () => ({ lead: 'guessed' }),
          (x) => ({ 'if-match': x === ids.elementB ? elementTag : `"e-${x}-v1"` }),
        ),
      ).toMatchObject(notFound);
      expect(
        await sameAsUnknown(
          'schoolA',
          'PATCH',
          (x) => `/api/v1/actions/${x}`,
          ids.actionB,
          () => ({ progress: 99 }),
          (x) => ({ 'if-match': x === ids.actionB ? actionTag : `"a-${x}-v1"` }),
        ),
      ).toMatchObject(notFound);
      expect(
        await sameAsUnknown(
          'schoolA',
          'POST',
          (x) => `/api/v1/plans/${x}/elements`,
          ids.plans.b.id,
          () => ({
            parentId: null,
            code: 'GUESS-1',
            level: ids.plans.b.levels[0],
            title: { fr: 'Devinette', en: 'Guess' },
          }),
        ),
      ).toMatchObject(notFound);
      // Nothing was written: B's element and action are as they were.
      expect(await etag(`/api/v1/elements/${ids.elementB}`)).toBe(elementTag);
      expect(await etag(`/api/v1/actions/${ids.actionB}`)).toBe(actionTag);
    });

    it('refuses B’s unit and B’s element as references exactly like unknown ones', async () => {
      const { ids } = roles;
      const invalid = { status: 400, code: 'invalid_input' };
      expect(
        await sameAsUnknown(
          'schoolA',
          'POST',
          () => `/api/v1/indicators/${ids.confidentialIndicator}/measurements`,
          ids.units.b,
          (x) => ({ unitId: x, period: '2030', value: 1, provenance: 'estimated' }),
        ),
      ).toMatchObject({ ...invalid, errors: [{ field: '/unitId' }] });
      const actionTag = await etag(`/api/v1/actions/${ids.actionA}`);
      expect(
        await sameAsUnknown(
          'schoolA',
          'PATCH',
          () => `/api/v1/actions/${ids.actionA}`,
          ids.elementB,
          (x) => ({ elementIds: [x] }),
          () => ({ 'if-match': actionTag }),
        ),
      ).toMatchObject({ ...invalid, errors: [{ field: '/elementIds/0' }] });
    });

    it('hides a confidential indicator from the anonymous reader like an unknown one (reads)', async () => {
      const { ids } = roles;
      const notFound = { status: 404, code: 'not_found' };
      const conf = ids.confidentialIndicator;
      expect(
        await sameAsUnknown('anonymous', 'GET', (x) => `/api/v1/indicators/${x}`, conf),
      ).toMatchObject(notFound);
      expect(
        await sameAsUnknown(
          'anonymous',
          'GET',
          (x) => `/api/v1/indicators/${x}/measurements`,
          conf,
        ),
      ).toMatchObject(notFound);
      expect(
        await sameAsUnknown(
          'anonymous',
          'POST',
          (x) => `/api/v1/indicators/${x}/measurements`,
          conf,
          () => ({ unitId: ids.units.group, period: '2030', value: 1, provenance: 'estimated' }),
        ),
      ).toMatchObject(notFound);
    });

    // Regression test for a bug fixed in the same change.
    // confidential indicator's id answers 401 to anonymous where an unknown id answers 404.
    it('hides a confidential indicator from the anonymous reader like an unknown one (PATCH)', async () => {
      const { ids } = roles;
      const conf = ids.confidentialIndicator;
      const tag = await etag(`/api/v1/indicators/${conf}`);
      expect(
        await sameAsUnknown(
          'anonymous',
          'PATCH',
          (x) => `/api/v1/indicators/${x}`,
          conf,
          () => ({ owner: 'guessed' }),
          (x) => ({ 'if-match': x === conf ? tag : `"i-${x}-v1"` }),
        ),
      ).toMatchObject({ status: 404, code: 'not_found' });
    });

    // Regression test for a bug fixed in the same change.
    // planViewsService.tree() checks nothing else, so an unknown plan id answers 200 (no nodes).
    it('answers 404 for an unknown plan tree to every reader, the strategy office too', async () => {
      const res = await send(t, office(), 'GET', `/api/v1/plans/${UNKNOWN_ID}/tree`);
      expect(res.status).toBe(404);
    });
  });

  describe('fields the caller may not set (11) and prototype keys (15)', () => {
    const FORBIDDEN = ['version', 'unitId', 'createdBy', 'workspace_id', 'id'];

    async function unchanged<T extends { etag: string }>(
      url: string,
      attempt: (etag: string) => Promise<{ status: number; body: string }>,
      field: string | null,
    ) {
      const before = await must<T>(t, office(), 'GET', url);
      const res = await attempt(before.etag);
      expect(res.status, res.body).toBe(400);
      const problem = JSON.parse(res.body) as Problem;
      if (field !== null) {
        expect(problem.errors?.map((e) => e.field)).toContain(field);
      }
      const after = await must<T>(t, office(), 'GET', url);
      expect(after).toEqual(before);
    }

    it('refuses extra fields on an element with 400 naming the field, and changes nothing', async () => {
      const url = `/api/v1/elements/${roles.ids.elementA}`;
      for (const field of [...FORBIDDEN, 'planId']) {
        const value = field === 'version' ? 99 : roles.ids.plans.b.id;
        await unchanged<ElementDetail>(
          url,
          (etag) =>
            send(
              t,
              cookie('schoolA'),
              'PATCH',
              url,
              { lead: 'changed', [field]: value },
              {
                'if-match': etag,
              },
            ),
          `/${field}`,
        );
      }
    });

    it('refuses extra fields on an action with 400 naming the field, and changes nothing', async () => {
      const url = `/api/v1/actions/${roles.ids.actionA}`;
      for (const field of FORBIDDEN) {
        const value = field === 'version' ? 99 : roles.ids.units.b;
        await unchanged<ActionDetail>(
          url,
          (etag) =>
            send(
              t,
              cookie('schoolA'),
              'PATCH',
              url,
              { owner: 'changed', [field]: value },
              {
                'if-match': etag,
              },
            ),
          `/${field}`,
        );
      }
    });

    it('refuses extra fields on a figure with 400 naming the field, and records nothing', async () => {
      const url = `/api/v1/indicators/${roles.ids.indicatorA}/measurements`;
      const before = await must<{ items: Measurement[] }>(
        t,
        office(),
        'GET',
        `${url}?history=true`,
      );
      for (const field of ['recordedBy', 'createdBy', 'supersedesId', 'workspace_id', 'current']) {
        const res = await send(t, cookie('schoolA'), 'POST', url, {
          unitId: roles.ids.units.a,
          period: '2031',
          value: 3,
          provenance: 'estimated',
          [field]: field === 'current' ? true : 'someone else',
        });
        expect(res.status, res.body).toBe(400);
        expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(`/${field}`);
      }
      const after = await must<{ items: Measurement[] }>(t, office(), 'GET', `${url}?history=true`);
      expect(after.items).toEqual(before.items);
    });

    it('refuses __proto__ and constructor.prototype in JSON bodies and changes nothing', async () => {
      const { ids } = roles;
      const url = `/api/v1/elements/${ids.elementA}`;
      for (const raw of [
        '{"__proto__": {"isAdmin": true}, "lead": "polluted"}',
        '{"lead": "polluted", "constructor": {"prototype": {"isAdmin": true}}}',
        '{"title": {"fr": "a", "en": "b", "__proto__": {"isAdmin": true}}}',
        '{"lead": "polluted", "description": {"fr": "a", "en": "b", "constructor": {"prototype": {"isAdmin": true}}}}',
      ]) {
        await unchanged<ElementDetail>(
          url,
          (etag) => send(t, cookie('schoolA'), 'PATCH', url, raw, { 'if-match': etag }),
          null,
        );
      }
      const code = 'PROTO-ACT-1';
      const create = await send(
        t,
        cookie('schoolA'),
        'POST',
        '/api/v1/actions',
        `{"code": "${code}", "title": {"fr": "a", "en": "b"}, "leadUnitId": "${ids.units.a}", "__proto__": {"isAdmin": true}}`,
      );
      expect(create.status, create.body).toBe(400);
      expect(create.headers['content-type']).toMatch(/^application\/problem\+json/);
      const actions = await must<{ items: ActionCard[] }>(
        t,
        office(),
        'GET',
        '/api/v1/actions?limit=500',
      );
      expect(actions.items.map((a) => a.code)).not.toContain(code);
      const figures = `/api/v1/indicators/${ids.indicatorA}/measurements`;
      const before = await must<{ items: Measurement[] }>(
        t,
        office(),
        'GET',
        `${figures}?history=true`,
      );
      const record = await send(
        t,
        cookie('schoolA'),
        'POST',
        figures,
        `{"unitId": "${ids.units.a}", "period": "2032", "value": 1, "provenance": "estimated", "constructor": {"prototype": {"isAdmin": true}}}`,
      );
      expect(record.status, record.body).toBe(400);
      const after = await must<{ items: Measurement[] }>(
        t,
        office(),
        'GET',
        `${figures}?history=true`,
      );
      expect(after.items).toEqual(before.items);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });
});
