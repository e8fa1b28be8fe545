/** TanStack Query hooks that read the API, one per resource. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  fetchAction,
  fetchActions,
  fetchAlignment,
  fetchDashboard,
  fetchElement,
  fetchIndicator,
  fetchIndicators,
  fetchMeasurements,
  fetchPlanTree,
  fetchSearch,
  fetchUnit,
  fetchWorkspace,
} from './endpoints.ts';
import type { ActionListParams, IndicatorListParams } from './endpoints.ts';
import type { ApiError } from './errors.ts';
import { queryKeys } from './keys.ts';
import type {
  ActionCard,
  ActionDetail,
  AlignmentView,
  Dashboard,
  ElementDetail,
  IndicatorDetail,
  IndicatorListItem,
  ListPage,
  Measurement,
  PlanTree,
  SearchResult,
  UnitPage,
  WorkspaceOverview,
} from './types.ts';

type Result<T> = UseQueryResult<T, ApiError>;

/** The workspace overview: units, facets, plans. Changes rarely, so it is kept for long. */
export function useWorkspace(): Result<WorkspaceOverview> {
  return useQuery({
    queryKey: queryKeys.workspace(),
    queryFn: ({ signal }) => fetchWorkspace(signal),
    staleTime: 5 * 60_000,
  });
}

/** The group dashboard of a plan (the group plan when planId is null), as of a date. */
export function useDashboard(planId: string | null, asOf: string | null): Result<Dashboard> {
  return useQuery({
    queryKey: queryKeys.dashboard(planId, asOf),
    queryFn: ({ signal }) => fetchDashboard({ planId, asOf }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlanTree(planId: string | null, asOf: string | null): Result<PlanTree> {
  return useQuery({
    queryKey: queryKeys.planTree(planId ?? '', asOf),
    queryFn: ({ signal }) => fetchPlanTree(planId ?? '', asOf, signal),
    enabled: planId !== null && planId !== '',
  });
}

export function useElement(id: string, asOf: string | null): Result<ElementDetail> {
  return useQuery({
    queryKey: queryKeys.element(id, asOf),
    queryFn: ({ signal }) => fetchElement(id, asOf, signal),
  });
}

export function useIndicators(params: IndicatorListParams): Result<ListPage<IndicatorListItem>> {
  return useQuery({
    queryKey: queryKeys.indicators(params),
    queryFn: ({ signal }) => fetchIndicators(params, signal),
  });
}

/** An indicator's detail; disabled while `id` is null (e.g. an optional related indicator). */
export function useIndicator(id: string | null, asOf: string | null): Result<IndicatorDetail> {
  return useQuery({
    queryKey: queryKeys.indicator(id ?? '', asOf),
    queryFn: ({ signal }) => fetchIndicator(id ?? '', asOf, signal),
    enabled: id !== null && id !== '',
  });
}

/** The figures of an indicator for one unit (current ones, or the whole history). */
export function useMeasurements(
  indicatorId: string,
  unitId: string | null,
  history = false,
): Result<{ items: Measurement[] }> {
  return useQuery({
    queryKey: queryKeys.measurements(indicatorId, unitId, history),
    queryFn: ({ signal }) => fetchMeasurements(indicatorId, { unitId, history }, signal),
    enabled: unitId !== null && unitId !== '',
  });
}

export function useActions(params: ActionListParams): Result<ListPage<ActionCard>> {
  return useQuery({
    queryKey: queryKeys.actions(params),
    queryFn: ({ signal }) => fetchActions(params, signal),
  });
}

export function useAction(id: string): Result<ActionDetail> {
  return useQuery({
    queryKey: queryKeys.action(id),
    queryFn: ({ signal }) => fetchAction(id, signal),
  });
}

export function useUnit(id: string, asOf: string | null): Result<UnitPage> {
  return useQuery({
    queryKey: queryKeys.unit(id, asOf),
    queryFn: ({ signal }) => fetchUnit(id, asOf, signal),
  });
}

export function useAlignment(planId: string | null, asOf: string | null): Result<AlignmentView> {
  return useQuery({
    queryKey: queryKeys.alignment(planId, asOf),
    queryFn: ({ signal }) => fetchAlignment(planId, asOf, signal),
  });
}

/** Full-text search; disabled for an empty query. */
export function useSearchResults(q: string): Result<SearchResult> {
  return useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: q.trim().length > 0,
  });
}
