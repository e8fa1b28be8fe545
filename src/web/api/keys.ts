/** TanStack Query keys, one family per resource, so writes can invalidate precisely. */
import type { ActionListParams, IndicatorListParams } from './endpoints.ts';

export const queryKeys = {
  workspace: () => ['workspace'] as const,
  dashboard: (planId: string | null, asOf: string | null) => ['dashboard', planId, asOf] as const,
  planTree: (planId: string, asOf: string | null) => ['plan-tree', planId, asOf] as const,
  element: (id: string, asOf: string | null) => ['element', id, asOf] as const,
  indicators: (params: IndicatorListParams) => ['indicators', params] as const,
  indicator: (id: string, asOf: string | null) => ['indicator', id, asOf] as const,
  measurements: (id: string, unitId: string | null, history: boolean) =>
    ['measurements', id, unitId, history] as const,
  actions: (params: ActionListParams) => ['actions', params] as const,
  action: (id: string) => ['action', id] as const,
  unit: (id: string, asOf: string | null) => ['unit', id, asOf] as const,
  alignment: (planId: string | null, asOf: string | null) => ['alignment', planId, asOf] as const,
  search: (q: string) => ['search', q] as const,
  sessions: () => ['sessions'] as const,
  tokens: () => ['tokens'] as const,
  users: () => ['users'] as const,
  user: (id: string) => ['users', id] as const,
  history: (entityType: string, id: string) => ['history', entityType, id] as const,
  auditRange: (from: string | null, to: string | null) => ['audit', from, to] as const,
};
