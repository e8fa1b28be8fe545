/**
 * Helpers of the consultation tests: a questionnaire with one question of each kind, and the
 * public answering requests (sent from a given client address, as a respondent's browser would).
 */
import type { ConsultationCreate, ConsultationDetail } from '../../src/contracts/index.ts';
import type { TestApp } from './app.ts';
import { must, send, type Sent } from './roles.ts';

/** The four questions: rating 1–5 (required), single choice, multiple choice, free text. */
export const QUESTIONS: NonNullable<ConsultationCreate['questions']> = [
  {
    kind: 'rating',
    prompt: { fr: 'Satisfaction globale', en: 'Overall satisfaction' },
    required: true,
    scale: '1-5',
  },
  {
    kind: 'single',
    prompt: { fr: 'Priorité la plus utile', en: 'Most useful priority' },
    options: [
      { fr: 'Formation', en: 'Training' },
      { fr: 'Recherche', en: 'Research' },
      { fr: 'Territoires', en: 'Regions' },
    ],
  },
  {
    kind: 'multiple',
    prompt: { fr: 'Thèmes à renforcer', en: 'Themes to strengthen' },
    options: [
      { fr: 'Europe', en: 'Europe' },
      { fr: 'Transition écologique', en: 'Ecological transition' },
      { fr: 'Partenariats', en: 'Partnerships' },
    ],
  },
  { kind: 'text', prompt: { fr: 'Commentaire', en: 'Comment' } },
];

/** Creates a draft consultation as the holder of `cookie`. */
export function createConsultation(
  t: TestApp,
  cookie: string,
  input: Partial<ConsultationCreate> & { code: string; unitId: string },
): Promise<ConsultationDetail> {
  return must<ConsultationDetail>(t, cookie, 'POST', '/api/v1/consultations', {
    title: { fr: `Consultation ${input.code}`, en: `Consultation ${input.code}` },
    audience: 'students',
    access: 'token',
    anonymous: true,
    questions: QUESTIONS,
    ...input,
  });
}

/** Publishes a draft. */
export async function publish(t: TestApp, cookie: string, id: string): Promise<ConsultationDetail> {
  const url = `/api/v1/consultations/${id}`;
  const current = await must<ConsultationDetail>(t, cookie, 'GET', url);
  return must<ConsultationDetail>(t, cookie, 'POST', `${url}/publish`, undefined, {
    'if-match': current.etag,
  });
}

/** Issues `count` anonymous respondent links (or one per label); returns their secrets. */
export async function issueLinks(
  t: TestApp,
  cookie: string,
  id: string,
  request: { count: number } | { labels: string[] },
): Promise<string[]> {
  const issued = await must<{ items: { token: string }[] }>(
    t,
    cookie,
    'POST',
    `/api/v1/consultations/${id}/tokens`,
    request,
  );
  return issued.items.map((i) => i.token);
}

/** A full valid answer to QUESTIONS of `detail`. */
export function fullAnswer(detail: ConsultationDetail, rating = 4, text = 'Très bien') {
  const q = detail.consultation.questions;
  return {
    answers: [
      { questionId: q[0]?.id, rating },
      { questionId: q[1]?.id, choices: [1] },
      { questionId: q[2]?.id, choices: [0, 2] },
      { questionId: q[3]?.id, text },
    ],
  };
}

/** Sends an answer through a respondent link, without any session. */
export async function answer(
  t: TestApp,
  token: string,
  body: unknown,
  remoteAddress = '127.0.0.1',
): Promise<Sent> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/consult/${token}/responses`,
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: res.body,
    json: <T>() => JSON.parse(res.body) as T,
  };
}

/** Opens the questionnaire of a link, without any session. */
export function openLink(t: TestApp, token: string): Promise<Sent> {
  return send(t, '', 'GET', `/api/v1/consult/${token}`);
}

/**
 * A published consultation of `unitId` carrying `canary` in its title and in a free-text answer,
 * its results linked to `elementId` (for the canary test). Returns its id.
 */
export async function plantConsultation(
  t: TestApp,
  office: string,
  unitId: string,
  elementId: string,
  canary: string,
): Promise<string> {
  const draft = await createConsultation(t, office, {
    code: `CN-${canary.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}`,
    unitId,
    title: { fr: `Consultation ${canary}`, en: `Consultation ${canary}` },
    anonymous: false,
  });
  const live = await publish(t, office, draft.consultation.id);
  const id = live.consultation.id;
  const [token] = await issueLinks(t, office, id, { labels: [`Respondent ${canary}`] });
  const res = await answer(t, token ?? '', fullAnswer(live, 3, `Answer ${canary}`));
  if (res.status !== 201) throw new Error(`answer refused: ${res.body}`);
  await must(
    t,
    office,
    'PUT',
    `/api/v1/consultations/${id}/links`,
    { links: [{ elementId, questionId: null }] },
    {
      'if-match': (await must<ConsultationDetail>(t, office, 'GET', `/api/v1/consultations/${id}`))
        .etag,
    },
  );
  return id;
}

/** A respondent link of a plain consultation of `unitId` (for walks over every GET). */
export async function plainLink(t: TestApp, office: string, unitId: string, code: string) {
  const draft = await createConsultation(t, office, { code, unitId });
  await publish(t, office, draft.consultation.id);
  return {
    id: draft.consultation.id,
    links: await issueLinks(t, office, draft.consultation.id, { count: 3 }),
  };
}
