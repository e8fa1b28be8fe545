/**
 * Role-matrix rows of stakeholder consultations. The consultations belong to school A: school B
 * and the public do not see them (404); the strategy office and school A's editor build and run
 * them; a contributor and governance read them but may not change them (403), nor export the
 * responses (which may name respondents). Answering through a link needs no account, so the
 * public routes are open to every principal holding a valid link.
 */
import type { ConsultationDetail } from '../../../src/contracts/index.ts';
import { must } from '../roles.ts';
import { createConsultation, fullAnswer, issueLinks, publish } from '../consultations.ts';
import { ALL_OK, row, SCHOOL_A_READ, type MatrixArea, type MatrixContext } from './area.ts';

/** Writers of school A's consultations. */
const BUILDERS = row(404, 'ok', 404, 403, 'ok', 403, 'ok');

let published: ConsultationDetail;
let draft: ConsultationDetail;
let shared: ConsultationDetail;

async function fresh(ctx: MatrixContext, extra: { access?: 'shared' } = {}) {
  return createConsultation(ctx.t, ctx.cookieOf('office'), {
    code: `MX-C-${ctx.next()}`,
    unitId: ctx.roles.ids.units.a,
    ...extra,
  });
}

const url = (id: string) => `/api/v1/consultations/${id}`;

export const area: MatrixArea = {
  name: 'consultations',
  rows: {
    'GET /api/v1/consultations': ALL_OK,
    'POST /api/v1/consultations': row(401, 'ok', 403, 403, 'ok', 403, 'ok'),
    'GET /api/v1/consultations/{id}': SCHOOL_A_READ,
    'PATCH /api/v1/consultations/{id}': BUILDERS,
    'POST /api/v1/consultations/{id}/publish': BUILDERS,
    'POST /api/v1/consultations/{id}/close': BUILDERS,
    'POST /api/v1/consultations/{id}/revisions': BUILDERS,
    'POST /api/v1/consultations/{id}/tokens': BUILDERS,
    'POST /api/v1/consultations/{id}/shared-link': BUILDERS,
    'PUT /api/v1/consultations/{id}/links': BUILDERS,
    'GET /api/v1/consultations/{id}/results': SCHOOL_A_READ,
    'GET /api/v1/consultations/{id}/responses': BUILDERS,
    'GET /api/v1/consultations/{id}/responses.csv': BUILDERS,
    'GET /api/v1/elements/{id}/consultations': SCHOOL_A_READ,
    'GET /api/v1/actions/{id}/consultations': SCHOOL_A_READ,
    'PUT /api/v1/actions/{id}/consultations': row(404, 'ok', 404, 'ok', 'ok', 403, 'ok'),
    'GET /api/v1/consult/{token}': ALL_OK,
    'POST /api/v1/consult/{token}/responses': ALL_OK,
  },

  async setup(ctx) {
    const office = ctx.cookieOf('office');
    draft = await fresh(ctx);
    published = await publish(ctx.t, office, (await fresh(ctx)).consultation.id);
    shared = await publish(ctx.t, office, (await fresh(ctx, { access: 'shared' })).consultation.id);
  },

  async request(key, role, ctx) {
    const office = ctx.cookieOf('office');
    const id = published.consultation.id;
    const ifMatch = async (target: string) => ({
      'if-match': await ctx.etagOf(url(target)),
    });
    switch (key) {
      case 'GET /api/v1/consultations':
        return { method: 'GET', url: '/api/v1/consultations' };
      case 'POST /api/v1/consultations':
        return {
          method: 'POST',
          url: '/api/v1/consultations',
          payload: {
            code: `MX-C-${ctx.next()}`,
            title: { fr: 'Consultation', en: 'Consultation' },
            unitId: ctx.roles.ids.units.a,
            audience: 'alumni',
            access: 'token',
            anonymous: true,
          },
        };
      case 'GET /api/v1/consultations/{id}':
        return { method: 'GET', url: url(id) };
      case 'PATCH /api/v1/consultations/{id}':
        return {
          method: 'PATCH',
          url: url(draft.consultation.id),
          payload: { description: { fr: role, en: role } },
          headers: await ifMatch(draft.consultation.id),
        };
      case 'POST /api/v1/consultations/{id}/publish': {
        const target = (await fresh(ctx)).consultation.id;
        return { method: 'POST', url: `${url(target)}/publish`, headers: await ifMatch(target) };
      }
      case 'POST /api/v1/consultations/{id}/close': {
        const target = (await publish(ctx.t, office, (await fresh(ctx)).consultation.id))
          .consultation.id;
        return { method: 'POST', url: `${url(target)}/close`, headers: await ifMatch(target) };
      }
      case 'POST /api/v1/consultations/{id}/revisions':
        return { method: 'POST', url: `${url(id)}/revisions` };
      case 'POST /api/v1/consultations/{id}/tokens':
        return { method: 'POST', url: `${url(id)}/tokens`, payload: { count: 1 } };
      case 'POST /api/v1/consultations/{id}/shared-link':
        return {
          method: 'POST',
          url: `${url(shared.consultation.id)}/shared-link`,
          headers: await ifMatch(shared.consultation.id),
        };
      case 'PUT /api/v1/consultations/{id}/links':
        return {
          method: 'PUT',
          url: `${url(id)}/links`,
          payload: { links: [{ elementId: ctx.roles.ids.elementA, questionId: null }] },
          headers: await ifMatch(id),
        };
      case 'GET /api/v1/consultations/{id}/results':
        return { method: 'GET', url: `${url(id)}/results` };
      case 'GET /api/v1/consultations/{id}/responses':
        return { method: 'GET', url: `${url(id)}/responses` };
      case 'GET /api/v1/consultations/{id}/responses.csv':
        return { method: 'GET', url: `${url(id)}/responses.csv` };
      case 'GET /api/v1/elements/{id}/consultations':
        return { method: 'GET', url: `/api/v1/elements/${ctx.roles.ids.elementA}/consultations` };
      case 'GET /api/v1/actions/{id}/consultations':
        return { method: 'GET', url: `/api/v1/actions/${ctx.roles.ids.actionA}/consultations` };
      case 'PUT /api/v1/actions/{id}/consultations':
        return {
          method: 'PUT',
          url: `/api/v1/actions/${ctx.roles.ids.actionA}/consultations`,
          payload: { consultationIds: [id] },
        };
      case 'GET /api/v1/consult/{token}': {
        const [token] = await issueLinks(ctx.t, office, id, { count: 1 });
        return { method: 'GET', url: `/api/v1/consult/${token ?? ''}` };
      }
      case 'POST /api/v1/consult/{token}/responses': {
        const [token] = await issueLinks(ctx.t, office, id, { count: 1 });
        const detail = await must<ConsultationDetail>(ctx.t, office, 'GET', url(id));
        return {
          method: 'POST',
          url: `/api/v1/consult/${token ?? ''}/responses`,
          payload: fullAnswer(detail),
        };
      }
      default:
        throw new Error(`no request for ${key}`);
    }
  },
};
