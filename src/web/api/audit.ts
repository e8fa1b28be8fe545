/**
 * The audit trail: the history of an element, indicator or action (signed-in readers), and the
 * export of a period as JSON or CSV (strategy office). `from` and `to` are ISO dates; the server
 * takes `to` as exclusive.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from './errors.ts';
import { apiUrl, getJson } from './http.ts';
import { queryKeys } from './keys.ts';
import type { AuditEvent } from './types.ts';

export type HistoryEntity = 'element' | 'indicator' | 'action' | 'risk';

const enc = encodeURIComponent;

/** The changes of one item, newest first; fetched only while `enabled` (panel open). */
export function useHistory(
  entityType: HistoryEntity,
  id: string,
  enabled: boolean,
): UseQueryResult<{ items: AuditEvent[] }, ApiError> {
  return useQuery({
    queryKey: queryKeys.history(entityType, id),
    queryFn: ({ signal }) => getJson(`/v1/audit/${entityType}/${enc(id)}`, undefined, signal),
    enabled: enabled && id !== '',
  });
}

/** The events of a period, oldest first. */
export function useAuditRange(
  from: string | null,
  to: string | null,
  enabled: boolean,
): UseQueryResult<{ items: AuditEvent[] }, ApiError> {
  return useQuery({
    queryKey: queryKeys.auditRange(from, to),
    queryFn: ({ signal }) => getJson('/v1/audit', { from, to }, signal),
    enabled,
  });
}

/** The address of the export of a period, as JSON or as CSV (a plain link downloads it). */
export function auditExportUrl(
  format: 'json' | 'csv',
  from: string | null,
  to: string | null,
): string {
  return apiUrl(format === 'csv' ? '/v1/audit.csv' : '/v1/audit', { from, to });
}
