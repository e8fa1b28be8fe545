/**
 * Reports through the real app on both engines: the annual report and the board pack as HTML
 * (sections, priorities and headline figures taken from the dashboard, accessible markup) and as
 * PDF (a PDF file, a page count in range, the priority codes in its text), for the group and for a
 * school; who may read which (a school's report is 404 to another school, 401 to the public).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dashboard, Problem, WorkspaceOverview } from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, type TestApp } from '../support/app.ts';
import { must } from '../support/roles.ts';
import { pdfPageCount, pdfText } from '../support/pdf-text.ts';

// Figures are recorded when the seed is loaded (today): reports read them as of today.
const AS_OF = new Date().toISOString().slice(0, 10);

describeEachEngine('reports', (engine) => {
  let t: TestApp;
  let office = '';
  let editorA = '';
  let editorB = '';
  let schoolA = '';
  let dashboard: Dashboard;
  let priorities: Dashboard['elements'] = [];

  const get = async (url: string, cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    return {
      status: res.statusCode,
      type: String(res.headers['content-type']),
      body: res.body,
      raw: res.rawPayload,
    };
  };

  beforeAll(async () => {
    t = await openTestApp(engine);
    await createAccount(t, { email: 'office@rep.example', role: 'strategy_office' });
    await createAccount(t, {
      email: 'a@rep.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALES'],
    });
    await createAccount(t, {
      email: 'b@rep.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALBI'],
    });
    office = await signIn(t, 'office@rep.example');
    editorA = await signIn(t, 'a@rep.example');
    editorB = await signIn(t, 'b@rep.example');
    const overview = await must<WorkspaceOverview>(t, office, 'GET', '/api/v1/workspace');
    schoolA = overview.units.find((u) => u.code === 'IMT-ALES')?.id ?? '';
    dashboard = await must<Dashboard>(t, office, 'GET', `/api/v1/dashboard?asOf=${AS_OF}`);
    priorities = dashboard.elements.filter((e) => e.element.level === dashboard.rowLevel);
    expect(priorities.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the annual report as accessible, self-contained HTML built from the data', async () => {
    const res = await get(`/api/v1/reports/annual?format=html&lang=en&asOf=${AS_OF}`, office);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    for (const id of ['summary', 'headlines', 'matrix', 'priorities', 'attention', 'methodology'])
      expect(html).toContain(`id="${id}"`);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    // Every priority of the plan, with its status as the dashboard computes it.
    for (const p of priorities) {
      expect(html).toContain(`id="p-${p.element.code}"`);
      expect(html).toContain(`${p.element.code} — ${p.element.title.en.replaceAll("'", '&#39;')}`);
    }
    for (const h of dashboard.headlines) expect(html).toContain(h.name.en.replaceAll("'", '&#39;'));
    // Charts are images with a title and a description, each followed by its data table.
    const charts = html.match(/<svg role="img" aria-labelledby="(c\d+)-title \1-desc"/g) ?? [];
    expect(charts.length).toBeGreaterThan(5);
    expect(html.match(/<title id="c\d+-title">/g)).toHaveLength(charts.length);
    expect(html.match(/<caption>/g)?.length).toBeGreaterThan(charts.length);
    expect(html).toContain('<th scope="col">');
    expect(html).toContain('<th scope="row">');
    // Self-contained: no script, no external resource.
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
  });

  it('writes the board pack in French with what changed and the decisions needed', async () => {
    const res = await get(`/api/v1/reports/board?lang=fr&asOf=${AS_OF}&period=2025`, office);
    expect(res.status).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="fr">');
    for (const id of ['summary', 'changes', 'decisions']) expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain('id="methodology"');
    expect(html).toContain('Dossier de synthèse pour le conseil');
    const offTrack = dashboard.attention.filter(
      (a) => a.reason === 'off_track' || a.reason === 'overdue',
    );
    for (const item of offTrack.slice(0, 5)) expect(html).toContain(`${item.code} — `);
  });

  it('writes PDFs: the board pack is short, the annual report of a school longer; both name the priorities', async () => {
    const board = await get(`/api/v1/reports/board?format=pdf&lang=en&asOf=${AS_OF}`, office);
    expect(board.status).toBe(200);
    expect(board.type).toBe('application/pdf');
    expect(board.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(board.raw);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
    const text = pdfText(board.raw);
    expect(text).toContain('Board briefing pack');
    for (const p of priorities) expect(text).toContain(`${p.element.code} `);

    const annual = await get(
      `/api/v1/reports/annual?format=pdf&lang=fr&unitId=${schoolA}&asOf=${AS_OF}`,
      editorA,
    );
    expect(annual.status).toBe(200);
    expect(pdfPageCount(annual.raw)).toBeGreaterThan(priorities.length);
    const annualText = pdfText(annual.raw);
    expect(annualText).toContain('Rapport annuel');
    expect(annualText).toContain('Méthode et sources');
    for (const p of priorities) expect(annualText).toContain(`${p.element.code} `);
  });

  it("keeps a school's report from other schools and the public", async () => {
    const url = `/api/v1/reports/annual?unitId=${schoolA}&asOf=${AS_OF}`;
    expect((await get(url, editorA)).status).toBe(200);
    expect((await get(url, editorB)).status).toBe(404);
    expect((await get(url, '')).status).toBe(401);
    const bad = await get('/api/v1/reports/board?period=soon', office);
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.body) as Problem).errors?.[0]?.field).toBe('period');
  });
});
