/**
 * Spreadsheet imports (issue #5, SECURITY-BAR 16, 20–22) through the real app on both engines:
 * French CSV and XLSX, dry run with every problem by row and column, all or nothing,
 * idempotence, corrections noted with the file name, permissions as in the API, and the bad
 * files (over the limit, zip bomb, wrong kind of file, wrong encoding); then exports and the
 * import templates.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport, Measurement, Problem } from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { must, send, setupRoles, GROUP, SCHOOL_A, SCHOOL_B, type Roles } from '../support/roles.ts';
import { frenchCsv, readWorkbook, workbook, zipWithDirectory } from '../support/files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Indicateur', 'Unité', 'Période', 'Valeur', 'Provenance', 'Source', 'Note'];

describeEachEngine('spreadsheet imports and exports', (engine) => {
  let t: TestApp;
  let roles: Roles;
  let ind: string;
  let conf: string;

  beforeAll(async () => {
    t = await openTestApp(engine);
    roles = await setupRoles(t, 'D');
    ind = 'D-IND-A';
    conf = 'D-IND-CONF';
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const upload = async (
    cookie: string,
    fileName: string,
    bytes: Buffer,
    options: { type?: string; dryRun?: boolean; headers?: Record<string, string> } = {},
  ) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?fileName=${encodeURIComponent(fileName)}${options.dryRun ? '&dryRun=true' : ''}`,
      headers: {
        ...(cookie ? { cookie } : {}),
        'content-type': options.type ?? (fileName.endsWith('.xlsx') ? XLSX : 'text/csv'),
        ...options.headers,
      },
      payload: bytes,
    });
    return { status: res.statusCode, body: res.body, json: <T>() => JSON.parse(res.body) as T };
  };

  const figures = async (code: string, history = true) => {
    const id = code === ind ? roles.ids.indicatorA : roles.ids.confidentialIndicator;
    return (
      await must<{ items: Measurement[] }>(
        t,
        roles.cookies.office,
        'GET',
        `/api/v1/indicators/${id}/measurements?history=${String(history)}`,
      )
    ).items;
  };

  it('imports a French CSV (BOM, ";", decimal comma) all at once, and the same file again changes nothing', async () => {
    const file = frenchCsv([
      HEADER,
      [ind, SCHOOL_A, '2024', '1 234,5', 'official', 'Rapport annuel', ''],
      [ind, SCHOOL_B, '2024', '98,25', '', '', ''],
    ]);
    const before = (await figures(ind)).length;
    const dry = await upload(roles.cookies.office, 'ecoles-2024.csv', file, { dryRun: true });
    expect(dry.status).toBe(200);
    const dryReport = dry.json<ImportReport>();
    expect(dryReport).toMatchObject({
      kind: 'measurements',
      dryRun: true,
      committed: false,
      created: 2,
      problems: [],
    });
    expect((await figures(ind)).length).toBe(before);

    const real = await upload(roles.cookies.office, 'ecoles-2024.csv', file);
    expect(real.status).toBe(200);
    expect(real.json<ImportReport>()).toMatchObject({
      committed: true,
      created: 2,
      updated: 0,
      skipped: 0,
    });
    const after = await figures(ind);
    expect(after.length).toBe(before + 2);
    expect(after.find((m) => m.unitId === roles.ids.units.a && m.period === '2024')?.value).toBe(
      1234.5,
    );
    expect(after.find((m) => m.unitId === roles.ids.units.b && m.period === '2024')?.value).toBe(
      98.25,
    );

    const again = await upload(roles.cookies.office, 'ecoles-2024.csv', file);
    expect(again.json<ImportReport>()).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      skipped: 2,
    });
    expect((await figures(ind)).length).toBe(before + 2);
  });

  it('turns a changed value into a correction noting the file, keeping the old record', async () => {
    const file = frenchCsv([HEADER, [ind, SCHOOL_A, '2024', '1300', 'official', '', 'recount']]);
    const res = await upload(roles.cookies.office, 'correction.csv', file);
    expect(res.json<ImportReport>()).toMatchObject({ committed: true, created: 0, updated: 1 });
    const history = (await figures(ind)).filter(
      (m) => m.unitId === roles.ids.units.a && m.period === '2024',
    );
    expect(history.map((m) => m.value)).toEqual([1300, 1234.5]);
    expect(history[0]?.note).toBe('imported from correction.csv — recount');
    expect(history[0]?.supersedesId).toBe(history[1]?.id);
  });

  it('imports an XLSX workbook (numbers and dates as cells) the same way', async () => {
    const file = await workbook([HEADER, [ind, SCHOOL_A, '2023', 1111, 'estimated', null, null]]);
    const res = await upload(roles.cookies.office, 'fichier.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ format: 'xlsx', committed: true, created: 1 });
    expect(
      (await figures(ind)).find((m) => m.unitId === roles.ids.units.a && m.period === '2023')
        ?.provenance,
    ).toBe('estimated');
  });

  it('reports every problem by row and column, and a file with problems writes nothing', async () => {
    const file = frenchCsv([
      HEADER,
      [ind, SCHOOL_A, '2022', '10', '', '', ''],
      [ind, SCHOOL_A, '2021', 'douze', '', '', ''],
      ['NOPE', SCHOOL_A, '2021', '1', '', '', ''],
      [ind, SCHOOL_A, '2021-S1', '1', '', '', ''],
      [ind, 'NOWHERE', '2021', '1', 'rumour', '', ''],
      [ind, SCHOOL_A, '2022', '11', '', '', ''],
    ]);
    const before = (await figures(ind)).length;
    const dry = await upload(roles.cookies.office, 'bad.csv', file, { dryRun: true });
    const report = dry.json<ImportReport>();
    expect(report.problems.map((p) => `${p.row}${p.column}`)).toEqual([
      '3D',
      '4A',
      '5C',
      '6E',
      '7C',
    ]);
    expect(report.problems[0]?.message).toContain('"douze" is not a number');
    expect(report.problems[4]?.message).toContain('same indicator, unit and period as row 2');

    const real = await upload(roles.cookies.office, 'bad.csv', file);
    expect(real.status).toBe(400);
    const problem = real.json<Problem>();
    expect(problem.errors?.[0]?.field).toBe('row 3, column D (Valeur)');
    expect((await figures(ind)).length).toBe(before);
  });

  it('applies the API permissions: school B may not record school A, governance and anonymous may not import', async () => {
    const file = frenchCsv([HEADER, [ind, SCHOOL_A, '2020', '5', '', '', '']]);
    // As through the API: school A's figures are hidden from school B (no such unit), and the
    // group's, which B sees, are not B's to record.
    const b = await upload(roles.cookies.schoolB, 'b.csv', file);
    expect(b.status).toBe(400);
    expect(b.body).toContain(`no unit with code ${SCHOOL_A}`);
    const group = await upload(
      roles.cookies.schoolB,
      'g.csv',
      frenchCsv([HEADER, [ind, GROUP, '2020', '5', '', '', '']]),
    );
    expect(group.body).toContain(`you may not record figures of ${ind} for ${GROUP}`);
    expect((await upload(roles.cookies.governance, 'g.csv', file)).status).toBe(403);
    expect((await upload('', 'a.csv', file)).status).toBe(401);
    const a = await upload(roles.cookies.schoolA, 'a.csv', file);
    expect(a.json<ImportReport>()).toMatchObject({ committed: true, created: 1 });
  });

  it('refuses a file over the limit with 413 before parsing', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x41);
    const res = await upload(roles.cookies.office, 'big.csv', big);
    expect(res.status).toBe(413);
  });

  it('refuses a zip bomb from its central directory, before inflating', async () => {
    const bomb = zipWithDirectory([
      { name: '[Content_Types].xml', compressedSize: 100, uncompressedSize: 300 },
      { name: 'xl/worksheets/sheet1.xml', compressedSize: 10_000, uncompressedSize: 4_000_000_000 },
    ]);
    const res = await upload(roles.cookies.office, 'bomb.xlsx', bomb);
    expect(res.status).toBe(400);
    expect(res.json<Problem>().detail).toMatch(/expands/);
    const many = zipWithDirectory(
      Array.from({ length: 3000 }, (_, i) => ({
        name: `f${i}`,
        compressedSize: 1,
        uncompressedSize: 1,
      })),
    );
    expect((await upload(roles.cookies.office, 'many.xlsx', many)).json<Problem>().detail).toMatch(
      /3000 entries/,
    );
  });

  it('refuses a file that is not what its name says, with a clear message', async () => {
    const csvAsXlsx = await upload(roles.cookies.office, 'fake.xlsx', frenchCsv([HEADER]));
    expect(csvAsXlsx.status).toBe(400);
    expect(csvAsXlsx.json<Problem>().detail).toContain('not an XLSX workbook');
    const zipNoTypes = zipWithDirectory([
      { name: 'hello.txt', compressedSize: 5, uncompressedSize: 5 },
    ]);
    expect(
      (await upload(roles.cookies.office, 'z.xlsx', zipNoTypes)).json<Problem>().detail,
    ).toContain('[Content_Types].xml');
    const xlsxAsCsv = await upload(roles.cookies.office, 'table.csv', await workbook([HEADER]));
    expect(xlsxAsCsv.json<Problem>().detail).toContain('not CSV text');
    const latin1 = Buffer.from('Indicateur;Unité;Période;Valeur\n', 'latin1');
    const bad = await upload(roles.cookies.office, 'latin1.csv', latin1);
    expect(bad.status).toBe(400);
    expect(bad.json<Problem>().detail).toContain('CSV UTF-8');
    const noBom16 = Buffer.from('Indicateur;Unité\n', 'utf16le');
    expect(
      (await upload(roles.cookies.office, 'u16.csv', noBom16)).json<Problem>().detail,
    ).toContain('UTF-16');
  });

  it('reads UTF-16 with its byte-order mark', async () => {
    const text = `${HEADER.join('\t')}\r\n${[ind, SCHOOL_B, '2019', '7,5', '', '', ''].join('\t')}\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await upload(roles.cookies.office, 'excel-unicode.txt', bytes, {
      type: 'text/csv',
    });
    expect(res.json<ImportReport>()).toMatchObject({ committed: true, created: 1 });
  });

  it('keeps the CSRF rules: a text/plain upload and a foreign Origin are refused', async () => {
    const file = frenchCsv([HEADER, [ind, SCHOOL_A, '2018', '1', '', '', '']]);
    expect((await upload(roles.cookies.office, 'x.csv', file, { type: 'text/plain' })).status).toBe(
      403,
    );
    const foreign = await upload(roles.cookies.office, 'x.csv', file, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('imports indicators and actions through their services, idempotently', async () => {
    const indicators = frenchCsv([
      ['Code', 'Nom (fr)', 'Nom (en)', 'Sens', 'Fréquence', 'Unité de mesure', 'Public'],
      ['D-NEW-1', 'Nouvel indicateur', 'New indicator', 'increase', 'year', 'nb', 'oui'],
    ]);
    expect(
      (await upload(roles.cookies.office, 'ind.csv', indicators)).json<ImportReport>(),
    ).toMatchObject({
      kind: 'indicators',
      created: 1,
    });
    expect(
      (await upload(roles.cookies.office, 'ind.csv', indicators)).json<ImportReport>(),
    ).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 1,
    });
    const actions = frenchCsv([
      ['Code', 'Titre (fr)', 'Titre (en)', 'Unité pilote', 'Échéance', 'Avancement'],
      ['D-ACT-NEW', 'Action importée', 'Imported action', SCHOOL_A, '31/12/2026', '10'],
    ]);
    expect(
      (await upload(roles.cookies.schoolA, 'act.csv', actions)).json<ImportReport>(),
    ).toMatchObject({
      kind: 'actions',
      created: 1,
    });
    const changed = frenchCsv([
      ['Code', 'Titre (fr)', 'Titre (en)', 'Unité pilote', 'Échéance', 'Avancement'],
      ['D-ACT-NEW', 'Action importée', 'Imported action', SCHOOL_A, '31/12/2026', '40'],
    ]);
    expect(
      (await upload(roles.cookies.schoolA, 'act.csv', changed)).json<ImportReport>(),
    ).toMatchObject({
      updated: 1,
    });
    const byB = await upload(roles.cookies.schoolB, 'act.csv', changed);
    expect(byB.status).toBe(400);
  });

  it('exports lists as French CSV (BOM, ";", decimal comma), comma CSV, XLSX with neutralised cells, and JSON', async () => {
    await must(t, roles.cookies.office, 'POST', '/api/v1/actions', {
      code: 'D-EVIL',
      title: { fr: '=HYPERLINK("http://evil.example")', en: '@SUM(1)' },
      leadUnitId: roles.ids.units.a,
    });
    const csv = await send(t, roles.cookies.office, 'GET', '/api/v1/exports/indicators');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body.split('\r\n')[0]).toContain('Code;Nom (fr);Nom (en)');
    const actionsCsv = await send(
      t,
      roles.cookies.office,
      'GET',
      '/api/v1/exports/actions?separator=comma&locale=en',
    );
    expect(actionsCsv.body).toContain(`"'=HYPERLINK(""http://evil.example"")",'@SUM(1)`);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exports/actions?format=xlsx',
      headers: { cookie: roles.cookies.office },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(xlsx.rawPayload);
    const evil = rows.find((r) => r[0] === 'D-EVIL');
    expect(evil?.[1]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(evil?.[2]).toBe("'@SUM(1)");
    const json = await send(
      t,
      roles.cookies.office,
      'GET',
      '/api/v1/exports/dashboard?format=json',
    );
    expect(json.json<{ items: { code: string }[] }>().items.length).toBeGreaterThan(5);
    const figuresCsv = await send(
      t,
      roles.cookies.office,
      'GET',
      `/api/v1/exports/measurements?indicatorId=${roles.ids.indicatorA}`,
    );
    expect(figuresCsv.body).toContain(`${ind};${SCHOOL_A};2024;1300;`);
  });

  it("never exports school A's figures of a confidential indicator to school B", async () => {
    await must(t, roles.cookies.office, 'POST', '/api/v1/imports?fileName=c.csv', undefined).catch(
      () => undefined,
    );
    const file = frenchCsv([HEADER, [conf, SCHOOL_A, '2024', '4242', '', '', '']]);
    expect(
      (await upload(roles.cookies.office, 'conf.csv', file)).json<ImportReport>().committed,
    ).toBe(true);
    const asB = await send(
      t,
      roles.cookies.schoolB,
      'GET',
      '/api/v1/exports/measurements?format=json',
    );
    expect(asB.body).not.toContain('4242');
    const asA = await send(
      t,
      roles.cookies.schoolA,
      'GET',
      '/api/v1/exports/measurements?format=json',
    );
    expect(asA.body).toContain('4242');
  });

  it('gives a measurement template pre-filled with what the reader may record', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/templates/measurements?period=2025',
      headers: { cookie: roles.cookies.schoolA },
    });
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[1] === SCHOOL_A && r[2] === '2025')).toBe(true);
    // The template, filled in, imports as is.
    const filled = await workbook([
      HEADER,
      ...rows
        .slice(1, 3)
        .map((r) => [r[0], r[1], r[2], 3, 'official', '', ''] as (string | number)[]),
    ]);
    const report = (
      await upload(roles.cookies.schoolA, 'template.xlsx', filled)
    ).json<ImportReport>();
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
  });
});
