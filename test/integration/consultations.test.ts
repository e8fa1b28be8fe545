/**
 * Stakeholder consultations through the real app on both engines: a questionnaire built as a
 * draft, frozen once published, answered without an account through respondent links (one answer
 * per link, also under 20 concurrent submissions), refused after closing and before opening,
 * anonymous answers that keep no trace of their link, shared links that take several answers,
 * results and exports (formula-like cells neutralised), links to plan elements and citations
 * by actions, rate limiting, and link secrets kept out of logs.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEvent,
  ConsultationCreate,
  ConsultationDetail,
  ConsultationRefs,
  ConsultationResults,
  ElementConsultations,
  Problem,
  PublicQuestionnaire,
  ResponseExport,
} from '../../src/contracts/index.ts';
import { loggedUrl } from '../../src/http/log.ts';
import { PUBLIC_ANSWERS_PER_MINUTE } from '../../src/http/routes/consult-public.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR, type TestApp } from '../support/app.ts';
import {
  answer,
  createConsultation,
  fullAnswer,
  issueLinks,
  openLink,
  publish,
} from '../support/consultations.ts';
import { describeEachEngine } from '../support/engines.ts';
import { must, send, setupRoles, type Roles } from '../support/roles.ts';

describeEachEngine('consultations', (engine) => {
  let t: TestApp;
  let roles: Roles;
  let office: string;
  let n = 0;
  const code = () => `CONS-${String(++n)}`;
  let clock = new Date('2026-03-02T09:00:00Z');

  let database: Database;

  beforeAll(async () => {
    database = await engine.open();
    const strata = await strataFromDatabase(database, IMT_DIR, { now: () => clock });
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
    roles = await setupRoles(t);
    office = roles.cookies.office;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const url = (id: string) => `/api/v1/consultations/${id}`;
  const etag = async (id: string) =>
    (await must<ConsultationDetail>(t, office, 'GET', url(id))).etag;

  async function published(extra: Partial<ConsultationCreate> = {}) {
    const draft = await createConsultation(t, office, {
      code: code(),
      unitId: roles.ids.units.a,
      ...extra,
    });
    return publish(t, office, draft.consultation.id);
  }

  it('runs end to end: build, publish, answer without an account, refuse a reused link, results', async () => {
    const draft = await createConsultation(t, office, { code: code(), unitId: roles.ids.units.a });
    expect(draft.consultation.state).toBe('draft');
    expect(draft.consultation.questions.map((q) => q.kind)).toEqual([
      'rating',
      'single',
      'multiple',
      'text',
    ]);
    const id = draft.consultation.id;
    const [link, second] = await issueLinks(t, office, id, { count: 2 });
    // A draft's links open nothing yet.
    expect((await openLink(t, link ?? '')).status).toBe(404);
    const live = await publish(t, office, id);
    expect(live.consultation.state).toBe('open');

    const page = await openLink(t, link ?? '');
    expect(page.status).toBe(200);
    const questionnaire = page.json<PublicQuestionnaire>();
    expect(questionnaire.answered).toBe(false);
    expect(questionnaire.questions).toHaveLength(4);

    const first = await answer(t, link ?? '', fullAnswer(live, 4));
    expect(first.status).toBe(201);
    const again = await answer(t, link ?? '', fullAnswer(live, 2));
    expect(again.status).toBe(409);
    expect(again.json<Problem>().detail).toMatch(/already been used/);
    expect((await openLink(t, link ?? '')).json<PublicQuestionnaire>().answered).toBe(true);
    expect((await answer(t, second ?? '', fullAnswer(live, 2, 'Bof'))).status).toBe(201);

    const results = await must<ConsultationResults>(t, office, 'GET', `${url(id)}/results`);
    expect(results.responses).toBe(2);
    const [rating, single, multiple, text] = results.questions;
    expect(rating?.mean).toBe(3);
    expect(rating?.distribution).toEqual([0, 1, 0, 1, 0]);
    expect(single?.distribution).toEqual([0, 2, 0]);
    expect(multiple?.distribution).toEqual([2, 0, 2]);
    expect(text?.texts.sort()).toEqual(['Bof', 'Très bien']);
    const detail = await must<ConsultationDetail>(t, office, 'GET', url(id));
    expect(detail.tokens).toEqual({ issued: 2, used: 2 });
  });

  it('freezes a published questionnaire: changes need a new revision', async () => {
    const live = await published();
    const id = live.consultation.id;
    const patch = await send(
      t,
      office,
      'PATCH',
      url(id),
      { title: { fr: 'Autre', en: 'Other' } },
      { 'if-match': live.etag },
    );
    expect(patch.status).toBe(409);
    expect(patch.json<Problem>().detail).toMatch(/frozen/);
    const next = await must<ConsultationDetail>(t, office, 'POST', `${url(id)}/revisions`);
    expect(next.consultation.revision).toBe(2);
    expect(next.consultation.previousId).toBe(id);
    expect(next.consultation.code).toBe(live.consultation.code);
    expect(next.consultation.questions).toHaveLength(4);
    const changed = await must<ConsultationDetail>(
      t,
      office,
      'PATCH',
      url(next.consultation.id),
      { questions: [{ kind: 'rating', prompt: { fr: 'Note', en: 'Score' }, scale: '0-10' }] },
      { 'if-match': next.etag },
    );
    expect(changed.consultation.questions.map((q) => q.scale)).toEqual(['0-10']);
    // The first revision is untouched.
    const first = await must<ConsultationDetail>(t, office, 'GET', url(id));
    expect(first.consultation.questions).toHaveLength(4);
  });

  it('refuses bad questionnaires and bad answers, naming the field', async () => {
    const bad = await send(t, office, 'POST', '/api/v1/consultations', {
      code: code(),
      title: { fr: 'x', en: 'x' },
      unitId: roles.ids.units.a,
      audience: 'alumni',
      access: 'token',
      anonymous: true,
      questions: [
        { kind: 'single', prompt: { fr: 'q', en: 'q' }, options: [{ fr: 'a', en: 'a' }] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('/questions/0/options');

    const live = await published();
    const [token] = await issueLinks(t, office, live.consultation.id, { count: 1 });
    const q = live.consultation.questions;
    const cases: [unknown[], string][] = [
      [[{ questionId: q[1]?.id, choices: [0] }], '/answers'],
      [[{ questionId: q[0]?.id, rating: 6 }], '/answers/0/rating'],
      [
        [
          { questionId: q[0]?.id, rating: 3 },
          { questionId: q[1]?.id, choices: [0, 1] },
        ],
        '/answers/1/choices',
      ],
      [
        [
          { questionId: q[0]?.id, rating: 3 },
          { questionId: q[2]?.id, choices: [7] },
        ],
        '/answers/1/choices',
      ],
      [
        [
          { questionId: q[0]?.id, rating: 3 },
          { questionId: roles.ids.actionA, rating: 3 },
        ],
        '/answers/1/questionId',
      ],
      [
        [
          { questionId: q[0]?.id, rating: 3 },
          { questionId: q[0]?.id, rating: 3 },
        ],
        '/answers/1/questionId',
      ],
      [[{ questionId: q[0]?.id, text: 'x' }], '/answers/0/rating'],
    ];
    for (const [answers, field] of cases) {
      const res = await answer(t, token ?? '', { answers });
      expect(res.status, JSON.stringify(answers)).toBe(400);
      expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
    }
    // Nothing was recorded and the link is still unused.
    expect((await answer(t, token ?? '', fullAnswer(live))).status).toBe(201);
    expect((await answer(t, 'x'.repeat(43), fullAnswer(live))).status).toBe(404);
    expect((await answer(t, 'short', fullAnswer(live))).status).toBe(400);
  });

  it('refuses answers after closing and before opening, with a clear message', async () => {
    const live = await published();
    const id = live.consultation.id;
    const [a, b] = await issueLinks(t, office, id, { count: 2 });
    expect((await answer(t, a ?? '', fullAnswer(live))).status).toBe(201);
    await must(t, office, 'POST', `${url(id)}/close`, undefined, { 'if-match': await etag(id) });
    const late = await answer(t, b ?? '', fullAnswer(live));
    expect(late.status).toBe(409);
    expect(late.json<Problem>().detail).toMatch(/closed on .* no longer accepted/);
    expect((await openLink(t, b ?? '')).json<PublicQuestionnaire>().state).toBe('closed');

    // Closing by date: 20 minutes from now, and the clock moves 30 minutes.
    const soon = await published({
      closesAt: new Date(clock.getTime() + 20 * 60_000).toISOString(),
    });
    const [c] = await issueLinks(t, office, soon.consultation.id, { count: 1 });
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect((await answer(t, c ?? '', fullAnswer(soon))).status).toBe(409);

    const later = await published({
      opensAt: new Date(clock.getTime() + 24 * 3600_000).toISOString(),
    });
    const [d] = await issueLinks(t, office, later.consultation.id, { count: 1 });
    const early = await answer(t, d ?? '', fullAnswer(later));
    expect(early.status).toBe(409);
    expect(early.json<Problem>().detail).toMatch(/not accepted yet/);
  });

  it('accepts exactly one of 20 concurrent answers with the same link', async () => {
    const live = await published();
    const [token] = await issueLinks(t, office, live.consultation.id, { count: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        answer(t, token ?? '', fullAnswer(live, 1 + (i % 5)), `10.1.0.${String(i)}`),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const res = await must<ConsultationResults>(
      t,
      office,
      'GET',
      `${url(live.consultation.id)}/results`,
    );
    expect(res.responses).toBe(1);
  });

  it('keeps no respondent identity for an anonymous consultation, and names respondents otherwise', async () => {
    const anonymous = await published();
    const [token] = await issueLinks(t, office, anonymous.consultation.id, { count: 1 });
    expect((await answer(t, token ?? '', fullAnswer(anonymous), '10.2.0.1')).status).toBe(201);
    const rows = await sql<{ token_id: string | null }>`
      SELECT token_id FROM consultation_response WHERE consultation_id = ${anonymous.consultation.id}
    `.execute(database.db);
    expect(rows.rows).toEqual([{ token_id: null }]);
    const refused = await send(t, office, 'POST', `${url(anonymous.consultation.id)}/tokens`, {
      labels: ['alice@example.org'],
    });
    expect(refused.status).toBe(400);
    expect(refused.json<Problem>().errors?.[0]?.field).toBe('/labels');
    const events = await must<{ items: AuditEvent[] }>(t, office, 'GET', '/api/v1/audit');
    const respond = events.items.filter(
      (e) => e.action === 'respond' && e.entityId === anonymous.consultation.id,
    );
    expect(respond).toHaveLength(1);
    expect(respond[0]?.actor).toBe('anonymous');
    expect(respond[0]?.after).toBeNull();

    const identified = await published({ anonymous: false, audience: 'staff' });
    const [alice] = await issueLinks(t, office, identified.consultation.id, {
      labels: ['Alice Martin'],
    });
    const opened = (await openLink(t, alice ?? '')).json<PublicQuestionnaire>();
    expect(opened.respondent).toBe('Alice Martin');
    expect((await answer(t, alice ?? '', fullAnswer(identified), '10.2.0.2')).status).toBe(201);
    const exported = await must<ResponseExport>(
      t,
      office,
      'GET',
      `${url(identified.consultation.id)}/responses`,
    );
    expect(exported.responses.map((r) => r.respondent)).toEqual(['Alice Martin']);
  });

  it('takes several answers through a shared link, and a replaced link stops working', async () => {
    const live = await published({ access: 'shared', audience: 'companies' });
    const id = live.consultation.id;
    const first = await must<{ token: string }>(
      t,
      office,
      'POST',
      `${url(id)}/shared-link`,
      undefined,
      {
        'if-match': await etag(id),
      },
    );
    expect((await answer(t, first.token, fullAnswer(live), '10.3.0.1')).status).toBe(201);
    expect((await answer(t, first.token, fullAnswer(live), '10.3.0.1')).status).toBe(201);
    const second = await must<{ token: string }>(
      t,
      office,
      'POST',
      `${url(id)}/shared-link`,
      undefined,
      {
        'if-match': await etag(id),
      },
    );
    expect((await answer(t, first.token, fullAnswer(live), '10.3.0.1')).status).toBe(404);
    expect((await answer(t, second.token, fullAnswer(live), '10.3.0.1')).status).toBe(201);
    const results = await must<ConsultationResults>(t, office, 'GET', `${url(id)}/results`);
    expect(results.responses).toBe(3);
  });

  it('stores free text as given and exports CSV with formula-like cells neutralised', async () => {
    const live = await published({ anonymous: false });
    const id = live.consultation.id;
    const [one, two] = await issueLinks(t, office, id, { labels: ['=HYPERLINK("x")', 'Bob'] });
    const hostile = '<img src=x onerror=alert(1)>';
    expect((await answer(t, one ?? '', fullAnswer(live, 5, hostile), '10.4.0.1')).status).toBe(201);
    expect((await answer(t, two ?? '', fullAnswer(live, 1, '=1+2'), '10.4.0.1')).status).toBe(201);
    const results = await must<ConsultationResults>(t, office, 'GET', `${url(id)}/results`);
    expect(results.questions[3]?.texts).toContain(hostile);
    const csv = await send(t, office, 'GET', `${url(id)}/responses.csv?lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv.body).toContain('"\'=1+2"');
    expect(csv.body).toContain('"Research"');
    expect(csv.body).toContain('"Europe; Partnerships"');
    expect(csv.body.split('\r\n')[0]).toContain('1. Overall satisfaction');
    // Governance reads results but not the export that names respondents.
    expect((await send(t, roles.cookies.governance, 'GET', `${url(id)}/results`)).status).toBe(200);
    expect(
      (await send(t, roles.cookies.governance, 'GET', `${url(id)}/responses.csv`)).status,
    ).toBe(403);
  });

  it('links results to plan elements and shows them on the element; actions cite consultations', async () => {
    const live = await published();
    const id = live.consultation.id;
    const [token] = await issueLinks(t, office, id, { count: 1 });
    expect((await answer(t, token ?? '', fullAnswer(live, 5), '10.5.0.1')).status).toBe(201);
    const q = live.consultation.questions;
    const badLink = await send(
      t,
      office,
      'PUT',
      `${url(id)}/links`,
      { links: [{ elementId: roles.ids.groupElement, questionId: roles.ids.actionA }] },
      { 'if-match': await etag(id) },
    );
    expect(badLink.status).toBe(400);
    expect(badLink.json<Problem>().errors?.[0]?.field).toBe('/links/0/questionId');
    const linked = await must<ConsultationDetail>(
      t,
      office,
      'PUT',
      `${url(id)}/links`,
      {
        links: [
          { elementId: roles.ids.groupElement, questionId: q[0]?.id ?? null },
          { elementId: roles.ids.elementA, questionId: null },
        ],
      },
      { 'if-match': await etag(id) },
    );
    expect(linked.links).toHaveLength(2);
    const onGroup = await must<ElementConsultations>(
      t,
      office,
      'GET',
      `/api/v1/elements/${roles.ids.groupElement}/consultations`,
    );
    const item = onGroup.items.find((i) => i.consultation.id === id);
    expect(item?.whole).toBe(false);
    expect(item?.questions.map((x) => x.question.id)).toEqual([q[0]?.id]);
    expect(item?.questions[0]?.mean).toBe(5);
    const onA = await must<ElementConsultations>(
      t,
      roles.cookies.schoolA,
      'GET',
      `/api/v1/elements/${roles.ids.elementA}/consultations`,
    );
    expect(onA.items.find((i) => i.consultation.id === id)?.questions).toHaveLength(4);
    // School B reads the group element, but not school A's consultation.
    const seenByB = await must<ElementConsultations>(
      t,
      roles.cookies.schoolB,
      'GET',
      `/api/v1/elements/${roles.ids.groupElement}/consultations`,
    );
    expect(seenByB.items.find((i) => i.consultation.id === id)).toBeUndefined();

    const cited = await must<ConsultationRefs>(
      t,
      roles.cookies.schoolA,
      'PUT',
      `/api/v1/actions/${roles.ids.actionA}/consultations`,
      { consultationIds: [id] },
    );
    expect(cited.items.map((c) => c.id)).toEqual([id]);
    const detail = await must<ConsultationDetail>(t, office, 'GET', url(id));
    expect(detail.citedBy.map((a) => a.id)).toEqual([roles.ids.actionA]);
    const byB = await send(
      t,
      roles.cookies.schoolB,
      'PUT',
      `/api/v1/actions/${roles.ids.actionB}/consultations`,
      { consultationIds: [id] },
    );
    expect(byB.status).toBe(400);
    expect(byB.json<Problem>().errors?.[0]?.field).toBe('/consultationIds/0');
  });

  it('limits answers per client address', async () => {
    const live = await published({ access: 'shared' });
    const id = live.consultation.id;
    const { token } = await must<{ token: string }>(
      t,
      office,
      'POST',
      `${url(id)}/shared-link`,
      undefined,
      {
        'if-match': await etag(id),
      },
    );
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_ANSWERS_PER_MINUTE; i++) {
      statuses.push((await answer(t, token, fullAnswer(live), '10.9.9.9')).status);
    }
    expect(statuses.slice(0, PUBLIC_ANSWERS_PER_MINUTE).every((s) => s === 201)).toBe(true);
    const last = await answer(t, token, fullAnswer(live), '10.9.9.9');
    expect(last.status).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect((await answer(t, token, fullAnswer(live), '10.9.9.10')).status).toBe(201);
  });

  it('refuses a cross-site answer', async () => {
    const live = await published();
    const [token] = await issueLinks(t, office, live.consultation.id, { count: 1 });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consult/${token ?? ''}/responses`,
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      payload: JSON.stringify(fullAnswer(live)),
    });
    expect(res.statusCode).toBe(403);
    expect((await answer(t, token ?? '', fullAnswer(live), '10.6.0.1')).status).toBe(201);
  });
});

describe('consultation link secrets in logs', () => {
  it('are replaced in logged URLs', () => {
    const secret = 'a'.repeat(43);
    expect(loggedUrl(`/consult/${secret}`)).toBe('/consult/<secret>');
    expect(loggedUrl(`/api/v1/consult/${secret}/responses`)).toBe(
      '/api/v1/consult/<secret>/responses',
    );
    expect(loggedUrl('/api/v1/consultations')).toBe('/api/v1/consultations');
  });
});
