/**
 * Role-matrix rows of the partner registry and funding lines. The fixtures: a partner with an
 * agreement naming school A (so school A's editors handle its contacts), one of its contacts, and
 * a funding line of school A. Contacts are never seen by governance, contributors or the public.
 */
import { must } from '../roles.ts';
import {
  OFFICE_ONLY,
  SIGNED_IN,
  row,
  type MatrixArea,
  type MatrixContext,
  type MatrixRequest,
} from './area.ts';

const ids = { partner: '', agreement: '', contact: '', line: '' };

/** Written by the strategy office and admin, and by unit editors; read-only for the others. */
const EDITORS_WRITE = row(401, 'ok', 'ok', 403, 'ok', 403, 'ok');
/** School A's own thing: school B does not see it; the contributor and governance may not write. */
const SCHOOL_A_WRITE = row(401, 'ok', 404, 403, 'ok', 403, 'ok');
/** Created for school A: school A's editors, the office and the admin. */
const SCHOOL_A_CREATE = row(401, 'ok', 403, 403, 'ok', 403, 'ok');
/** School A's thing, read by those who read school A. */
const SCHOOL_A_READ = row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok');

async function newPartner(ctx: MatrixContext, name: string): Promise<string> {
  const created = await must<{ partner: { id: string } }>(
    ctx.t,
    ctx.cookieOf('office'),
    'POST',
    '/api/v1/partners',
    { name, kind: 'company', country: 'FR' },
  );
  return created.partner.id;
}

async function newContact(ctx: MatrixContext): Promise<string> {
  const created = await must<{ contact: { id: string } }>(
    ctx.t,
    ctx.cookieOf('office'),
    'POST',
    `/api/v1/partners/${ids.partner}/contacts`,
    {
      fullName: `Matrix person ${ctx.next()}`,
      email: `person${ctx.next()}@matrix.example`,
      purpose: 'Matrix',
      legalBasis: 'contract',
    },
  );
  return created.contact.id;
}

