/**
 * Partners and agreements imported from a French CSV (issue #6) through the real app on both
 * engines: a dry run reports a bad SIREN by row and column and writes nothing; a clean file
 * creates; the same file again changes nothing; a changed row updates; governance is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  AgreementCard,
  AgreementDetail,
  ImportReport,
  PartnerDirectory,
} from '../../src/contracts/index.ts';
import { describeEachEngine } from '../support/engines.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { must, setupRoles, SCHOOL_A, SCHOOL_B, type Roles } from '../support/roles.ts';
import { frenchCsv } from '../support/files.ts';

const PARTNER_HEADER = [
  'Nom',
  'Type de partenaire',
  'Pays',
  'Région',
  'Ville',
  'SIREN',
  'Site web',
  'Description',
];
const AGREEMENT_HEADER = [
  'Partenaire',
  "Type d'accord",
  'Titre (fr)',
  'Titre (en)',
  'Début',
  'Fin',
  'Montant (€)',
  'Échelle',
  'Écoles',
];

describeEachEngine('partner and agreement imports', (engine) => {
  let t: TestApp;
  let roles: Roles;

  beforeAll(async () => {
    t = await openTestApp(engine);
    roles = await setupRoles(t, 'PI');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const upload = async (cookie: string, kind: string, rows: string[][], dryRun = false) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?fileName=${encodeURIComponent(`${kind}.csv`)}&kind=${kind}${dryRun ? '&dryRun=true' : ''}`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: frenchCsv(rows),
    });
    return { status: res.statusCode, report: JSON.parse(res.body) as ImportReport };
  };

  const partnersNamed = async (q: string) =>
    (
      await must<PartnerDirectory>(
        t,
        roles.cookies.office,
        'GET',
        `/api/v1/partners?q=${encodeURIComponent(q)}`,
      )
    ).items;

  const partners = [
    PARTNER_HEADER,
    ['Forges Importées SA', 'company', 'FR', 'Occitanie', 'Alès', '732 829 320', '', ''],
    ['Universidad Importada', 'academic', 'es', '', 'Madrid', '', 'https://uni.example', 'Socio'],
  ];

  it('dry run reports a bad SIREN at its row and column and writes nothing', async () => {
    const bad = partners.map((r) => r.map((c) => (c === '732 829 320' ? '732829321' : c)));
    const dry = await upload(roles.cookies.office, 'partners', bad, true);
    expect(dry.status).toBe(200);
    expect(dry.report).toMatchObject({ kind: 'partners', dryRun: true, committed: false });
    expect(dry.report.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'F', field: 'SIREN' }),
    ]);
    const real = await upload(roles.cookies.office, 'partners', bad);
    expect(real.status).toBe(400);
    expect(await partnersNamed('Import')).toHaveLength(0);
  });

  it('a clean file creates partners and agreements; the same files again change nothing', async () => {
    const first = await upload(roles.cookies.office, 'partners', partners);
    expect(first.status).toBe(200);
    expect(first.report).toMatchObject({ committed: true, created: 2, updated: 0, problems: [] });
    const found = await partnersNamed('Import');
    expect(found.map((p) => p.name).sort()).toEqual([
      'Forges Importées SA',
      'Universidad Importada',
    ]);

    const agreements = [
      AGREEMENT_HEADER,
      [
        '732829320',
        'research_chair',
        'Chaire forges',
        'Forge chair',
        '01/09/2025',
        '31/08/2029',
        '12 500,50',
        'national',
        // a quoted cell: the semicolon inside separates schools, not columns
        `"${SCHOOL_A}; ${SCHOOL_B}"`,
      ],
      [
        'Universidad Importada',
        'eu_project',
        'Projet Erasmus',
        'Erasmus project',
        '',
        '',
        '',
        'european',
        '',
      ],
    ];
    const created = await upload(roles.cookies.office, 'agreements', agreements);
    expect(created.report).toMatchObject({ committed: true, created: 2, problems: [] });
    const forges = found.find((p) => p.name === 'Forges Importées SA');
    if (!forges) throw new Error('partner not imported');
    const list = await must<{ items: AgreementCard[] }>(
      t,
      roles.cookies.office,
      'GET',
      `/api/v1/agreements?partnerId=${forges.id}`,
    );
    expect(list.items).toHaveLength(1);
    const chair = await must<AgreementDetail>(
      t,
      roles.cookies.office,
      'GET',
      `/api/v1/agreements/${list.items[0]?.id ?? ''}`,
    );
    expect(chair.agreement).toMatchObject({
      kind: 'research_chair',
      amountCents: 1_250_050,
      startDate: '2025-09-01',
      endDate: '2029-08-31',
      scale: 'national',
    });
    expect(chair.agreement.unitIds).toHaveLength(2);

    const again = await upload(roles.cookies.office, 'partners', partners);
    expect(again.report).toMatchObject({ committed: true, created: 0, updated: 0, skipped: 2 });
    const againAgreements = await upload(roles.cookies.office, 'agreements', agreements);
    expect(againAgreements.report).toMatchObject({ created: 0, updated: 0, skipped: 2 });

    const changed = partners.map((r) => r.map((c) => (c === 'Socio' ? 'Socio europeo' : c)));
    const update = await upload(roles.cookies.office, 'partners', changed);
    expect(update.report).toMatchObject({ created: 0, updated: 1, skipped: 1, problems: [] });
  });

  it('refuses governance', async () => {
    const res = await upload(roles.cookies.governance, 'partners', partners);
    expect(res.status).toBe(403);
  });
});
