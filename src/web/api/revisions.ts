/**
 * Plan revisions (list, diff, adopt, start a mid-term review) and the addresses of the reports
 * (a plain link opens the HTML or downloads the PDF).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './errors.ts';
import { apiUrl, getJson, request } from './http.ts';
import type {
  PlanReview,
  PlanRevision,
  RevisionAdopt,
  RevisionDiffDto,
  RevisionList,
} from '../../contracts/index.ts';

export type { PlanReview, PlanRevision, RevisionAdopt, RevisionDiffDto, RevisionList };

const enc = encodeURIComponent;
const keys = {
  all: (planId: string) => ['revisions', planId] as const,
  diff: (planId: string, from: number, to: number | null) =>
    ['revisions', planId, 'diff', from, to] as const,
};

/** A plan's revisions and the review under way. */
export function useRevisions(planId: string): UseQueryResult<RevisionList, ApiError> {
  return useQuery({
    queryKey: keys.all(planId),
    queryFn: ({ signal }) => getJson(`/v1/plans/${enc(planId)}/revisions`, undefined, signal),
  });
}

/** What changed from revision `from` to `to` (null: the plan as it stands now). */
export function useRevisionDiff(
  planId: string,
  from: number | null,
  to: number | null,
): UseQueryResult<RevisionDiffDto, ApiError> {
  return useQuery({
    queryKey: keys.diff(planId, from ?? 0, to),
    queryFn: ({ signal }) =>
      getJson(`/v1/plans/${enc(planId)}/revisions/diff`, { from, to }, signal),
    enabled: from !== null,
  });
}

/** Adopts the plan as it stands as a new revision. */
export function useAdoptRevision(
  planId: string,
): UseMutationResult<PlanRevision, ApiError, RevisionAdopt> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body) =>
      (await request<PlanRevision>('POST', `/v1/plans/${enc(planId)}/revisions`, { body })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(planId) }),
  });
}

/** Starts a mid-term review from the current revision. */
export function useStartReview(
  planId: string,
): UseMutationResult<PlanReview, ApiError, { label: string }> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body) =>
      (await request<PlanReview>('POST', `/v1/plans/${enc(planId)}/reviews`, { body })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(planId) }),
  });
}

export interface ReportParams {
  kind: 'annual' | 'board';
  format: 'html' | 'pdf';
  lang: 'fr' | 'en';
  unitId: string | null;
  asOf: string | null;
  period: string | null;
}

/** The address of a report. */
export function reportUrl(p: ReportParams): string {
  return apiUrl(`/v1/reports/${p.kind}`, {
    format: p.format,
    lang: p.lang,
    unitId: p.unitId,
    asOf: p.asOf,
    period: p.period,
  });
}
