/**
 * Data in and out: upload a CSV or XLSX file to the import (dry run or for real), the addresses
 * of templates, exports and open-data downloads, and the published open data.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type {
  ImportReport,
  OpenTable,
  PublicationResult,
  PublicationStatus,
} from '../../contracts/data-io.ts';
import { networkError, problemToError, type ApiError } from './errors.ts';
import { apiUrl, getJson, request } from './http.ts';

export type { ImportReport, OpenTable, PublicationResult, PublicationStatus };
export type ImportKind = ImportReport['kind'];
export type ExportDataset = 'indicators' | 'actions' | 'dashboard' | 'measurements';
export type OpenDataset = 'elements' | 'indicators' | 'figures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the file as the raw request body; the answer is the import report (or an ApiError). */
export async function uploadImport(
  file: File,
  options: { dryRun: boolean; kind?: ImportKind | undefined },
): Promise<ImportReport> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  let response: Response;
  try {
    response = await fetch(
      apiUrl('/v1/imports', { fileName: file.name, dryRun: options.dryRun, kind: options.kind }),
      {
        method: 'POST',
        headers: { 'Content-Type': type, Accept: 'application/json, application/problem+json' },
        body: file,
        credentials: 'same-origin',
      },
    );
  } catch (cause) {
    throw networkError(cause);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text for the error
  }
  if (!response.ok) throw problemToError(response.status, response.statusText, body);
  return body as ImportReport;
}

/** The address of an import template. */
export function templateUrl(kind: ImportKind, format: 'csv' | 'xlsx', locale: 'fr' | 'en'): string {
  return apiUrl(`/v1/imports/templates/${kind}`, { format, locale });
}

/** The address of an export of a list or the dashboard. */
export function exportUrl(
  dataset: ExportDataset,
  format: 'csv' | 'xlsx' | 'json',
  locale: 'fr' | 'en',
  filters: Record<string, string | null | undefined> = {},
): string {
  return apiUrl(`/v1/exports/${dataset}`, { format, locale, ...filters });
}

/** The address of an open-data download, and of the DCAT catalogue. */
export function openDataUrl(dataset: OpenDataset, format: 'csv' | 'json'): string {
  return apiUrl(`/v1/public/datasets/${dataset}`, { format });
}
export const CATALOG_URL = apiUrl('/v1/public/catalog');

const OPEN_DATA_KEY = 'open-data';
const PUBLICATION_KEY = ['publication'] as const;

/** A published dataset, as JSON. */
export function useOpenDataset(dataset: OpenDataset): UseQueryResult<OpenTable, ApiError> {
  return useQuery({
    queryKey: [OPEN_DATA_KEY, dataset],
    queryFn: ({ signal }) =>
      getJson<OpenTable>(`/v1/public/datasets/${dataset}`, undefined, signal),
  });
}

/** The ids of the elements and indicators published as open data (the strategy office's view). */
export function usePublicationStatus(
  enabled: boolean,
): UseQueryResult<PublicationStatus, ApiError> {
  return useQuery({
    queryKey: PUBLICATION_KEY,
    queryFn: ({ signal }) => getJson<PublicationStatus>('/v1/publication', undefined, signal),
    enabled,
  });
}

/**
 * Publishes or withdraws an element or indicator as open data; afterwards the publication state
 * and every open dataset shown are reloaded (a refusal also reloads them: the state may have
 * changed meanwhile).
 */
export function useSetPublished(
  kind: 'element' | 'indicator',
  id: string,
): UseMutationResult<PublicationResult, ApiError, boolean> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (published) =>
      (
        await request<PublicationResult>(
          'PUT',
          `/v1/publication/${kind}s/${encodeURIComponent(id)}`,
          { body: { published } },
        )
      ).data,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: PUBLICATION_KEY }),
        client.invalidateQueries({ queryKey: [OPEN_DATA_KEY] }),
      ]),
  });
}
