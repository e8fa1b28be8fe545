/**
 * "As of" a date and staleness, through the real app on both engines with a controlled clock.
 * A figure recorded, then corrected (If-Match and a note): the indicator, the dashboard and the
 * school page read as of a day before the correction show the old value, as of a day after it
 * the new one. A figure older than its frequency plus grace is stale even when its status is
 * "on track", and the attention list shows it — for a school and for the group itself.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Dashboard,
  IndicatorDetail,
  Measurement,
  UnitPage,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { createAccount, openTestApp, signIn, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import { must } from '../support/roles.ts';

const RECORDED = '2026-03-02';
const BEFORE_CORRECTION = '2026-03-20';
const CORRECTED = '2026-04-10';

describeEachEngine('as of a date, and staleness', (engine) => {
  let t: TestApp;
  let clock = new Date(`${RECORDED}T08:00:00Z`);
  let office = '';
  let overview: WorkspaceOverview;
  const EMAIL = 'office.asof@imt.example';

  const unitId = (code: string) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  };
  /** Moves the clock, and signs in again (an idle session ends). */
  async function setClock(iso: string) {
    clock = new Date(iso);
    office = await signIn(t, EMAIL);
  }
  const read = <T>(url: string) => must<T>(t, office, 'GET', url);

  beforeAll(async () => {
    t = await openTestApp(engine, { now: () => clock });
    await createAccount(t, { email: EMAIL, role: 'strategy_office' });
    office = await signIn(t, EMAIL);
    overview = await read<WorkspaceOverview>('/api/v1/workspace');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A yearly indicator kept within 0–1000 (so it has a status without a trajectory). */
  async function indicator(code: string, extra: Record<string, unknown>) {
    return must<IndicatorDetail>(t, office, 'POST', '/api/v1/indicators', {
      code,
      name: { fr: `Indicateur ${code}`, en: `Indicator ${code}` },
      direction: 'range',
      rangeMin: 0,
      rangeMax: 1000,
      frequency: 'year',
      graceDays: 90,
      isPublic: true,
      ...extra,
    });
  }

  it('"as of" a date before a correction shows the old value; after it, the new one', async () => {
    const school = unitId('IMT-ALES');
    const created = await indicator('ASOF-1', { isHeadline: true, unitIds: [school] });
    const id = created.indicator.id;
    const url = `/api/v1/indicators/${id}/measurements`;
    const first = await must<Measurement>(t, office, 'POST', url, {
      unitId: school,
      period: '2025',
      value: 100,
      provenance: 'official',
    });
    await setClock(`${CORRECTED}T15:30:00Z`);
    const fixed = await must<Measurement>(
      t,
      office,
      'POST',
      url,
      { unitId: school, period: '2025', value: 120, provenance: 'official', note: 'typo' },
      { 'if-match': first.etag },
    );
    expect(fixed.supersedesId).toBe(first.id);

    const schoolValue = async (asOf: string) => {
      const detail = await read<IndicatorDetail>(`/api/v1/indicators/${id}?asOf=${asOf}`);
      const row = detail.units.find((u) => u.unit.id === school);
      return {
        series: row?.series.map((p) => [p.period, p.value]),
        latest: row?.status.latest?.value,
        group: detail.group.series.map((p) => [p.period, p.value]),
      };
    };
    expect(await schoolValue(BEFORE_CORRECTION)).toEqual({
      series: [['2025', 100]],
      latest: 100,
      group: [['2025', 100]],
    });
    expect(await schoolValue(CORRECTED)).toEqual({
      series: [['2025', 120]],
      latest: 120,
      group: [['2025', 120]],
    });
    // Before the first record, nothing.
    expect((await schoolValue('2026-03-01')).series).toEqual([]);

    const headline = async (asOf: string) => {
      const dashboard = await read<Dashboard>(`/api/v1/dashboard?asOf=${asOf}`);
      expect(dashboard.asOf).toBe(asOf);
      return dashboard.headlines.find((h) => h.id === id)?.status.latest?.value;
    };
    expect(await headline(BEFORE_CORRECTION)).toBe(100);
    expect(await headline(CORRECTED)).toBe(120);

    const onSchoolPage = async (asOf: string) => {
      const page = await read<UnitPage>(`/api/v1/units/${school}?asOf=${asOf}`);
      expect(page.asOf).toBe(asOf);
      return page.indicators.find((c) => c.id === id)?.status.latest?.value;
    };
    expect(await onSchoolPage(BEFORE_CORRECTION)).toBe(100);
    expect(await onSchoolPage(CORRECTED)).toBe(120);

    // Without a date: today, the corrected value.
    expect((await schoolValue(CORRECTED)).latest).toBe(
      (await read<IndicatorDetail>(`/api/v1/indicators/${id}`)).units.find(
        (u) => u.unit.id === school,
      )?.status.latest?.value,
    );
  });

  it('shows a figure older than its frequency plus grace as stale though on track, and lists it', async () => {
    const school = unitId('IMT-ALES');
    const group = unitId('IMT');
    const plan = overview.plans.find((p) => p.unitId === group && p.status === 'adopted');
    if (!plan) throw new Error('no adopted group plan');
    const tree = await read<{ nodes: { id: string; parentId: string | null }[] }>(
      `/api/v1/plans/${plan.id}/tree`,
    );
    const priority = tree.nodes.find((n) => n.parentId !== null);
    if (!priority) throw new Error('no priority');
    // Recorded early in 2025, so every "as of" below sees them.
    await setClock('2025-02-01T10:00:00Z');
    // One reported by a school, one reported for the group only; both within range (on track).
    const bySchool = await indicator('AAA-STALE-S', {
      unitIds: [school],
      elementIds: [priority.id],
    });
    const byGroup = await indicator('AAA-STALE-G', { unitIds: [], elementIds: [priority.id] });
    for (const [ind, unit] of [
      [bySchool, school],
      [byGroup, group],
    ] as const) {
      await must(t, office, 'POST', `/api/v1/indicators/${ind.indicator.id}/measurements`, {
        unitId: unit,
        period: '2024',
        value: 500,
        provenance: 'official',
      });
    }
    // A 2024 yearly figure is due by the end of 2025, plus 90 days: stale after 2026-03-31.
    const statusAt = async (id: string, asOf: string, unit?: string) => {
      const detail = await read<IndicatorDetail>(`/api/v1/indicators/${id}?asOf=${asOf}`);
      return unit ? detail.units.find((u) => u.unit.id === unit)?.status : detail.group.status;
    };
    expect(await statusAt(bySchool.indicator.id, '2026-03-31', school)).toMatchObject({
      status: 'on_track',
      stale: false,
      staleAfter: '2026-03-31',
    });
    expect(await statusAt(bySchool.indicator.id, '2026-04-01', school)).toMatchObject({
      status: 'on_track',
      stale: true,
    });
    expect(await statusAt(byGroup.indicator.id, '2026-04-01')).toMatchObject({
      status: 'on_track',
      stale: true,
    });

    const staleItems = async (asOf: string) =>
      (await read<Dashboard>(`/api/v1/dashboard?asOf=${asOf}`)).attention
        .filter((a) => a.reason === 'stale' && a.code.startsWith('AAA-STALE'))
        .map((a) => [a.code, a.unit?.code ?? 'group']);
    expect(await staleItems('2026-03-31')).toEqual([]);
    expect(await staleItems('2026-04-01')).toEqual([
      ['AAA-STALE-G', 'group'],
      ['AAA-STALE-S', 'IMT-ALES'],
    ]);
  });
});
