/**
 * The HTTP API through the real app on both engines, loaded with the IMT 2023–2027 plan:
 * reads, versioned writes (412/428), append-only figures and corrections, status and roll-up
 * changes, problem details naming the field, search in both languages, OpenAPI.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Dashboard,
  ElementDetail,
  IndicatorDetail,
  IndicatorListItem,
  Measurement,
  Problem,
  SearchResult,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, type TestApp } from '../support/app.ts';

const SEED_PRIORITIES = ['A1', 'A2', 'A3', 'A4', 'C1', 'C2', 'C3', 'C4', 'T5'];

describeEachEngine('HTTP API', (engine) => {
  let t: TestApp;
  let overview: WorkspaceOverview;

  let office = '';
  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: office, ...headers } });
    return { status: res.statusCode, body: res.json<T>(), headers: res.headers, text: res.body };
  };
  const send = async <T>(
    method: 'POST' | 'PATCH',
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: office, ...headers },
    });
    return { status: res.statusCode, body: res.json<T>(), headers: res.headers };
  };
  const unitByCode = (code: string) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit;
  };

  beforeAll(async () => {
    t = await openTestApp(engine);
    await createAccount(t, { email: 'office@imt.example', role: 'strategy_office' });
    office = await signIn(t, 'office@imt.example');
    overview = (await get<WorkspaceOverview>('/api/v1/workspace')).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves health and an OpenAPI 3.1 document listing every route', async () => {
    expect((await get<{ status: string }>('/api/health')).body.status).toBe('ok');
    const doc = await get<{ openapi: string; paths: Record<string, object> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/dashboard',
      '/api/v1/elements/{id}',
      '/api/v1/indicators/{id}/measurements',
      '/api/v1/actions/{id}',
      '/api/v1/search',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
  });

  it('loads the seed: ten IMT units, four focuses, the nine priorities of the group plan', async () => {
    const imtUnits = overview.units.filter((u) =>
      ['group', 'school', 'subsidiary'].includes(u.kind),
    );
    expect(imtUnits).toHaveLength(11);
    expect(overview.units.filter((u) => u.kind === 'school')).toHaveLength(8);
    expect(overview.units.filter((u) => u.kind === 'subsidiary')).toHaveLength(2);
    expect(overview.facets.find((f) => f.code === 'focus')?.values).toHaveLength(4);
    expect(overview.groupPlanId).not.toBeNull();
    const dash = (await get<Dashboard>('/api/v1/dashboard')).body;
    const rows = dash.elements
      .filter((e) => e.element.level === dash.rowLevel)
      .map((e) => e.element.code);
    expect(rows).toEqual(SEED_PRIORITIES);
  });

  it('answers an unchanged dashboard with 304 for its ETag, and a new one after a write', async () => {
    const first = await get<Dashboard>('/api/v1/dashboard');
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toBe(first.body.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/dashboard',
      headers: { 'if-none-match': etag, cookie: office },
    });
    expect(again.statusCode).toBe(304);
    expect(first.body.byFocus).toHaveLength(SEED_PRIORITIES.length * 4);
    expect(first.body.byUnit).toHaveLength(SEED_PRIORITIES.length * first.body.units.length);
    expect(first.headers['cache-control']).toBe('no-store');
  });

  it('sends an unchanged dashboard as the same JSON, and a changed one after a write', async () => {
    const first = await get<Dashboard>('/api/v1/dashboard');
    const second = await get<Dashboard>('/api/v1/dashboard');
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.text).toBe(first.text);
    const a2 = first.body.elements.find((e) => e.element.code === 'A2');
    if (!a2) throw new Error('no A2');
    const url = `/api/v1/elements/${a2.element.id}`;
    const before = await get<ElementDetail>(url);
    const title = {
      ...before.body.element.title,
      en: 'Lifelong learning, renamed for the cache test',
    };
    const changed = await send<ElementDetail>(
      'PATCH',
      url,
      { title },
      { 'if-match': before.body.etag },
    );
    expect(changed.status).toBe(200);
    const after = await get<Dashboard>('/api/v1/dashboard');
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body.elements.find((e) => e.element.code === 'A2')?.element.title.en).toBe(
      title.en,
    );
  });

  it('refuses an element update without If-Match (428), with a stale one (412), then applies it', async () => {
    const dash = (await get<Dashboard>('/api/v1/dashboard')).body;
    const a1 = dash.elements.find((e) => e.element.code === 'A1');
    if (!a1) throw new Error('no A1');
    const url = `/api/v1/elements/${a1.element.id}`;
    const before = await get<ElementDetail>(url);
    const change = { lead: 'Direction de la formation et de la recherche' };
    const missing = await send<Problem>('PATCH', url, change);
    expect(missing.status).toBe(428);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const stale = await send<Problem>('PATCH', url, change, {
      'if-match': `"e-${a1.element.id}-v999"`,
    });
    expect(stale.status).toBe(412);
    const ok = await send<ElementDetail>('PATCH', url, change, { 'if-match': before.body.etag });
    expect(ok.status).toBe(200);
    expect(ok.body.element.lead).toBe(change.lead);
    expect(ok.body.element.version).toBe(before.body.element.version + 1);
    const replay = await send<Problem>(
      'PATCH',
      url,
      { lead: 'x' },
      { 'if-match': before.body.etag },
    );
    expect(replay.status).toBe(412);
    expect((await get<ElementDetail>(url)).body.element.lead).toBe(change.lead);
  });

  it('lets exactly one of many concurrent writers with the same ETag win', async () => {
    const dash = (await get<Dashboard>('/api/v1/dashboard')).body;
    const c2 = dash.elements.find((e) => e.element.code === 'C2');
    if (!c2) throw new Error('no C2');
    const url = `/api/v1/elements/${c2.element.id}`;
    const { etag } = (await get<ElementDetail>(url)).body;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send('PATCH', url, { lead: `writer ${i}` }, { 'if-match': etag }).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 412)).toHaveLength(11);
  });

  it('names the field of bad input and writes nothing', async () => {
    const dash = (await get<Dashboard>('/api/v1/dashboard')).body;
    const a2 = dash.elements.find((e) => e.element.code === 'A2');
    if (!a2) throw new Error('no A2');
    const url = `/api/v1/elements/${a2.element.id}`;
    const before = await get<ElementDetail>(url);
    const extra = await send<Problem>(
      'PATCH',
      url,
      { lead: 'x', version: 7 },
      { 'if-match': before.body.etag },
    );
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.map((e) => e.field)).toContain('/version');
    const badWeight = await send<Problem>(
      'PATCH',
      url,
      { weight: -1 },
      { 'if-match': before.body.etag },
    );
    expect(badWeight.status).toBe(400);
    expect(badWeight.body.errors?.[0]?.field).toBe('/weight');
    expect((await get<ElementDetail>(url)).body.element.version).toBe(before.body.element.version);
    expect((await get<Problem>('/api/v1/elements/not-a-uuid')).status).toBe(400);
    const unknown = await get<Problem>('/api/v1/elements/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
  });

  it('records figures append-only: a correction needs If-Match and a note, and history keeps both', async () => {
    const list = (await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500')).body
      .items;
    const yearly = list.find(
      (i) => i.frequency === 'year' && i.aggregation === 'sum' && i.unitCount > 0,
    );
    if (!yearly) throw new Error('no yearly summed indicator in the seed');
    const detail = (await get<IndicatorDetail>(`/api/v1/indicators/${yearly.card.id}`)).body;
    const unitId = detail.indicator.unitIds[0];
    if (!unitId) throw new Error('no unit');
    const url = `/api/v1/indicators/${yearly.card.id}/measurements`;
    const first = await send<Measurement>('POST', url, {
      unitId,
      period: '2031',
      value: 10,
      provenance: 'estimated',
    });
    expect(first.status).toBe(201);
    const noMatch = await send<Problem>('POST', url, {
      unitId,
      period: '2031',
      value: 12,
      provenance: 'estimated',
      note: 'fix',
    });
    expect(noMatch.status).toBe(428);
    const noNote = await send<Problem>(
      'POST',
      url,
      { unitId, period: '2031', value: 12, provenance: 'estimated' },
      { 'if-match': first.body.etag },
    );
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors?.[0]?.field).toBe('/note');
    const fixed = await send<Measurement>(
      'POST',
      url,
      { unitId, period: '2031', value: 12, provenance: 'official', note: 'typo' },
      { 'if-match': first.body.etag },
    );
    expect(fixed.status).toBe(201);
    expect(fixed.body.supersedesId).toBe(first.body.id);
    const stale = await send<Problem>(
      'POST',
      url,
      { unitId, period: '2031', value: 13, provenance: 'official', note: 'again' },
      { 'if-match': first.body.etag },
    );
    expect(stale.status).toBe(412);
    const history = (
      await get<{ items: Measurement[] }>(`${url}?unitId=${unitId}&history=true`)
    ).body.items.filter((m) => m.period === '2031');
    expect(history.map((m) => [m.value, m.current])).toEqual([
      [12, true],
      [10, false],
    ]);
    const current = (
      await get<{ items: Measurement[] }>(`${url}?unitId=${unitId}`)
    ).body.items.filter((m) => m.period === '2031');
    expect(current.map((m) => m.value)).toEqual([12]);
    const wrongKind = await send<Problem>('POST', url, {
      unitId,
      period: '2031-Q1',
      value: 1,
      provenance: 'estimated',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.[0]?.field).toBe('/period');
    const badPeriod = await send<Problem>('POST', url, {
      unitId,
      period: '20x1',
      value: 1,
      provenance: 'estimated',
    });
    expect(badPeriod.status).toBe(400);
  });

  it("moves a school's indicator status and its priority roll-up when a low figure is recorded", async () => {
    const list = (await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500')).body
      .items;
    let chosen: { detail: IndicatorDetail; unitIndex: number } | null = null;
    for (const item of list) {
      if (
        item.card.direction !== 'increase' ||
        item.frequency !== 'year' ||
        item.elements.length === 0
      )
        continue;
      const detail = (await get<IndicatorDetail>(`/api/v1/indicators/${item.card.id}`)).body;
      const unitIndex = detail.units.findIndex(
        (u) => u.status.status === 'on_track' && u.targets.length > 0,
      );
      if (unitIndex >= 0) {
        chosen = { detail, unitIndex };
        break;
      }
    }
    if (!chosen) throw new Error('no on-track school figure in the seed');
    const { detail, unitIndex } = chosen;
    const unit = detail.units[unitIndex];
    const element = detail.elements[0];
    if (!unit || !element || !unit.status.latest) throw new Error('seed shape');
    const priority = async () => {
      const el = (await get<ElementDetail>(`/api/v1/elements/${element.id}`)).body;
      return el.byUnit.find((b) => b.unitId === unit.unit.id)?.status;
    };
    const before = await priority();
    const next = String(Number(unit.status.latest.period) + 1);
    const baseline = unit.status.baseline ?? 0;
    const res = await send<Measurement>(
      'POST',
      `/api/v1/indicators/${detail.indicator.id}/measurements`,
      {
        unitId: unit.unit.id,
        period: next,
        value: baseline - Math.abs(baseline) - 1000,
        provenance: 'estimated',
      },
    );
    expect(res.status).toBe(201);
    const after = (await get<IndicatorDetail>(`/api/v1/indicators/${detail.indicator.id}`)).body;
    const afterUnit = after.units.find((u) => u.unit.id === unit.unit.id);
    expect(afterUnit?.status.latest?.period).toBe(next);
    expect(afterUnit?.status.status).toBe('off_track');
    const priorityAfter = await priority();
    expect(priorityAfter?.score).toBeLessThan(before?.score ?? 0);
  });

  it('aggregates a rate as a ratio of sums, never a mean of rates', async () => {
    const list = (await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500')).body
      .items;
    const rate = list.find((i) => i.aggregation === 'ratio_of_sums');
    if (!rate) throw new Error('no ratio_of_sums indicator');
    const detail = (await get<IndicatorDetail>(`/api/v1/indicators/${rate.card.id}`)).body;
    const point = detail.group.series.filter((p) => p.origin === 'aggregated').at(-1);
    if (!point) throw new Error('no aggregated point');
    const num = (
      await get<IndicatorDetail>(
        `/api/v1/indicators/${detail.indicator.numeratorIndicatorId ?? ''}`,
      )
    ).body;
    const den = (
      await get<IndicatorDetail>(
        `/api/v1/indicators/${detail.indicator.denominatorIndicatorId ?? ''}`,
      )
    ).body;
    const at = (d: IndicatorDetail, unitId: string) =>
      d.units.find((u) => u.unit.id === unitId)?.series.find((s) => s.period === point.period)
        ?.value;
    let n = 0;
    let dsum = 0;
    for (const u of num.units) {
      const a = at(num, u.unit.id);
      const b = at(den, u.unit.id);
      if (a !== undefined && b !== undefined) {
        n += a;
        dsum += b;
      }
    }
    expect(point.value).toBeCloseTo((n / dsum) * detail.indicator.ratioScale, 6);
    expect(point.reporting).toBeGreaterThan(0);
  });

  it('finds the same things with or without accents, in French and in English', async () => {
    const accented = (
      await get<SearchResult>(`/api/v1/search?q=${encodeURIComponent('écologique')}`)
    ).body;
    const plain = (await get<SearchResult>('/api/v1/search?q=ecologique')).body;
    expect(accented.hits.length).toBeGreaterThan(0);
    expect(plain.hits.map((h) => h.id).sort()).toEqual(accented.hits.map((h) => h.id).sort());
    const english = (await get<SearchResult>('/api/v1/search?q=ecological%20transition')).body;
    expect(english.hits.some((h) => h.code === 'C2')).toBe(true);
    const unit = (await get<SearchResult>('/api/v1/search?q=Ales')).body;
    expect(unit.hits.some((h) => h.kind === 'unit')).toBe(true);
    expect((await get<Problem>('/api/v1/search?q=')).status).toBe(400);
  });

  it("lists an indicator's figures, recorded and corrected, in its history", async () => {
    const list = (await get<{ items: IndicatorListItem[] }>('/api/v1/indicators?limit=500')).body
      .items;
    const item = list.find((i) => i.frequency === 'year' && i.unitCount > 0);
    if (!item) throw new Error('no yearly indicator');
    const detail = (await get<IndicatorDetail>(`/api/v1/indicators/${item.card.id}`)).body;
    const unitId = detail.indicator.unitIds[0] ?? '';
    const url = `/api/v1/indicators/${item.card.id}/measurements`;
    const first = await send<Measurement>('POST', url, {
      unitId,
      period: '2032',
      value: 5,
      provenance: 'estimated',
    });
    await send(
      'POST',
      url,
      { unitId, period: '2032', value: 6, provenance: 'estimated', note: 'recount' },
      { 'if-match': first.body.etag },
    );
    const history = (
      await get<{ items: { action: string; entityType: string; after: { period?: string } }[] }>(
        `/api/v1/audit/indicator/${item.card.id}`,
      )
    ).body.items.filter((e) => e.entityType === 'measurement' && e.after.period === '2032');
    expect(history.map((e) => e.action)).toEqual(['correct', 'record']);
  });

  it('shows a school page and the alignment view', async () => {
    const ales = unitByCode('IMT-ALES');
    const page = (
      await get<{ plan: { elements: { alignsTo: unknown[] }[] } | null; priorities: unknown[] }>(
        `/api/v1/units/${ales.id}`,
      )
    ).body;
    expect(page.plan?.elements.some((e) => e.alignsTo.length > 0)).toBe(true);
    expect(page.priorities).toHaveLength(SEED_PRIORITIES.length);
    const alignment = (
      await get<{ rows: { aligned: unknown[] }[]; units: unknown[] }>('/api/v1/alignment')
    ).body;
    expect(alignment.units.length).toBe(10);
    expect(alignment.rows.some((r) => r.aligned.length > 0)).toBe(true);
  });
});
