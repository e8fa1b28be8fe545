/**
 * The partner registry and funding lines through the real app on both engines: SIREN checks and
 * duplicates with an audited merge; a priority page's partners, agreements and funding; budget
 * execution in exact cents; contacts seen only by those allowed, exported (JSON, CSV) and erased
 * so that no table, audit event or export still holds the person's e-mail or name.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  AgreementDetail,
  ContactDetail,
  ContactExport,
  DuplicatePair,
  ElementPartnerships,
  FundingExecution,
  FundingLineDetail,
  PartnerDetail,
  PartnerDirectory,
  PlanTree,
  Problem,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import { seedDemoRegistry } from '../../src/services/partners/demo.ts';
import { must, send, setupRoles, type Roles } from '../support/roles.ts';

const EMAIL = 'jeanne.martin@contact-secret.example';
const NAME = 'Jeanne Zéphyrine Martin';

describeEachEngine('partner registry and funding', (engine) => {
  let t: TestApp;
  let database: Database;
  let roles: Roles;
  let overview: WorkspaceOverview;
  const office = () => roles.cookies.office;
  const codeOf = new Map<string, string>();

  beforeAll(async () => {
    database = await engine.open();
    const strata = await strataFromDatabase(database, IMT_DIR);
    const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
    await app.ready();
    t = {
      app,
      strata,
      close: async () => {
        await app.close();
        await strata.close();
      },
    };
    roles = await setupRoles(t, 'PT');
    overview = await must<WorkspaceOverview>(t, office(), 'GET', '/api/v1/workspace');
    const tree = await must<PlanTree>(
      t,
      office(),
      'GET',
      `/api/v1/plans/${overview.groupPlanId ?? ''}/tree`,
    );
    for (const node of tree.nodes) codeOf.set(node.code, node.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const element = (code: string) => {
    const id = codeOf.get(code);
    if (!id) throw new Error(`no element ${code}`);
    return id;
  };

  it('checks the SIREN key, refuses a second partner with the same SIREN, keeps free text as sent', async () => {
    const bad = await send(t, office(), 'POST', '/api/v1/partners', {
      name: 'Bad key',
      kind: 'company',
      country: 'FR',
      siren: '732829321',
    });
    expect(bad.status).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('/siren');
    const js = await send(t, office(), 'POST', '/api/v1/partners', {
      name: 'Link',
      kind: 'company',
      country: 'FR',
      website: 'javascript:alert(1)',
    });
    expect(js.status).toBe(400);
    expect(js.json<Problem>().errors?.[0]?.field).toBe('/website');
    const hostile = '<img src=x onerror=alert(1)> "Ä" & co';
    const created = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Dassault Systèmes SE',
      kind: 'company',
      country: 'FR',
      region: 'Île-de-France',
      siren: '322306440',
      description: hostile,
    });
    expect(created.partner.description).toBe(hostile);
    const again = await send(t, office(), 'POST', '/api/v1/partners', {
      name: 'Another name',
      kind: 'company',
      country: 'FR',
      siren: '322306440',
    });
    expect(again.status).toBe(409);
    expect(again.json<Problem>().errors?.[0]?.field).toBe('/siren');
    const foreign = await send(t, office(), 'POST', '/api/v1/partners', {
      name: 'Siemens',
      kind: 'company',
      country: 'DE',
      siren: '322306440',
    });
    expect(foreign.status).toBe(400);
  });

  it('finds near-identical names in one country and merges them with their agreements and contacts, audited', async () => {
    const kept = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Région Occitanie',
      kind: 'local_authority',
      country: 'FR',
    });
    const dup = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Region Occitanie.',
      kind: 'local_authority',
      country: 'FR',
      region: 'Occitanie',
    });
    // The same name in another country is another partner.
    await must(t, office(), 'POST', '/api/v1/partners', {
      name: 'Region Occitanie',
      kind: 'local_authority',
      country: 'ES',
    });
    const pairs = await must<{ items: DuplicatePair[] }>(
      t,
      office(),
      'GET',
      '/api/v1/partners/duplicates',
    );
    const pair = pairs.items.filter((p) =>
      [p.a.id, p.b.id].every((id) => [kept.partner.id, dup.partner.id].includes(id)),
    );
    expect(pair).toHaveLength(1);
    expect(pairs.items.some((p) => p.a.country === 'ES' || p.b.country === 'ES')).toBe(false);
    const page = await must<PartnerDetail>(
      t,
      office(),
      'GET',
      `/api/v1/partners/${kept.partner.id}`,
    );
    expect(page.duplicates.map((d) => d.partner.id)).toEqual([dup.partner.id]);

    const agreement = await must<AgreementDetail>(t, office(), 'POST', '/api/v1/agreements', {
      partnerId: dup.partner.id,
      kind: 'framework',
      title: { fr: 'Convention cadre Occitanie', en: 'Occitanie framework agreement' },
      scale: 'regional',
      unitIds: [roles.ids.units.a],
    });
    const contact = await must<ContactDetail>(
      t,
      office(),
      'POST',
      `/api/v1/partners/${dup.partner.id}/contacts`,
      { fullName: 'Paul Merge', purpose: 'Regional liaison', legalBasis: 'public_task' },
    );
    const refused = await send(
      t,
      roles.cookies.schoolA,
      'POST',
      `/api/v1/partners/${kept.partner.id}/merge`,
      {
        duplicateId: dup.partner.id,
      },
    );
    expect(refused.status).toBe(403);
    const merged = await must<PartnerDetail>(
      t,
      office(),
      'POST',
      `/api/v1/partners/${kept.partner.id}/merge`,
      { duplicateId: dup.partner.id },
    );
    expect(merged.agreements.map((a) => a.id)).toEqual([agreement.agreement.id]);
    expect(merged.contacts?.map((c) => c.id)).toEqual([contact.contact.id]);
    expect(merged.partner.region).toBe('Occitanie');
    expect(merged.duplicates).toEqual([]);
    expect((await send(t, office(), 'GET', `/api/v1/partners/${dup.partner.id}`)).status).toBe(404);
    const events = await database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'action'])
      .where('entity_type', '=', 'partner')
      .where('action', 'in', ['merge', 'merged_into'])
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { entity_id: kept.partner.id, action: 'merge' },
        { entity_id: dup.partner.id, action: 'merged_into' },
      ]),
    );
  });

  it('shows on a priority page the partners, agreements and funding that serve it, in exact cents', async () => {
    const partner = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Syndicat mixte du port',
      kind: 'public_body',
      country: 'FR',
      region: 'Bretagne',
    });
    const sponsor = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Fondation Horizon',
      kind: 'association',
      country: 'FR',
    });
    const a4 = element('A4');
    const a41 = element('A4.1');
    const agreement = await must<AgreementDetail>(t, office(), 'POST', '/api/v1/agreements', {
      partnerId: partner.partner.id,
      kind: 'joint_lab',
      title: { fr: 'Laboratoire commun du port', en: 'Port joint laboratory' },
      scale: 'regional',
      amountCents: 150_000_00,
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      elementIds: [a41],
    });
    expect(agreement.elements.map((e) => e.code)).toEqual(['A4.1']);
    const action = await must<{ action: { id: string } }>(t, office(), 'POST', '/api/v1/actions', {
      code: 'PT-A4-ACT',
      title: { fr: 'Action portuaire', en: 'Port action' },
      leadUnitId: roles.ids.units.a,
      elementIds: [a41],
    });
    const line = await must<FundingLineDetail>(t, office(), 'POST', '/api/v1/funding-lines', {
      title: { fr: 'Mécénat Horizon', en: 'Horizon sponsorship' },
      programme: 'company_sponsorship',
      funder: 'Fondation Horizon',
      funderPartnerId: sponsor.partner.id,
      unitId: roles.ids.units.a,
      cofinancingRate: 50,
      actionIds: [action.action.id],
      amounts: [
        { year: 2024, plannedCents: 10_000_01, committedCents: 9_000_00, spentCents: 3_333_33 },
        { year: 2025, plannedCents: 20_000_02, committedCents: 0, spentCents: 3_333_34 },
      ],
    });
    expect(line.card.totals).toEqual({
      plannedCents: 30_000_03,
      committedCents: 9_000_00,
      spentCents: 6_666_67,
      executionRate: 6_666_67 / 30_000_03,
    });
    const twice = await send(t, office(), 'POST', '/api/v1/funding-lines', {
      title: { fr: 'x', en: 'x' },
      programme: 'anr',
      funder: 'ANR',
      amounts: [
        { year: 2024, plannedCents: 1, committedCents: 0, spentCents: 0 },
        { year: 2024, plannedCents: 2, committedCents: 0, spentCents: 0 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.json<Problem>().errors?.[0]?.field).toBe('/amounts/1/year');

    const view = await must<ElementPartnerships>(
      t,
      office(),
      'GET',
      `/api/v1/elements/${a4}/partnerships`,
    );
    expect(view.agreements.map((a) => a.id)).toEqual([agreement.agreement.id]);
    expect(view.fundingLines.map((l) => l.id)).toEqual([line.fundingLine.id]);
    expect(view.partners.map((p) => p.name).sort()).toEqual(
      ['Fondation Horizon', 'Syndicat mixte du port'].sort(),
    );
    expect(view.totals.plannedCents).toBe(30_000_03);
    const other = await must<ElementPartnerships>(
      t,
      office(),
      'GET',
      `/api/v1/elements/${element('C1')}/partnerships`,
    );
    expect(other.agreements.map((a) => a.id)).not.toContain(agreement.agreement.id);

    const directory = await must<PartnerDirectory>(
      t,
      office(),
      'GET',
      `/api/v1/partners?elementId=${a4}&scale=regional`,
    );
    expect(directory.items.map((p) => p.id)).toEqual([partner.partner.id]);
    expect(directory.byRegion).toEqual([{ key: 'Bretagne', count: 1 }]);

    const execution = await must<FundingExecution>(t, office(), 'GET', '/api/v1/funding/execution');
    const byA4 = execution.byPriority.find((p) => p.element?.id === a4);
    expect(byA4?.totals.spentCents).toBe(6_666_67);
    const bySchool = execution.bySchool.find((s) => s.unit?.id === roles.ids.units.a);
    expect(bySchool?.totals.plannedCents).toBe(30_000_03);
    expect(
      execution.byFunder.find((f) => f.partner?.id === sponsor.partner.id)?.totals.committedCents,
    ).toBe(9_000_00);
    const in2025 = await must<FundingExecution>(
      t,
      office(),
      'GET',
      '/api/v1/funding/execution?year=2025',
    );
    expect(in2025.totals.plannedCents).toBe(20_000_02);

    // School B's editor sees neither school A's funding line nor its amounts.
    const asB = await must<ElementPartnerships>(
      t,
      roles.cookies.schoolB,
      'GET',
      `/api/v1/elements/${a4}/partnerships`,
    );
    expect(asB.fundingLines).toEqual([]);
    expect(
      (await send(t, roles.cookies.schoolB, 'GET', `/api/v1/funding-lines/${line.fundingLine.id}`))
        .status,
    ).toBe(404);
  });

  it('updates under If-Match: missing 428, stale 412', async () => {
    const created = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Versioned partner',
      kind: 'academic',
      country: 'BE',
    });
    const url = `/api/v1/partners/${created.partner.id}`;
    expect((await send(t, office(), 'PATCH', url, { city: 'Liège' })).status).toBe(428);
    const ok = await must<PartnerDetail>(
      t,
      office(),
      'PATCH',
      url,
      { city: 'Liège' },
      {
        'if-match': created.etag,
      },
    );
    expect(ok.partner.city).toBe('Liège');
    const stale = await send(
      t,
      office(),
      'PATCH',
      url,
      { city: 'Gand' },
      { 'if-match': created.etag },
    );
    expect(stale.status).toBe(412);
  });

  it('shows contacts only to those allowed; exports and erases one so no table, event or export keeps the e-mail', async () => {
    const partner = await must<PartnerDetail>(t, office(), 'POST', '/api/v1/partners', {
      name: 'Contact holder company',
      kind: 'company',
      country: 'FR',
    });
    await must(t, office(), 'POST', '/api/v1/agreements', {
      partnerId: partner.partner.id,
      kind: 'apprenticeship',
      title: { fr: 'Apprentissage', en: 'Apprenticeship' },
      scale: 'national',
      unitIds: [roles.ids.units.a],
    });
    const created = await must<ContactDetail>(
      t,
      roles.cookies.schoolA,
      'POST',
      `/api/v1/partners/${partner.partner.id}/contacts`,
      {
        fullName: NAME,
        email: EMAIL,
        phone: '+33 1 23 45 67 89',
        jobTitle: 'Head of apprenticeships',
        purpose: 'Follow-up of the apprenticeship agreement',
        legalBasis: 'legitimate_interest',
      },
    );
    const id = created.contact.id;
    const updated = await must<ContactDetail>(
      t,
      office(),
      'PATCH',
      `/api/v1/contacts/${id}`,
      { note: `Met at the forum; write to ${EMAIL}` },
      { 'if-match': created.etag },
    );
    expect(updated.contact.note).toContain(EMAIL);

    // Who sees the contact.
    const partnerUrl = `/api/v1/partners/${partner.partner.id}`;
    for (const role of ['governance', 'contributor', 'schoolB'] as const) {
      const page = await must<PartnerDetail>(t, roles.cookies[role], 'GET', partnerUrl);
      expect(page.contacts).toBeNull();
      const contactRes = await send(t, roles.cookies[role], 'GET', `/api/v1/contacts/${id}`);
      expect(contactRes.status).toBe(role === 'schoolB' ? 404 : 403);
      expect(contactRes.body).not.toContain(EMAIL);
    }
    expect((await send(t, '', 'GET', `/api/v1/contacts/${id}`)).status).toBe(401);
    const asA = await must<PartnerDetail>(t, roles.cookies.schoolA, 'GET', partnerUrl);
    expect(asA.contacts?.[0]?.email).toBe(EMAIL);
    expect(
      (await send(t, roles.cookies.schoolA, 'GET', `/api/v1/contacts/${id}/export`)).status,
    ).toBe(403);
    expect(
      (await send(t, roles.cookies.schoolA, 'POST', `/api/v1/contacts/${id}/erase`)).status,
    ).toBe(403);

    // The audit trail never held the person's name or e-mail.
    const auditText = async () =>
      JSON.stringify(await database.db.selectFrom('audit_event').selectAll().execute());
    expect(await auditText()).not.toContain(EMAIL);
    expect(await auditText()).not.toContain('Zéphyrine');
    const contactEvents = await database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'after'])
      .where('entity_type', '=', 'contact')
      .where('entity_id', '=', id)
      .execute();
    expect(contactEvents.length).toBe(2);

    // Export: everything, as JSON and as CSV.
    const exported = await must<ContactExport>(t, office(), 'GET', `/api/v1/contacts/${id}/export`);
    expect(exported.contact.email).toBe(EMAIL);
    expect(exported.contact.purpose).toBe('Follow-up of the apprenticeship agreement');
    expect(exported.history.map((e) => e.action)).toEqual(['update', 'create']);
    const csv = await send(t, office(), 'GET', `/api/v1/contacts/${id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(EMAIL);
    expect(csv.body).toContain(`"'+33 1 23 45 67 89"`);

    // Erase: the personal fields are gone everywhere.
    const erased = await must<ContactDetail>(t, office(), 'POST', `/api/v1/contacts/${id}/erase`);
    expect(erased.contact.email).toBeNull();
    expect(erased.contact.fullName).toBe('');
    expect(erased.contact.erasedAt).not.toBeNull();
    expect(erased.contact.legalBasis).toBe('legitimate_interest');
    const afterJson = await send(t, office(), 'GET', `/api/v1/contacts/${id}/export`);
    const afterCsv = await send(t, office(), 'GET', `/api/v1/contacts/${id}/export.csv`);
    for (const body of [afterJson.body, afterCsv.body]) {
      expect(body).not.toContain(EMAIL);
      expect(body).not.toContain('Zéphyrine');
    }
    expect(await auditText()).not.toContain(EMAIL);
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    `.execute(database.db);
    expect(tables.rows.length).toBeGreaterThan(20);
    for (const { table_name } of tables.rows) {
      const dump = await sql<{ row: string }>`
        SELECT t::text AS row FROM ${sql.table(table_name)} AS t
      `.execute(database.db);
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, table_name).not.toContain(EMAIL);
      expect(text, table_name).not.toContain('Zéphyrine');
    }
    // An erased contact cannot be changed back into a person; erasing again changes nothing.
    const patch = await send(
      t,
      office(),
      'PATCH',
      `/api/v1/contacts/${id}`,
      { fullName: 'X' },
      {
        'if-match': erased.etag,
      },
    );
    expect(patch.status).toBe(404);
    const again = await must<ContactDetail>(t, office(), 'POST', `/api/v1/contacts/${id}/erase`);
    expect(again.etag).toBe(erased.etag);
  });

  it('seeds an illustrative registry for the demo outside the plan bundle: A4, C1 and C3 show their partners; the plan export is unchanged', async () => {
    const before = await t.strata.services.planFiles.exportYaml('imt');
    expect(await seedDemoRegistry(t.strata.services, 'imt')).toBe(5);
    expect(await t.strata.services.planFiles.exportYaml('imt')).toBe(before);
    for (const code of ['A4', 'C1', 'C3']) {
      const view = await must<ElementPartnerships>(
        t,
        office(),
        'GET',
        `/api/v1/elements/${element(code)}/partnerships`,
      );
      const illustrative = view.agreements.filter((a) => a.provenance === 'illustrative');
      expect(illustrative.length, code).toBeGreaterThan(0);
    }
    const execution = await must<FundingExecution>(t, office(), 'GET', '/api/v1/funding/execution');
    expect(execution.byPriority.some((p) => p.element?.code === 'A4')).toBe(true);
  });
});
