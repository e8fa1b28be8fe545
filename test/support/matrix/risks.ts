/**
 * Role-matrix rows of the risk register. Risks are seen like actions (a school's risks by that
 * school only, never by the public) and written like them: the strategy office, the unit's
 * editors, and a contributor for a risk linked to an action assigned to it.
 */
import type { RiskDetail } from '../../../src/contracts/index.ts';
import { must } from '../roles.ts';
import { ALL_OK, SCHOOL_A_READ, row, type MatrixArea } from './area.ts';

let riskA = '';

export const area: MatrixArea = {
  name: 'risks',
  rows: {
    // Lists are filtered: each reader gets the risks it may see (the public: none).
    'GET /api/v1/risks': ALL_OK,
    'GET /api/v1/risks/matrix': ALL_OK,
    // School A's risk, linked to the action assigned to the contributor.
    'GET /api/v1/risks/{id}': SCHOOL_A_READ,
    // A risk of school A.
    'POST /api/v1/risks': row(401, 'ok', 403, 403, 'ok', 403, 'ok'),
    'PATCH /api/v1/risks/{id}': row(404, 'ok', 404, 'ok', 'ok', 403, 'ok'),
    'POST /api/v1/risks/{id}/reviews': row(404, 'ok', 404, 'ok', 'ok', 403, 'ok'),
  },
  async setup({ t, roles }) {
    const created = await must<RiskDetail>(t, roles.cookies.office, 'POST', '/api/v1/risks', {
      code: 'MX-RSK-A',
      title: { fr: 'Risque de l’école A', en: 'School A risk' },
      unitId: roles.ids.units.a,
      likelihood: 3,
      impact: 3,
      actionIds: [roles.ids.actionA],
    });
    riskA = created.risk.id;
  },
  async request(key, role, { roles, next, etagOf }) {
    const n = next();
    const url = `/api/v1/risks/${riskA}`;
    switch (key) {
      case 'GET /api/v1/risks':
        return { method: 'GET', url: `/api/v1/risks?unitId=${roles.ids.units.a}` };
      case 'GET /api/v1/risks/matrix':
        return { method: 'GET', url: `/api/v1/risks/matrix?unitId=${roles.ids.units.a}` };
      case 'GET /api/v1/risks/{id}':
        return { method: 'GET', url };
      case 'POST /api/v1/risks':
        return {
          method: 'POST',
          url: '/api/v1/risks',
          payload: {
            code: `MX-RSK-${n}`,
            title: { fr: `Risque ${n}`, en: `Risk ${n}` },
            unitId: roles.ids.units.a,
            likelihood: 2,
            impact: 4,
          },
        };
      case 'PATCH /api/v1/risks/{id}':
        return {
          method: 'PATCH',
          url,
          payload: { owner: `Matrix ${role} ${n}` },
          headers: { 'if-match': await etagOf(url) },
        };
      case 'POST /api/v1/risks/{id}/reviews':
        return {
          method: 'POST',
          url: `${url}/reviews`,
          payload: { likelihood: 2, impact: 2, note: `Matrix ${role} ${n}` },
          headers: { 'if-match': await etagOf(url) },
        };
      default:
        throw new Error(`no request written for the row ${key}`);
    }
  },
};
