/**
 * Consultations for the web app: the builder's reads and writes, results, links to elements,
 * citations by actions, and the public questionnaire of a respondent link.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type {
  AnswerSubmission,
  ConsultationCard,
  ConsultationCreate,
  ConsultationDetail,
  ConsultationRefs,
  ConsultationResults,
  ConsultationUpdate,
  ElementConsultations,
  IssuedTokens,
  LinksUpdate,
  PublicQuestionnaire,
  SharedLink,
  TokenRequest,
} from '../../contracts/consultations.ts';
import type { ApiError } from './errors.ts';
import { apiUrl, getJson, request } from './http.ts';

export type {
  AnswerSubmission,
  ConsultationCard,
  ConsultationCreate,
  ConsultationDetail,
  ConsultationResults,
  ElementConsultations,
  PublicQuestionnaire,
  Question,
  QuestionInput,
  QuestionResult,
} from '../../contracts/consultations.ts';

type Result<T> = UseQueryResult<T, ApiError>;
const enc = encodeURIComponent;
const base = (id: string) => `/v1/consultations/${enc(id)}`;

export const consultationKeys = {
  all: () => ['consultations'] as const,
  list: () => ['consultations', 'list'] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
  results: (id: string) => ['consultations', 'results', id] as const,
  ofElement: (id: string) => ['consultations', 'element', id] as const,
  ofAction: (id: string) => ['consultations', 'action', id] as const,
  link: (token: string) => ['consult', token] as const,
};

/** Consultations the caller may read. */
export function useConsultations(): Result<{ items: ConsultationCard[] }> {
  return useQuery({
    queryKey: consultationKeys.list(),
    queryFn: ({ signal }) => getJson('/v1/consultations', undefined, signal),
  });
}

export function useConsultation(id: string): Result<ConsultationDetail> {
  return useQuery({
    queryKey: consultationKeys.one(id),
    queryFn: ({ signal }) => getJson(base(id), undefined, signal),
  });
}

export function useConsultationResults(id: string): Result<ConsultationResults> {
  return useQuery({
    queryKey: consultationKeys.results(id),
    queryFn: ({ signal }) => getJson(`${base(id)}/results`, undefined, signal),
  });
}

export function useElementConsultations(elementId: string): Result<ElementConsultations> {
  return useQuery({
    queryKey: consultationKeys.ofElement(elementId),
    queryFn: ({ signal }) =>
      getJson(`/v1/elements/${enc(elementId)}/consultations`, undefined, signal),
  });
}

export function useActionConsultations(actionId: string): Result<ConsultationRefs> {
  return useQuery({
    queryKey: consultationKeys.ofAction(actionId),
    queryFn: ({ signal }) =>
      getJson(`/v1/actions/${enc(actionId)}/consultations`, undefined, signal),
  });
}

/** The questionnaire a respondent link opens. */
export function usePublicQuestionnaire(token: string): Result<PublicQuestionnaire> {
  return useQuery({
    queryKey: consultationKeys.link(token),
    queryFn: ({ signal }) => getJson(`/v1/consult/${enc(token)}`, undefined, signal),
    retry: false,
  });
}

/** Where the exports of a consultation are downloaded. */
export function exportUrls(id: string, lang: 'fr' | 'en') {
  return {
    csv: apiUrl(`${base(id)}/responses.csv`, { lang }),
    json: apiUrl(`${base(id)}/responses`),
  };
}

async function send<T>(
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
  ifMatch?: string,
): Promise<T> {
  const response = await request<T>(method, path, {
    ...(body !== undefined && { body }),
    ...(ifMatch !== undefined && { ifMatch }),
  });
  return response.data;
}

function useWrite<T, V>(
  fn: (vars: V) => Promise<T>,
  onDone?: (data: T) => void,
): UseMutationResult<T, ApiError, V> {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn: fn,
    onSuccess: (data) => {
      onDone?.(data);
      void client.invalidateQueries({ queryKey: consultationKeys.all() });
    },
  });
}

export function useCreateConsultation() {
  return useWrite((body: ConsultationCreate) =>
    send<ConsultationDetail>('POST', '/v1/consultations', body),
  );
}

export function useUpdateConsultation(detail: ConsultationDetail) {
  return useWrite((body: ConsultationUpdate) =>
    send<ConsultationDetail>('PATCH', base(detail.consultation.id), body, detail.etag),
  );
}

/** Publish, close, start a revision. */
export function useConsultationStep(detail: ConsultationDetail) {
  return useWrite((step: 'publish' | 'close' | 'revisions') =>
    send<ConsultationDetail>(
      'POST',
      `${base(detail.consultation.id)}/${step}`,
      undefined,
      step === 'revisions' ? undefined : detail.etag,
    ),
  );
}

export function useIssueLinks(id: string) {
  return useWrite((body: TokenRequest) => send<IssuedTokens>('POST', `${base(id)}/tokens`, body));
}

export function useShareLink(detail: ConsultationDetail) {
  return useWrite(() =>
    send<SharedLink>('POST', `${base(detail.consultation.id)}/shared-link`, undefined, detail.etag),
  );
}

export function useSetLinks(detail: ConsultationDetail) {
  return useWrite((body: LinksUpdate) =>
    send<ConsultationDetail>('PUT', `${base(detail.consultation.id)}/links`, body, detail.etag),
  );
}

export function useCiteConsultations(actionId: string) {
  return useWrite((consultationIds: string[]) =>
    send<ConsultationRefs>('PUT', `/v1/actions/${enc(actionId)}/consultations`, {
      consultationIds,
    }),
  );
}

/** Sends a respondent's answers. */
export function useAnswer(token: string) {
  return useMutation<unknown, ApiError, AnswerSubmission>({
    mutationFn: (body) => send('POST', `/v1/consult/${enc(token)}/responses`, body),
  });
}
