/** One typed function per API endpoint. Reads take an optional `asOf` ISO date. */
import { getJson, request } from './http.ts';
import type {
  ActionCard,
  ActionDetail,
  ActionUpdate,
  AlignmentView,
  Dashboard,
  ElementCreate,
  ElementDetail,
  ElementUpdate,
  IndicatorDetail,
  IndicatorListItem,
  ListPage,
  Measurement,
  MeasurementCreate,
  PlanTree,
  SearchResult,
  UnitPage,
  WorkspaceOverview,
} from './types.ts';
import type { Status } from '../../domain/types.ts';

const enc = encodeURIComponent;

export function fetchHealth(signal?: AbortSignal): Promise<{ status: string }> {
  return getJson('/health', undefined, signal);
}

export function fetchWorkspace(signal?: AbortSignal): Promise<WorkspaceOverview> {
  return getJson('/v1/workspace', undefined, signal);
}

export function fetchDashboard(
  params: { planId?: string | null; asOf?: string | null },
  signal?: AbortSignal,
): Promise<Dashboard> {
  return getJson('/v1/dashboard', { planId: params.planId, asOf: params.asOf }, signal);
}

export function fetchPlanTree(
  planId: string,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<PlanTree> {
  return getJson(`/v1/plans/${enc(planId)}/tree`, { asOf }, signal);
}

export function fetchElement(
  id: string,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<ElementDetail> {
  return getJson(`/v1/elements/${enc(id)}`, { asOf }, signal);
}

/** PATCH an element; `etag` is the one read with it (412 if it changed meanwhile). */
export async function updateElement(
  id: string,
  etag: string,
  changes: ElementUpdate,
): Promise<ElementDetail> {
  const response = await request<ElementDetail>('PATCH', `/v1/elements/${enc(id)}`, {
    body: changes,
    ifMatch: etag,
  });
  return response.data;
}

export async function createElement(
  planId: string,
  element: ElementCreate,
): Promise<ElementDetail> {
  const response = await request<ElementDetail>('POST', `/v1/plans/${enc(planId)}/elements`, {
    body: element,
  });
  return response.data;
}

export interface IndicatorListParams {
  elementId?: string | null;
  unitId?: string | null;
  limit?: number;
  offset?: number;
}

export function fetchIndicators(
  params: IndicatorListParams,
  signal?: AbortSignal,
): Promise<ListPage<IndicatorListItem>> {
  return getJson('/v1/indicators', { ...params }, signal);
}

export function fetchIndicator(
  id: string,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<IndicatorDetail> {
  return getJson(`/v1/indicators/${enc(id)}`, { asOf }, signal);
}

export function fetchMeasurements(
  indicatorId: string,
  params: { unitId?: string | null; history?: boolean },
  signal?: AbortSignal,
): Promise<{ items: Measurement[] }> {
  return getJson(
    `/v1/indicators/${enc(indicatorId)}/measurements`,
    { unitId: params.unitId, history: params.history ? 'true' : undefined },
    signal,
  );
}

/**
 * Records a figure. When the unit × period already has one, pass its ETag: the server then
 * records a correction (428 without it, 412 when it is stale).
 */
export async function createMeasurement(
  indicatorId: string,
  body: MeasurementCreate,
  ifMatch: string | null,
): Promise<Measurement> {
  const response = await request<Measurement>(
    'POST',
    `/v1/indicators/${enc(indicatorId)}/measurements`,
    { body, ifMatch },
  );
  return response.data;
}

export interface ActionListParams {
  unitId?: string | null;
  elementId?: string | null;
  status?: Status | null;
  limit?: number;
  offset?: number;
}

export function fetchActions(
  params: ActionListParams,
  signal?: AbortSignal,
): Promise<ListPage<ActionCard>> {
  return getJson('/v1/actions', { ...params }, signal);
}

export function fetchAction(id: string, signal?: AbortSignal): Promise<ActionDetail> {
  return getJson(`/v1/actions/${enc(id)}`, undefined, signal);
}

/** PATCH an action; `etag` is the one read with it (412 if it changed meanwhile). */
export async function updateAction(
  id: string,
  etag: string,
  changes: ActionUpdate,
): Promise<ActionDetail> {
  const response = await request<ActionDetail>('PATCH', `/v1/actions/${enc(id)}`, {
    body: changes,
    ifMatch: etag,
  });
  return response.data;
}

export function fetchUnit(
  id: string,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<UnitPage> {
  return getJson(`/v1/units/${enc(id)}`, { asOf }, signal);
}

export function fetchAlignment(
  planId: string | null,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<AlignmentView> {
  return getJson('/v1/alignment', { planId, asOf }, signal);
}

export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResult> {
  return getJson('/v1/search', { q }, signal);
}
