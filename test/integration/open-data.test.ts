/**
 * Open data (issue #5): the strategy office publishes elements and indicators; a confidential
 * indicator is refused (400) and never appears; anyone reads the published data without
 * signing in, as JSON or CSV naming the Licence Ouverte 2.0, described by a DCAT-AP catalogue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenTable, Problem, PublicationStatus } from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { must, send, setupRoles, type Roles } from '../support/roles.ts';

const LICENCE = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

describeEachEngine('open data', (engine) => {
  let t: TestApp;
  let roles: Roles;

  beforeAll(async () => {
    t = await openTestApp(engine);
    roles = await setupRoles(t, 'O');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const publish = (
    kind: 'elements' | 'indicators',
    id: string,
    published: boolean,
    cookie = roles.cookies.office,
  ) => send(t, cookie, 'PUT', `/api/v1/publication/${kind}/${id}`, { published });

  it('publishes nothing until the strategy office does', async () => {
    const figures = await must<OpenTable>(t, '', 'GET', '/api/v1/public/datasets/figures');
    expect(figures.items).toEqual([]);
    expect(figures.licenceUrl).toBe(LICENCE);
  });

  it('refuses to publish a confidential indicator, and lets only the strategy office publish', async () => {
    const refused = await publish('indicators', roles.ids.confidentialIndicator, true);
    expect(refused.status).toBe(400);
    expect(refused.json<Problem>().errors?.[0]?.field).toBe('/published');
    expect(
      (await publish('indicators', roles.ids.indicatorA, true, roles.cookies.schoolA)).status,
    ).toBe(403);
    expect((await publish('indicators', roles.ids.indicatorA, true, '')).status).toBe(401);
    expect((await publish('indicators', roles.ids.indicatorA, true)).status).toBe(200);
    expect((await publish('elements', roles.ids.groupElement, true)).status).toBe(200);
    const status = await must<PublicationStatus>(t, '', 'GET', '/api/v1/publication');
    expect(status.indicatorIds).toEqual([roles.ids.indicatorA]);
    expect(status.elementIds).toEqual([roles.ids.groupElement]);
  });

  it('serves the published data to anyone, as JSON and CSV, naming the licence', async () => {
    await must(
      t,
      roles.cookies.office,
      'POST',
      `/api/v1/indicators/${roles.ids.indicatorA}/measurements`,
      {
        unitId: roles.ids.units.a,
        period: '2024',
        value: 321.5,
        provenance: 'official',
      },
    );
    await must(
      t,
      roles.cookies.office,
      'POST',
      `/api/v1/indicators/${roles.ids.confidentialIndicator}/measurements`,
      {
        unitId: roles.ids.units.a,
        period: '2024',
        value: 99999,
        provenance: 'official',
      },
    );
    const json = await send(t, '', 'GET', '/api/v1/public/datasets/figures');
    expect(json.status).toBe(200);
    expect(json.headers.link).toBe(`<${LICENCE}>; rel="license"`);
    const items = json.json<OpenTable>().items;
    expect(items).toEqual([
      expect.objectContaining({
        indicator: 'O-IND-A',
        unit: 'IMT-ALES',
        period: '2024',
        value: 321.5,
      }) as unknown,
    ]);
    const csv = await send(t, '', 'GET', '/api/v1/public/datasets/indicators?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers.link).toContain(LICENCE);
    expect(csv.body).toContain('O-IND-A');
    expect(csv.body).not.toContain('O-IND-CONF');
    const elements = await must<OpenTable>(t, '', 'GET', '/api/v1/public/datasets/elements');
    expect(elements.items).toHaveLength(1);
  });

  it('never shows a confidential indicator, even one published before it became confidential', async () => {
    const url = `/api/v1/indicators/${roles.ids.indicatorA}`;
    const { etag } = await must<{ etag: string }>(t, roles.cookies.office, 'GET', url);
    await must(t, roles.cookies.office, 'PATCH', url, { isPublic: false }, { 'if-match': etag });
    for (const dataset of ['indicators', 'figures']) {
      const res = await send(t, '', 'GET', `/api/v1/public/datasets/${dataset}?format=csv`);
      expect(res.body).not.toContain('O-IND-A');
    }
    expect(
      JSON.stringify(await must(t, '', 'GET', '/api/v1/public/datasets/figures')),
    ).not.toContain('99999');
  });

  it('describes the datasets in a DCAT-AP catalogue with the licence', async () => {
    const res = await send(t, '', 'GET', '/api/v1/public/catalog');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const catalog = res.json<
      Record<string, unknown> & { 'dcat:dataset': Record<string, unknown>[] }
    >();
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:license']).toEqual({ '@id': LICENCE });
    expect(catalog['dcat:dataset']).toHaveLength(3);
    const first = catalog['dcat:dataset'][0] as {
      '@type': string;
      'dcat:distribution': Record<string, unknown>[];
    };
    expect(first['@type']).toBe('dcat:Dataset');
    expect(first['dcat:distribution'].map((d) => d['dcat:mediaType'])).toEqual([
      'text/csv',
      'application/json',
    ]);
    expect(first['dcat:distribution'][0]?.['dct:license']).toEqual({ '@id': LICENCE });
  });
});
