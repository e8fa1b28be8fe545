/**
 * Role-matrix rows of the data area: imports (the raw CSV as body), templates, exports,
 * publication flags and the public open-data reads.
 */
import { SCHOOL_A, SCHOOL_B, type RoleName } from '../roles.ts';
import {
  ALL_OK,
  OFFICE_ONLY,
  row,
  type MatrixArea,
  type MatrixContext,
  type MatrixRequest,
} from './area.ts';

const HEADER = 'Indicateur;Unité;Période;Valeur';

async function request(key: string, role: RoleName, ctx: MatrixContext): Promise<MatrixRequest> {
  const { ids } = ctx.roles;
  switch (key) {
    case 'POST /api/v1/imports': {
      // Each role imports a figure it may record: school B for its own unit.
      const code = (
        await ctx.t.strata.services.indicators.detail(
          await ctx.t.strata.services.workspace.resolve('imt'),
          ids.indicatorA,
        )
      ).indicator.code;
      const unit = role === 'schoolB' ? SCHOOL_B : SCHOOL_A;
      return {
        method: 'POST',
        url: '/api/v1/imports?fileName=matrix.csv',
        payload: `${HEADER}\n${code};${unit};2041;12,5\n`,
        headers: { 'content-type': 'text/csv' },
      };
    }
    case 'GET /api/v1/imports/templates/{kind}':
      return { method: 'GET', url: '/api/v1/imports/templates/measurements?format=csv' };
    case 'GET /api/v1/exports/{dataset}':
      return { method: 'GET', url: `/api/v1/exports/indicators?unitId=${ids.units.a}` };
    case 'GET /api/v1/publication':
      return { method: 'GET', url: '/api/v1/publication' };
    case 'PUT /api/v1/publication/elements/{id}':
      return {
        method: 'PUT',
        url: `/api/v1/publication/elements/${ids.groupElement}`,
        payload: { published: true },
      };
    case 'PUT /api/v1/publication/indicators/{id}':
      return {
        method: 'PUT',
        url: `/api/v1/publication/indicators/${ids.indicatorA}`,
        payload: { published: true },
      };
    case 'GET /api/v1/public/catalog':
      return { method: 'GET', url: '/api/v1/public/catalog' };
    case 'GET /api/v1/public/datasets/{dataset}':
      return { method: 'GET', url: '/api/v1/public/datasets/figures?format=csv' };
    default:
      throw new Error(`no request for ${key}`);
  }
}

export const area: MatrixArea = {
  name: 'data',
  rows: {
    // Anyone who writes may import; each row then obeys the figure rules (see request).
    'POST /api/v1/imports': row(401, 'ok', 'ok', 'ok', 'ok', 403, 'ok'),
    // A template holds only what its reader may record (empty for the public).
    'GET /api/v1/imports/templates/{kind}': ALL_OK,
    // ?unitId= school A: an export is the list it mirrors, hidden from who may not read it.
    'GET /api/v1/exports/{dataset}': row(404, 'ok', 404, 'ok', 'ok', 'ok', 'ok'),
    'GET /api/v1/publication': ALL_OK,
    'PUT /api/v1/publication/elements/{id}': OFFICE_ONLY,
    'PUT /api/v1/publication/indicators/{id}': OFFICE_ONLY,
    'GET /api/v1/public/catalog': ALL_OK,
    'GET /api/v1/public/datasets/{dataset}': ALL_OK,
  },
  request,
};
