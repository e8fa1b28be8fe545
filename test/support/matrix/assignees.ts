/**
 * Role-matrix row of the people a cycle's check-ins may be assigned to: the strategy office (and
 * the administrator) only; every other signed-in account is refused, as the account list is.
 */
import type { CycleDetail } from '../../../src/contracts/index.ts';
import { must } from '../roles.ts';
import { OFFICE_ONLY, type MatrixArea } from './area.ts';

const fixtures = { cycle: '' };

export const area: MatrixArea = {
  name: 'assignees',
  rows: {
    'GET /api/v1/cycles/{id}/assignable-people': OFFICE_ONLY,
  },

  async setup({ t, roles }) {
    const detail = await must<CycleDetail>(t, roles.cookies.office, 'POST', '/api/v1/cycles', {
      code: 'MX-ASSIGNEES',
      title: { fr: 'Cycle', en: 'Cycle' },
      period: '2025',
      opensOn: '2026-01-01',
      dueOn: '2026-06-30',
      elementIds: [roles.ids.elementA, roles.ids.elementB],
    });
    fixtures.cycle = detail.cycle.id;
  },

  request(key) {
    if (key !== 'GET /api/v1/cycles/{id}/assignable-people')
      throw new Error(`no request for ${key}`);
    return Promise.resolve({
      method: 'GET',
      url: `/api/v1/cycles/${fixtures.cycle}/assignable-people`,
    });
  },
};