export const area: MatrixArea = {
  name: 'partners',
  rows: {
    'GET /api/v1/partners': SIGNED_IN,
    'GET /api/v1/partners/duplicates': SIGNED_IN,
    'GET /api/v1/partners/{id}': SIGNED_IN,
    'POST /api/v1/partners': EDITORS_WRITE,
    'PATCH /api/v1/partners/{id}': EDITORS_WRITE,
    'POST /api/v1/partners/{id}/merge': OFFICE_ONLY,
    'GET /api/v1/agreements': SIGNED_IN,
    'GET /api/v1/agreements/{id}': SCHOOL_A_READ,
    'POST /api/v1/agreements': SCHOOL_A_CREATE,
    'PATCH /api/v1/agreements/{id}': SCHOOL_A_WRITE,
    // Contacts: the office, the admin, and editors of a school involved (A); B's editor is not.
    'GET /api/v1/partners/{id}/contacts': SCHOOL_A_CREATE,
    'POST /api/v1/partners/{id}/contacts': SCHOOL_A_CREATE,
    'GET /api/v1/contacts/{id}': SCHOOL_A_WRITE,
    'PATCH /api/v1/contacts/{id}': SCHOOL_A_WRITE,
    'GET /api/v1/contacts/{id}/export': OFFICE_ONLY,
    'GET /api/v1/contacts/{id}/export.csv': OFFICE_ONLY,
    'POST /api/v1/contacts/{id}/erase': OFFICE_ONLY,
    'GET /api/v1/funding-lines': SIGNED_IN,
    'GET /api/v1/funding-lines/{id}': SCHOOL_A_READ,
    'POST /api/v1/funding-lines': SCHOOL_A_CREATE,
    'PATCH /api/v1/funding-lines/{id}': SCHOOL_A_WRITE,
    'GET /api/v1/funding/execution': SIGNED_IN,
    // School A's element: school B does not see it.
    'GET /api/v1/elements/{id}/partnerships': SCHOOL_A_READ,
  },

  async setup(ctx) {
    const office = ctx.cookieOf('office');
    const a = ctx.roles.ids.units.a;
    ids.partner = await newPartner(ctx, 'Matrix partner');
    const agreement = await must<{ agreement: { id: string } }>(
      ctx.t,
      office,
      'POST',
      '/api/v1/agreements',
      {
        partnerId: ids.partner,
        kind: 'framework',
        title: { fr: 'Accord matrice', en: 'Matrix agreement' },
        scale: 'national',
        unitIds: [a],
        elementIds: [ctx.roles.ids.elementA],
      },
    );
    ids.agreement = agreement.agreement.id;
    ids.contact = await newContact(ctx);
    const line = await must<{ fundingLine: { id: string } }>(
      ctx.t,
      office,
      'POST',
      '/api/v1/funding-lines',
      {
        title: { fr: 'Ligne matrice', en: 'Matrix line' },
        programme: 'anr',
        funder: 'ANR',
        unitId: a,
        actionIds: [ctx.roles.ids.actionA],
        amounts: [{ year: 2025, plannedCents: 100, committedCents: 50, spentCents: 10 }],
      },
    );
    ids.line = line.fundingLine.id;
  },

  async request(key, role, ctx): Promise<MatrixRequest> {
    const n = ctx.next();
    const a = ctx.roles.ids.units.a;
    const patch = async (url: string, payload: unknown): Promise<MatrixRequest> => ({
      method: 'PATCH',
      url,
      payload,
      headers: { 'if-match': await ctx.etagOf(url) },
    });
    switch (key) {
      case 'GET /api/v1/partners':
        return { method: 'GET', url: `/api/v1/partners?unitId=${a}` };
      case 'GET /api/v1/partners/duplicates':
        return { method: 'GET', url: '/api/v1/partners/duplicates' };
      case 'GET /api/v1/partners/{id}':
        return { method: 'GET', url: `/api/v1/partners/${ids.partner}` };
      case 'POST /api/v1/partners':
        return {
          method: 'POST',
          url: '/api/v1/partners',
          payload: { name: `Matrix company ${n}`, kind: 'company', country: 'FR' },
        };
      case 'PATCH /api/v1/partners/{id}':
        return patch(`/api/v1/partners/${ids.partner}`, { city: `City ${role} ${n}` });
      case 'POST /api/v1/partners/{id}/merge': {
        const kept = await newPartner(ctx, `Merge kept ${n}`);
        const duplicate = await newPartner(ctx, `Merge kept ${n}.`);
        return {
          method: 'POST',
          url: `/api/v1/partners/${kept}/merge`,
          payload: { duplicateId: duplicate },
        };
      }
      case 'GET /api/v1/agreements':
        return { method: 'GET', url: `/api/v1/agreements?partnerId=${ids.partner}` };
      case 'GET /api/v1/agreements/{id}':
        return { method: 'GET', url: `/api/v1/agreements/${ids.agreement}` };
      case 'POST /api/v1/agreements':
        return {
          method: 'POST',
          url: '/api/v1/agreements',
          payload: {
            partnerId: ids.partner,
            kind: 'research_chair',
            title: { fr: `Chaire ${n}`, en: `Chair ${n}` },
            scale: 'european',
            unitIds: [a],
          },
        };
      case 'PATCH /api/v1/agreements/{id}':
        return patch(`/api/v1/agreements/${ids.agreement}`, { amountCents: Number(n) * 100 });
      case 'GET /api/v1/partners/{id}/contacts':
        return { method: 'GET', url: `/api/v1/partners/${ids.partner}/contacts` };
      case 'POST /api/v1/partners/{id}/contacts':
        return {
          method: 'POST',
          url: `/api/v1/partners/${ids.partner}/contacts`,
          payload: { fullName: `Person ${n}`, purpose: 'Liaison', legalBasis: 'contract' },
        };
      case 'GET /api/v1/contacts/{id}':
        return { method: 'GET', url: `/api/v1/contacts/${ids.contact}` };
      case 'PATCH /api/v1/contacts/{id}':
        return patch(`/api/v1/contacts/${ids.contact}`, { jobTitle: `Title ${n}` });
      case 'GET /api/v1/contacts/{id}/export':
        return { method: 'GET', url: `/api/v1/contacts/${ids.contact}/export` };
      case 'GET /api/v1/contacts/{id}/export.csv':
        return { method: 'GET', url: `/api/v1/contacts/${ids.contact}/export.csv` };
      case 'POST /api/v1/contacts/{id}/erase':
        return { method: 'POST', url: `/api/v1/contacts/${await newContact(ctx)}/erase` };
      case 'GET /api/v1/funding-lines':
        return { method: 'GET', url: `/api/v1/funding-lines?unitId=${a}` };
      case 'GET /api/v1/funding-lines/{id}':
        return { method: 'GET', url: `/api/v1/funding-lines/${ids.line}` };
      case 'POST /api/v1/funding-lines':
        return {
          method: 'POST',
          url: '/api/v1/funding-lines',
          payload: {
            title: { fr: `Ligne ${n}`, en: `Line ${n}` },
            programme: 'erdf',
            funder: 'Region',
            unitId: a,
          },
        };
      case 'PATCH /api/v1/funding-lines/{id}':
        return patch(`/api/v1/funding-lines/${ids.line}`, { cofinancingRate: Number(n) % 100 });
      case 'GET /api/v1/funding/execution':
        return { method: 'GET', url: '/api/v1/funding/execution?year=2025' };
      case 'GET /api/v1/elements/{id}/partnerships':
        return { method: 'GET', url: `/api/v1/elements/${ctx.roles.ids.elementA}/partnerships` };
      default:
        throw new Error(`no request for ${key}`);
    }
  },
};
