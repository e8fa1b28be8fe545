/**
 * Role-matrix rows of reporting cycles, check-ins, "my work" and the outbox. Cycles are read by
 * every signed-in account (each sees only the items it may see) and managed by the strategy
 * office; a check-in of school A is hidden from school B, written by whoever may write its
 * element, reviewed by the office or school A's editor (its validator).
 */
import type { CycleDetail } from '../../../src/contracts/index.ts';
import { must } from '../roles.ts';
import { OFFICE_ONLY, SIGNED_IN, row, type MatrixArea } from './area.ts';

const fixtures = { cycle: '', itemA: '' };

export const area: MatrixArea = {
  name: 'cycles',
  rows: {
    'GET /api/v1/cycles': SIGNED_IN,
    'POST /api/v1/cycles': OFFICE_ONLY,
    'GET /api/v1/cycles/{id}': SIGNED_IN,
    'PATCH /api/v1/cycles/{id}': OFFICE_ONLY,
    'GET /api/v1/check-ins': SIGNED_IN,
    'GET /api/v1/check-ins/{id}': row(401, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
    'POST /api/v1/check-ins/{id}/entries': row(401, 'ok', 404, 'ok', 'ok', 403, 'ok'),
    'PUT /api/v1/check-ins/{id}/assignees': row(401, 403, 404, 403, 'ok', 403, 'ok'),
    'GET /api/v1/my-work': SIGNED_IN,
    'PUT /api/v1/my-work/preferences': SIGNED_IN,
    'GET /api/v1/outbox': OFFICE_ONLY,
  },

  async setup({ t, roles }) {
    const { ids } = roles;
    const detail = await must<CycleDetail>(t, roles.cookies.office, 'POST', '/api/v1/cycles', {
      code: 'MX-CYCLE',
      title: { fr: 'Cycle', en: 'Cycle' },
      period: '2025',
      opensOn: '2026-01-01',
      dueOn: '2026-06-30',
      elementIds: [ids.elementA, ids.elementB],
      actionIds: [ids.actionA],
    });
    fixtures.cycle = detail.cycle.id;
    fixtures.itemA = detail.items.find((i) => i.target.id === ids.elementA)?.id ?? '';
  },

  async request(key, role, { etagOf, next, roles }) {
    const cycleUrl = `/api/v1/cycles/${fixtures.cycle}`;
    const checkInUrl = `/api/v1/check-ins/${fixtures.itemA}`;
    switch (key) {
      case 'GET /api/v1/cycles':
        return { method: 'GET', url: '/api/v1/cycles' };
      case 'POST /api/v1/cycles':
        return {
          method: 'POST',
          url: '/api/v1/cycles',
          payload: {
            code: `MX-C${next()}`,
            title: { fr: 'Cycle', en: 'Cycle' },
            period: '2025',
            opensOn: '2026-01-01',
            dueOn: '2026-06-30',
          },
        };
      case 'GET /api/v1/cycles/{id}':
        return { method: 'GET', url: cycleUrl };
      case 'PATCH /api/v1/cycles/{id}':
        return {
          method: 'PATCH',
          url: cycleUrl,
          payload: { title: { fr: `Cycle ${next()}`, en: 'Cycle' } },
          headers: { 'if-match': await etagOf(cycleUrl) },
        };
      case 'GET /api/v1/check-ins':
        return { method: 'GET', url: `/api/v1/check-ins?cycleId=${fixtures.cycle}` };
      case 'GET /api/v1/check-ins/{id}':
        return { method: 'GET', url: checkInUrl };
      case 'POST /api/v1/check-ins/{id}/entries':
        return {
          method: 'POST',
          url: `${checkInUrl}/entries`,
          payload: { action: 'save', summary: `Draft ${next()}` },
          headers: { 'if-match': await etagOf(checkInUrl) },
        };
      case 'PUT /api/v1/check-ins/{id}/assignees':
        return {
          method: 'PUT',
          url: `${checkInUrl}/assignees`,
          payload: { userIds: [roles.ids.users.contributor] },
        };
      case 'GET /api/v1/my-work':
        return { method: 'GET', url: '/api/v1/my-work' };
      case 'PUT /api/v1/my-work/preferences':
        return {
          method: 'PUT',
          url: '/api/v1/my-work/preferences',
          payload: { digestOptOut: role === 'schoolA' },
        };
      case 'GET /api/v1/outbox':
        return { method: 'GET', url: '/api/v1/outbox' };
      default:
        throw new Error(`no request for ${key}`);
    }
  },
};
