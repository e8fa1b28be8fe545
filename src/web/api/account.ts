/**
 * My account: open sessions ("sign out everywhere"), API tokens (the secret is returned once, on
 * creation) and the password change.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { Ok } from './auth.ts';
import type { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import { queryKeys } from './keys.ts';
import type { PasswordChange, SessionInfo, TokenCreate, TokenCreated, TokenInfo } from './types.ts';

const enc = encodeURIComponent;

async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await request<T>(method, path, body === undefined ? {} : { body });
  return response.data;
}

/** The signed-in account's open sessions. */
export function useSessions(enabled = true): UseQueryResult<{ items: SessionInfo[] }, ApiError> {
  return useQuery({
    queryKey: queryKeys.sessions(),
    queryFn: ({ signal }) => getJson('/v1/auth/sessions', undefined, signal),
    enabled,
  });
}

/** Ends every session of the account, this one included: everything is refetched signed out. */
export function useEndAllSessions(): UseMutationResult<Ok, ApiError, undefined> {
  const client = useQueryClient();
  return useMutation<Ok, ApiError, undefined>({
    mutationFn: () => send('POST', '/v1/auth/sessions/end-all', {}),
    onSuccess: () => client.resetQueries(),
  });
}

/** The signed-in account's API tokens (revoked and expired ones included). */
export function useTokens(enabled = true): UseQueryResult<{ items: TokenInfo[] }, ApiError> {
  return useQuery({
    queryKey: queryKeys.tokens(),
    queryFn: ({ signal }) => getJson('/v1/auth/tokens', undefined, signal),
    enabled,
  });
}

/** Creates a token; the answer carries its secret, shown once. */
export function useCreateToken(): UseMutationResult<TokenCreated, ApiError, TokenCreate> {
  const client = useQueryClient();
  return useMutation<TokenCreated, ApiError, TokenCreate>({
    mutationFn: (body) => send('POST', '/v1/auth/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}

/** Revokes one of my tokens. */
export function useRevokeToken(): UseMutationResult<Ok, ApiError, string> {
  const client = useQueryClient();
  return useMutation<Ok, ApiError, string>({
    mutationFn: (id) => send('DELETE', `/v1/auth/tokens/${enc(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}

/** Changes my password (the server checks the current one and the rules). */
export function useChangePassword(): UseMutationResult<Ok, ApiError, PasswordChange> {
  return useMutation<Ok, ApiError, PasswordChange>({
    mutationFn: (body) => send('POST', '/v1/auth/password', body),
  });
}
