/**
 * The writes of the creation and editing forms: a risk created or changed, a partner registered
 * or changed, an agreement recorded. Updates send the ETag read (`If-Match`); a 412 or 428
 * reloads what is shown, so the person sees the latest version before trying again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type {
  AgreementCreate,
  AgreementDetail,
  ContactCreate,
  ContactDetail,
  ContactUpdate,
  FundingLineCreate,
  FundingLineDetail,
  PartnerCreate,
  PartnerDetail,
  PartnerUpdate,
  RiskCreate,
  RiskDetail,
  RiskUpdate,
} from '../../contracts/index.ts';
import { ApiError } from './errors.ts';
import { getJson, request } from './http.ts';
import { invalidateComputed } from './mutations.ts';

export type {
  AgreementCreate,
  ContactCreate,
  ContactDetail,
  ContactUpdate,
  FundingLineCreate,
  PartnerCreate,
  PartnerUpdate,
  RiskCreate,
  RiskUpdate,
};

const enc = encodeURIComponent;

/** A change to a resource read with `etag`. */
export interface Change<T> {
  id: string;
  etag: string;
  changes: T;
}

/** A mutation that reloads every computed view once settled (conflicts included). */
function useWrite<R, V>(send: (input: V) => Promise<R>): UseMutationResult<R, ApiError, V> {
  const client = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: send,
    onSuccess: () => invalidateComputed(client),
    onError: (error) => {
      if (error instanceof ApiError && (error.isConflict || error.isPreconditionRequired)) {
        void invalidateComputed(client);
      }
    },
  });
}

async function send<R>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  ifMatch?: string,
): Promise<R> {
  return (await request<R>(method, path, { body, ifMatch: ifMatch ?? null })).data;
}

/** Creates a risk with its first assessment. */
export function useCreateRisk(): UseMutationResult<RiskDetail, ApiError, RiskCreate> {
  return useWrite((body: RiskCreate) => send<RiskDetail>('POST', '/v1/risks', body));
}

/** Changes a risk (not its assessment: that is a review). */
export function useUpdateRisk(): UseMutationResult<RiskDetail, ApiError, Change<RiskUpdate>> {
  return useWrite(({ id, etag, changes }: Change<RiskUpdate>) =>
    send<RiskDetail>('PATCH', `/v1/risks/${enc(id)}`, changes, etag),
  );
}

/** Registers a partner. */
export function useCreatePartner(): UseMutationResult<PartnerDetail, ApiError, PartnerCreate> {
  return useWrite((body: PartnerCreate) => send<PartnerDetail>('POST', '/v1/partners', body));
}

/** Changes a partner. */
export function useUpdatePartner(): UseMutationResult<
  PartnerDetail,
  ApiError,
  Change<PartnerUpdate>
> {
  return useWrite(({ id, etag, changes }: Change<PartnerUpdate>) =>
    send<PartnerDetail>('PATCH', `/v1/partners/${enc(id)}`, changes, etag),
  );
}

/** Records an agreement with a partner. */
export function useCreateAgreement(): UseMutationResult<
  AgreementDetail,
  ApiError,
  AgreementCreate
> {
  return useWrite((body: AgreementCreate) => send<AgreementDetail>('POST', '/v1/agreements', body));
}

/** One contact with its ETag, read for editing (personal data: only those allowed get it). */
export function useContact(id: string | null): UseQueryResult<ContactDetail, ApiError> {
  return useQuery({
    queryKey: ['partners', 'contact', id],
    queryFn: ({ signal }) => getJson(`/v1/contacts/${enc(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

/** Records a contact of `partnerId` with the purpose and legal basis of keeping it. */
export function useCreateContact(
  partnerId: string,
): UseMutationResult<ContactDetail, ApiError, ContactCreate> {
  return useWrite((body: ContactCreate) =>
    send<ContactDetail>('POST', `/v1/partners/${enc(partnerId)}/contacts`, body),
  );
}

/** Changes a contact. */
export function useUpdateContact(): UseMutationResult<
  ContactDetail,
  ApiError,
  Change<ContactUpdate>
> {
  return useWrite(({ id, etag, changes }: Change<ContactUpdate>) =>
    send<ContactDetail>('PATCH', `/v1/contacts/${enc(id)}`, changes, etag),
  );
}

/** Records a funding line with its yearly amounts. */
export function useCreateFundingLine(): UseMutationResult<
  FundingLineDetail,
  ApiError,
  FundingLineCreate
> {
  return useWrite((body: FundingLineCreate) =>
    send<FundingLineDetail>('POST', '/v1/funding-lines', body),
  );
}
