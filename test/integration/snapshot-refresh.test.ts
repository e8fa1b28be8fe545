/**
 * A cached snapshot brought up to date after a figure is recorded (only that indicator's
 * figures read again, every result the change cannot alter carried over) must equal a snapshot
 * built from scratch over the same database — and a change of anything else than figures must
 * rebuild it. On both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices } from '../../src/services/index.ts';
import { snapshotLoader, type Snapshot } from '../../src/services/snapshot.ts';
import type {
  IndicatorListItem,
  Measurement,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, type TestApp } from '../support/app.ts';

const AS_OF = '2026-11-26';
const clock = () => new Date(`${AS_OF}T09:00:00Z`);

/** Everything the dashboard and pages read from an evaluator, for every indicator and unit. */
function evaluation(snapshot: Snapshot) {
  const ev = snapshot.evaluator;
  return {
    indicators: snapshot.indicators.map((i) => ({
      code: i.code,
      series: ev.groupSeries(i.id),
      group: ev.indicator(i.id),
      units: snapshot.units.map((u) => ev.indicator(i.id, u.id)),
    })),
    elements: snapshot.elements.map((e) => ev.element(e.id)),
    actions: snapshot.actions.map((a) => ({ row: a, status: ev.action(a.id) })),
    actionById: [...snapshot.actionById.keys()].sort(),
    figures: snapshot.indicators.map((i) =>
      [...(ev.figures(i.id)?.entries() ?? [])]
        .map(([unit, periods]) => [unit, [...periods.values()]] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

describeEachEngine('snapshot refresh after a figure', (engine) => {
  let t: TestApp;
  let office = '';
  let workspaceId = '';
  const indicators = new Map<string, string>();
  const units = new Map<string, string>();

  beforeAll(async () => {
    t = await openTestApp(engine, { now: clock });
    await createAccount(t, { email: 'office@refresh.example', role: 'strategy_office' });
    office = await signIn(t, 'office@refresh.example');
    const get = async <T>(url: string) =>
      (await t.app.inject({ method: 'GET', url, headers: { cookie: office } })).json<T>();
    const overview = await get<WorkspaceOverview>('/api/v1/workspace');
    workspaceId = (await t.strata.services.workspace.resolve('imt')).id;
    for (const u of overview.units) units.set(u.code, u.id);
    const list = await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500');
    for (const i of list.items) indicators.set(i.card.code, i.card.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Records a figure, or corrects the current one (If-Match and a note) when there is one. */
  const record = async (code: string, unitCode: string, period: string, value: number) => {
    const url = `/api/v1/indicators/${indicators.get(code) ?? ''}/measurements`;
    const unitId = units.get(unitCode) ?? '';
    const current = (
      await t.app.inject({
        method: 'GET',
        url: `${url}?unitId=${unitId}`,
        headers: { cookie: office },
      })
    )
      .json<{ items: Measurement[] }>()
      .items.find((m) => m.period === period && m.current);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: office, ...(current && { 'if-match': current.etag }) },
      payload: {
        unitId,
        period,
        value,
        provenance: 'estimated',
        ...(current && { note: 'Corrected by the refresh test' }),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const db = () => {
    if (!t.database) throw new Error('openTestApp gives its database');
    return t.database.db;
  };
  const fresh = () => snapshotLoader({ db: db(), now: clock }).load(workspaceId, AS_OF);

  it('reads again only what a new figure changed, and answers as a full build', async () => {
    const loader = snapshotLoader({ db: db(), now: clock });
    const first = await loader.load(workspaceId, AS_OF);
    expect(first.origin).toBe('built');
    evaluation(first);
    // APPRENTICES is the numerator of APPRENTICE-SHARE (a ratio of sums): correcting a
    // school's figure of a complete year must move the group's rate too.
    await record('APPRENTICES', 'IMT-ALES', '2025', 4321);
    const second = await loader.load(workspaceId, AS_OF);
    expect(second.origin).toBe('refreshed');
    expect(second.version).not.toBe(first.version);
    const full = await fresh();
    expect(full.origin).toBe('built');
    expect(evaluation(second)).toEqual(evaluation(full));
    const share = indicators.get('APPRENTICE-SHARE') ?? '';
    expect(second.evaluator.groupSeries(share)).not.toEqual(first.evaluator.groupSeries(share));
  });

  it('keeps refreshing through several figures, corrections included', async () => {
    const loader = snapshotLoader({ db: db(), now: clock });
    evaluation(await loader.load(workspaceId, AS_OF));
    await record('STUDENTS', 'IMT-ALBI', '2026', 1500);
    await record('STUDENTS', 'IMT-ALBI', '2025', 1499);
    const refreshed = await loader.load(workspaceId, AS_OF);
    expect(refreshed.origin).toBe('refreshed');
    expect(evaluation(refreshed)).toEqual(evaluation(await fresh()));
  });

  it('refreshes the actions after an action update, as a full build would read them', async () => {
    const loader = snapshotLoader({ db: db(), now: clock });
    const before = await loader.load(workspaceId, AS_OF);
    evaluation(before);
    const action = before.actions[0];
    if (!action) throw new Error('no action');
    const url = `/api/v1/actions/${action.id}`;
    const detail = await t.app.inject({ method: 'GET', url, headers: { cookie: office } });
    const res = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: office, 'if-match': detail.json<{ etag: string }>().etag },
      payload: { progress: action.progress === 100 ? 5 : 100, state: 'in_progress' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await record('STUDENTS', 'IMT-ALES', '2026', 2600);
    const after = await loader.load(workspaceId, AS_OF);
    expect(after.origin).toBe('refreshed');
    expect(after.actionById.get(action.id)?.progress).not.toBe(action.progress);
    expect(evaluation(after)).toEqual(evaluation(await fresh()));
  });

  it('rebuilds when something else than figures and actions changed', async () => {
    const loader = snapshotLoader({ db: db(), now: clock });
    await loader.load(workspaceId, AS_OF);
    const services = createServices({ db: db(), now: clock });
    const scope = await services.workspace.resolve('imt');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/indicators/${indicators.get('STUDENTS') ?? ''}`,
      headers: { cookie: office },
    });
    const etag = detail.json<{ etag: string }>().etag;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/indicators/${indicators.get('STUDENTS') ?? ''}`,
      headers: { cookie: office, 'if-match': etag },
      payload: { owner: 'Refresh test' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(scope.id).toBe(workspaceId);
    const after = await loader.load(workspaceId, AS_OF);
    expect(after.origin).toBe('built');
    expect(after.indicatorById.get(indicators.get('STUDENTS') ?? '')?.owner).toBe('Refresh test');
  });
});
