/**
 * Role-matrix rows of reports and plan revisions. Reports are read by signed-in accounts (the
 * public gets 401); a school's report follows its unit's visibility (school B: 404). Revisions
 * follow the plan's visibility; adopting and starting a review are the strategy office's.
 */
import { must } from '../roles.ts';
import { OFFICE_ONLY, row, SCHOOL_A_READ, type MatrixArea } from './area.ts';

export const area: MatrixArea = {
  name: 'reports and revisions',
  rows: {
    // ?unitId= school A.
    'GET /api/v1/reports/annual': row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
    'GET /api/v1/reports/board': row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
    // School A's plan.
    'GET /api/v1/plans/{planId}/revisions': SCHOOL_A_READ,
    'GET /api/v1/plans/{planId}/revisions/diff': SCHOOL_A_READ,
    // The group plan (visible to everyone): only the office and the admin adopt.
    'POST /api/v1/plans/{planId}/revisions': OFFICE_ONLY,
    // The group plan; the admin starts its review on school B's plan (one review at a time).
    'POST /api/v1/plans/{planId}/reviews': OFFICE_ONLY,
  },
  async setup({ t, roles, cookieOf }) {
    const office = cookieOf('office');
    const { plans } = roles.ids;
    for (const plan of [plans.group.id, plans.a.id, plans.b.id]) {
      await must(t, office, 'POST', `/api/v1/plans/${plan}/revisions`, { label: 'initial' });
    }
  },
  request(key, role, { roles }) {
    const { plans, units } = roles.ids;
    switch (key) {
      case 'GET /api/v1/reports/annual':
        return Promise.resolve({ method: 'GET', url: `/api/v1/reports/annual?unitId=${units.a}` });
      case 'GET /api/v1/reports/board':
        return Promise.resolve({ method: 'GET', url: `/api/v1/reports/board?unitId=${units.a}` });
      case 'GET /api/v1/plans/{planId}/revisions':
        return Promise.resolve({ method: 'GET', url: `/api/v1/plans/${plans.a.id}/revisions` });
      case 'GET /api/v1/plans/{planId}/revisions/diff':
        return Promise.resolve({
          method: 'GET',
          url: `/api/v1/plans/${plans.a.id}/revisions/diff?from=1`,
        });
      case 'POST /api/v1/plans/{planId}/revisions':
        return Promise.resolve({
          method: 'POST',
          url: `/api/v1/plans/${plans.group.id}/revisions`,
          payload: { label: `revision by ${role}` },
        });
      case 'POST /api/v1/plans/{planId}/reviews':
        return Promise.resolve({
          method: 'POST',
          url: `/api/v1/plans/${role === 'admin' ? plans.b.id : plans.group.id}/reviews`,
          payload: { label: `review by ${role}` },
        });
      default:
        throw new Error(`no request for ${key}`);
    }
  },
};
