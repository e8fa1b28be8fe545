/**
 * The partner registry and funding lines: the directory, partner, agreement and funding pages,
 * budget execution, what serves a plan element, and a contact's export and erasure.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type {
  AgreementDetail,
  ContactDetail,
  ElementPartnerships,
  FundingExecution,
  FundingLineCard,
  PartnerDetail,
  PartnerDirectory,
} from '../../contracts/index.ts';
import type { ApiError } from './errors.ts';
import { apiUrl, getJson, request } from './http.ts';
import type { ListPage } from './types.ts';

export type {
  AgreementCard,
  AgreementDetail,
  Contact,
  ElementPartnerships,
  FundingExecution,
  FundingLineCard,
  PartnerCard,
  PartnerDetail,
  PartnerDirectory,
  PartnerRef,
  Totals,
} from '../../contracts/index.ts';

type Result<T> = UseQueryResult<T, ApiError>;
const enc = encodeURIComponent;

/** The directory's filters; empty values are left out. */
export interface PartnerFilters {
  kind?: string | null;
  scale?: string | null;
  unitId?: string | null;
  elementId?: string | null;
  region?: string | null;
  q?: string | null;
}

const keys = {
  all: ['partners'] as const,
  directory: (f: PartnerFilters) => ['partners', 'directory', f] as const,
  partner: (id: string) => ['partners', 'partner', id] as const,
  agreement: (id: string) => ['partners', 'agreement', id] as const,
  lines: () => ['partners', 'funding-lines'] as const,
  execution: (year: number | null) => ['partners', 'execution', year] as const,
  element: (id: string) => ['partners', 'element', id] as const,
};

export function usePartnerDirectory(filters: PartnerFilters): Result<PartnerDirectory> {
  return useQuery({
    queryKey: keys.directory(filters),
    queryFn: ({ signal }) => getJson('/v1/partners', { ...filters, limit: 500 }, signal),
  });
}

export function usePartner(id: string): Result<PartnerDetail> {
  return useQuery({
    queryKey: keys.partner(id),
    queryFn: ({ signal }) => getJson(`/v1/partners/${enc(id)}`, undefined, signal),
  });
}

export function useAgreement(id: string): Result<AgreementDetail> {
  return useQuery({
    queryKey: keys.agreement(id),
    queryFn: ({ signal }) => getJson(`/v1/agreements/${enc(id)}`, undefined, signal),
  });
}

export function useFundingLines(): Result<ListPage<FundingLineCard>> {
  return useQuery({
    queryKey: keys.lines(),
    queryFn: ({ signal }) => getJson('/v1/funding-lines', { limit: 500 }, signal),
  });
}

export function useFundingExecution(year: number | null): Result<FundingExecution> {
  return useQuery({
    queryKey: keys.execution(year),
    queryFn: ({ signal }) => getJson('/v1/funding/execution', { year }, signal),
  });
}

/** What serves a plan element; fetched only for signed-in readers (`enabled`). */
export function useElementPartnerships(id: string, enabled: boolean): Result<ElementPartnerships> {
  return useQuery({
    queryKey: keys.element(id),
    queryFn: ({ signal }) => getJson(`/v1/elements/${enc(id)}/partnerships`, undefined, signal),
    enabled,
  });
}

/** The address of a contact's export, as JSON or CSV (a plain link downloads it). */
export function contactExportUrl(id: string, format: 'json' | 'csv'): string {
  return apiUrl(`/v1/contacts/${enc(id)}/export${format === 'csv' ? '.csv' : ''}`);
}

/** Erases (anonymises) a contact, then reloads the registry. */
export function useEraseContact(): UseMutationResult<ContactDetail, ApiError, string> {
  const client = useQueryClient();
  return useMutation<ContactDetail, ApiError, string>({
    mutationFn: async (id) =>
      (await request<ContactDetail>('POST', `/v1/contacts/${enc(id)}/erase`)).data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
