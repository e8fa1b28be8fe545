/**
 * The risk register: the list with its filters, the likelihood × impact matrix, a risk with its
 * reviews (all "as of" a date), and the review form's write (If-Match).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RiskCard, RiskDetail, RiskMatrix, RiskReviewCreate } from '../../contracts/index.ts';
import type { RiskLevel, RiskStatus } from '../../domain/risk.ts';
import type { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import { invalidateComputed } from './mutations.ts';
import type { ListPage } from './types.ts';

export type { RiskCard, RiskDetail, RiskMatrix, RiskReviewCreate };

const enc = encodeURIComponent;

export interface RiskFilters {
  unitId?: string | null;
  elementId?: string | null;
  actionId?: string | null;
  status?: RiskStatus | null;
  level?: RiskLevel | null;
  likelihood?: number | null;
  impact?: number | null;
  asOf?: string | null;
}

/** The risks matching `filters` (up to 500), as of `filters.asOf`. */
export function useRisks(
  filters: RiskFilters,
  enabled = true,
): UseQueryResult<ListPage<RiskCard>, ApiError> {
  return useQuery({
    queryKey: ['risks', filters],
    queryFn: ({ signal }) => getJson('/v1/risks', { ...filters, limit: 500 }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The 5 × 5 matrix of a unit and/or a priority, as of a date. */
export function useRiskMatrix(filters: {
  unitId: string | null;
  elementId: string | null;
  asOf: string | null;
}): UseQueryResult<RiskMatrix, ApiError> {
  return useQuery({
    queryKey: ['risk-matrix', filters],
    queryFn: ({ signal }) => getJson('/v1/risks/matrix', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One risk with its reviews recorded by the end of `asOf`. */
export function useRisk(id: string, asOf: string | null): UseQueryResult<RiskDetail, ApiError> {
  return useQuery({
    queryKey: ['risk', id, asOf],
    queryFn: ({ signal }) => getJson(`/v1/risks/${enc(id)}`, { asOf }, signal),
  });
}

/** Appends a review with the ETag read (412 when the risk changed meanwhile: reloaded). */
export function useReviewRisk(): UseMutationResult<
  RiskDetail,
  ApiError,
  { id: string; etag: string; review: RiskReviewCreate }
> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, review }) =>
      (
        await request<RiskDetail>('POST', `/v1/risks/${enc(id)}/reviews`, {
          body: review,
          ifMatch: etag,
        })
      ).data,
    onSettled: () => invalidateComputed(client),
  });
}
