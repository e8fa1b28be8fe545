/**
 * Accounts: who is signed in (`/auth/me`), signing in and out, and the one-time links printed
 * by the server or sent by an administrator (first administrator, invitation, password reset).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import type { LinkAccept, LoginBody, Me, ResetBody, SetupBody } from './types.ts';

const ME_KEY = ['me'] as const;

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return getJson('/v1/auth/me', undefined, signal);
}

/** What the account endpoints answer. */
export interface Ok {
  ok: true;
}

async function post(path: string, body?: unknown): Promise<Ok> {
  const response = await request<Ok>('POST', path, { body: body ?? {} });
  return response.data;
}

/** Who is signed in and what the interface may offer them. */
export function useMe(): UseQueryResult<Me, ApiError> {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

/** After signing in or out, everything is refetched: what one may see depends on who one is. */
function useResetAll() {
  const client = useQueryClient();
  return () => client.resetQueries();
}

export function useLogin(): UseMutationResult<Ok, ApiError, LoginBody> {
  const reset = useResetAll();
  return useMutation<Ok, ApiError, LoginBody>({
    mutationFn: (body) => post('/v1/auth/login', body),
    onSuccess: reset,
  });
}

export function useLogout(): UseMutationResult<Ok, ApiError, undefined> {
  const reset = useResetAll();
  return useMutation<Ok, ApiError, undefined>({
    mutationFn: () => post('/v1/auth/logout'),
    onSuccess: reset,
  });
}

/** The three one-time links and what each one's form sends. */
export type LinkKind = 'setup' | 'invitation' | 'reset';

export type LinkBody =
  | { kind: 'setup'; body: SetupBody }
  | { kind: 'invitation'; body: LinkAccept }
  | { kind: 'reset'; body: ResetBody };

const LINK_PATHS: Record<LinkKind, string> = {
  setup: '/v1/auth/setup',
  invitation: '/v1/auth/invitation',
  reset: '/v1/auth/password-reset',
};

/** Uses a one-time link (setup and invitation also sign in). */
export function useLinkAction(): UseMutationResult<Ok, ApiError, LinkBody> {
  const reset = useResetAll();
  return useMutation<Ok, ApiError, LinkBody>({
    mutationFn: ({ kind, body }) => post(LINK_PATHS[kind], body),
    onSuccess: reset,
  });
}
