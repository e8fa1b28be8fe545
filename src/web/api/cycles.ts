/**
 * Reporting cycles, check-ins and "my work": reads (as of a date) and the workflow's writes.
 * A write invalidates every computed view, since a validated check-in changes what pages show.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type {
  AssignablePeople,
  CheckInCard,
  CheckInDetail,
  CheckInWrite,
  Cycle,
  CycleCreate,
  CycleDetail,
  MyWork,
} from '../../contracts/index.ts';
import type { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import { invalidateComputed } from './mutations.ts';

export type {
  AssignablePeople,
  CheckInCard,
  CheckInDetail,
  CheckInWrite,
  Cycle,
  CycleCreate,
  CycleDetail,
  MyWork,
};

const enc = encodeURIComponent;

/** Filters of a check-in list. */
export interface CheckInParams {
  cycleId?: string;
  elementId?: string;
  actionId?: string;
  state?: CheckInCard['state'];
  asOf: string | null;
}

const keys = {
  cycles: (asOf: string | null) => ['cycles', asOf] as const,
  cycle: (id: string, asOf: string | null) => ['cycle', id, asOf] as const,
  checkIns: (params: CheckInParams) => ['check-ins', params] as const,
  checkIn: (id: string, asOf: string | null) => ['check-in', id, asOf] as const,
  myWork: () => ['my-work'] as const,
};

/** Every cycle with its completion, as of a date. */
export function useCycles(
  asOf: string | null,
  enabled = true,
): UseQueryResult<{ items: Cycle[] }, ApiError> {
  return useQuery({
    queryKey: keys.cycles(asOf),
    queryFn: ({ signal }) => getJson('/v1/cycles', { asOf, limit: 500 }, signal),
    enabled,
  });
}

/** One cycle with its items and completion per school and priority. */
export function useCycle(id: string, asOf: string | null): UseQueryResult<CycleDetail, ApiError> {
  return useQuery({
    queryKey: keys.cycle(id, asOf),
    queryFn: ({ signal }) => getJson(`/v1/cycles/${enc(id)}`, { asOf }, signal),
  });
}

/** Check-ins matching filters (e.g. those of one element), as of a date. */
export function useCheckIns(
  params: CheckInParams,
  enabled = true,
): UseQueryResult<{ items: CheckInCard[] }, ApiError> {
  return useQuery({
    queryKey: keys.checkIns(params),
    queryFn: ({ signal }) => getJson('/v1/check-ins', { ...params, limit: 500 }, signal),
    enabled,
  });
}

/** One check-in with its history and due figures, as of a date. */
export function useCheckIn(
  id: string,
  asOf: string | null,
): UseQueryResult<CheckInDetail, ApiError> {
  return useQuery({
    queryKey: keys.checkIn(id, asOf),
    queryFn: ({ signal }) => getJson(`/v1/check-ins/${enc(id)}`, { asOf }, signal),
  });
}

/** What is due, overdue, returned and to validate for the signed-in user. */
export function useMyWork(enabled = true): UseQueryResult<MyWork, ApiError> {
  return useQuery({
    queryKey: keys.myWork(),
    queryFn: ({ signal }) => getJson('/v1/my-work', undefined, signal),
    enabled,
  });
}

/** Records one step of a check-in's workflow with the ETag read. */
export function useCheckInStep(
  id: string,
): UseMutationResult<CheckInDetail, ApiError, { etag: string; body: CheckInWrite }> {
  const client = useQueryClient();
  return useMutation<CheckInDetail, ApiError, { etag: string; body: CheckInWrite }>({
    mutationFn: async ({ etag, body }) =>
      (
        await request<CheckInDetail>('POST', `/v1/check-ins/${enc(id)}/entries`, {
          body,
          ifMatch: etag,
        })
      ).data,
    onSuccess: () => invalidateComputed(client),
    onError: () => invalidateComputed(client),
  });
}

/** Opens a cycle. */
export function useCreateCycle(): UseMutationResult<CycleDetail, ApiError, CycleCreate> {
  const client = useQueryClient();
  return useMutation<CycleDetail, ApiError, CycleCreate>({
    mutationFn: async (body) => (await request<CycleDetail>('POST', '/v1/cycles', { body })).data,
    onSuccess: () => invalidateComputed(client),
  });
}

/** Closes a cycle (final). */
export function useCloseCycle(): UseMutationResult<
  CycleDetail,
  ApiError,
  { id: string; etag: string }
> {
  const client = useQueryClient();
  return useMutation<CycleDetail, ApiError, { id: string; etag: string }>({
    mutationFn: async ({ id, etag }) =>
      (
        await request<CycleDetail>('PATCH', `/v1/cycles/${enc(id)}`, {
          body: { closed: true },
          ifMatch: etag,
        })
      ).data,
    onSuccess: () => invalidateComputed(client),
  });
}

/** Turns the weekly digest off or on. */
export function useDigestPreference(): UseMutationResult<MyWork, ApiError, boolean> {
  const client = useQueryClient();
  return useMutation<MyWork, ApiError, boolean>({
    mutationFn: async (digestOptOut) =>
      (await request<MyWork>('PUT', '/v1/my-work/preferences', { body: { digestOptOut } })).data,
    onSuccess: (data) => {
      client.setQueryData(keys.myWork(), data);
    },
  });
}

/** The people a cycle's check-ins may be assigned to (the strategy office only). */
export function useAssignablePeople(
  cycleId: string,
  enabled: boolean,
): UseQueryResult<AssignablePeople, ApiError> {
  return useQuery({
    queryKey: ['assignable-people', cycleId],
    queryFn: ({ signal }) =>
      getJson(`/v1/cycles/${enc(cycleId)}/assignable-people`, undefined, signal),
    enabled,
  });
}

/** Replaces who a check-in is assigned to; every view showing assignees is reloaded. */
export function useSetAssignees(): UseMutationResult<
  CheckInDetail,
  ApiError,
  { id: string; userIds: string[] }
> {
  const client = useQueryClient();
  return useMutation<CheckInDetail, ApiError, { id: string; userIds: string[] }>({
    mutationFn: async ({ id, userIds }) =>
      (
        await request<CheckInDetail>('PUT', `/v1/check-ins/${enc(id)}/assignees`, {
          body: { userIds },
        })
      ).data,
    onSettled: () => invalidateComputed(client),
  });
}
