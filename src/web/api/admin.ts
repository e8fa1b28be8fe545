/**
 * Account administration (administrators): the accounts, invitations, role / units / disabling
 * with If-Match (a 412 reloads the account), a contributor's assignments and reset links.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import { queryKeys } from './keys.ts';
import { fetchPlanTree } from './endpoints.ts';
import type { Assignments, OneTimeLink, PlanTree, User, UserCreate, UserUpdate } from './types.ts';

const enc = encodeURIComponent;

/** Every account of the workspace. */
export function useUsers(enabled = true): UseQueryResult<{ items: User[] }, ApiError> {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: ({ signal }) => getJson('/v1/users', undefined, signal),
    enabled,
  });
}

/** One account, with the ETag to send when changing it. */
export function useUser(id: string, enabled = true): UseQueryResult<User, ApiError> {
  return useQuery({
    queryKey: queryKeys.user(id),
    queryFn: ({ signal }) => getJson(`/v1/users/${enc(id)}`, undefined, signal),
    enabled: enabled && id !== '',
  });
}

function refreshUsers(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: queryKeys.users() });
}

/** Invites someone: the answer is the one-time link to send them. */
export function useInviteUser(): UseMutationResult<OneTimeLink, ApiError, UserCreate> {
  const client = useQueryClient();
  return useMutation<OneTimeLink, ApiError, UserCreate>({
    mutationFn: async (body) =>
      (await request<OneTimeLink>('POST', '/v1/users/invitations', { body })).data,
    onSuccess: () => refreshUsers(client),
  });
}

export interface UserChange {
  id: string;
  etag: string;
  changes: UserUpdate;
}

/** Changes role, units, name or the disabled flag; a 412 (changed meanwhile) reloads it. */
export function useUpdateUser(): UseMutationResult<User, ApiError, UserChange> {
  const client = useQueryClient();
  return useMutation<User, ApiError, UserChange>({
    mutationFn: async ({ id, etag, changes }) =>
      (await request<User>('PATCH', `/v1/users/${enc(id)}`, { body: changes, ifMatch: etag })).data,
    onSuccess: (user) => {
      client.setQueryData(queryKeys.user(user.id), user);
      return refreshUsers(client);
    },
    onError: (error) => {
      if (error.isConflict || error.isPreconditionRequired) void refreshUsers(client);
    },
  });
}

/**
 * The assignments saved from this page since it was loaded. The API does not return an
 * account's current assignments: this is all the editor can start from.
 */
const savedAssignments = new Map<string, Assignments>();

export function knownAssignments(id: string): Assignments | null {
  return savedAssignments.get(id) ?? null;
}

/** Replaces a contributor's assigned elements, indicators and actions. */
export function useSetAssignments(
  id: string,
): UseMutationResult<{ ok: true }, ApiError, Assignments> {
  return useMutation<{ ok: true }, ApiError, Assignments>({
    mutationFn: async (body) =>
      (await request<{ ok: true }>('PUT', `/v1/users/${enc(id)}/assignments`, { body })).data,
    onSuccess: (_ok, body) => {
      savedAssignments.set(id, body);
    },
  });
}

/** A one-time link with which the account sets a new password. */
export function useResetLink(id: string): UseMutationResult<OneTimeLink, ApiError, undefined> {
  return useMutation<OneTimeLink, ApiError, undefined>({
    mutationFn: async () =>
      (await request<OneTimeLink>('POST', `/v1/users/${enc(id)}/reset-link`, { body: {} })).data,
  });
}

/** The trees of several plans at once (the element picker of the assignments). */
export function usePlanTrees(planIds: readonly string[]): {
  trees: PlanTree[];
  pending: boolean;
  error: unknown;
} {
  return useQueries({
    queries: planIds.map((planId) => ({
      queryKey: queryKeys.planTree(planId, null),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPlanTree(planId, null, signal),
    })),
    combine: (results) => ({
      trees: results.flatMap((result) => (result.data ? [result.data] : [])),
      pending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
    }),
  });
}
