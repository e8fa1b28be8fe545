/**
 * TanStack Query hooks that write. Every successful write invalidates the data it may change:
 * a figure moves an indicator's status, which rolls up into elements, units and the dashboard.
 * A 412 (changed meanwhile) also reloads the data, so the user sees the latest version.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseMutationResult } from '@tanstack/react-query';
import { createElement, createMeasurement, updateAction, updateElement } from './endpoints.ts';
import { ApiError } from './errors.ts';
import type {
  ActionDetail,
  ActionUpdate,
  ElementCreate,
  ElementDetail,
  ElementUpdate,
  Measurement,
  MeasurementCreate,
} from './types.ts';

/** Marks every computed view stale (all but the workspace overview), refetching those shown. */
export function invalidateComputed(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'workspace' });
}

function reloadOnConflict(client: QueryClient, error: unknown): void {
  if (error instanceof ApiError && (error.isConflict || error.isPreconditionRequired)) {
    void invalidateComputed(client);
  }
}

export interface MeasurementInput {
  body: MeasurementCreate;
  /** ETag of the figure being corrected, or null for a new figure. */
  ifMatch: string | null;
}

/** Records (or corrects) a figure of an indicator. */
export function useCreateMeasurement(
  indicatorId: string,
): UseMutationResult<Measurement, ApiError, MeasurementInput> {
  const client = useQueryClient();
  return useMutation<Measurement, ApiError, MeasurementInput>({
    mutationFn: ({ body, ifMatch }) => createMeasurement(indicatorId, body, ifMatch),
    onSuccess: () => invalidateComputed(client),
    onError: (error) => {
      reloadOnConflict(client, error);
    },
  });
}

export interface UpdateInput<T> {
  id: string;
  etag: string;
  changes: T;
}

/** Changes an element with If-Match. */
export function useUpdateElement(): UseMutationResult<
  ElementDetail,
  ApiError,
  UpdateInput<ElementUpdate>
> {
  const client = useQueryClient();
  return useMutation<ElementDetail, ApiError, UpdateInput<ElementUpdate>>({
    mutationFn: ({ id, etag, changes }) => updateElement(id, etag, changes),
    onSuccess: () => invalidateComputed(client),
    onError: (error) => {
      reloadOnConflict(client, error);
    },
  });
}

/** Adds an element to a plan. */
export function useCreateElement(
  planId: string,
): UseMutationResult<ElementDetail, ApiError, ElementCreate> {
  const client = useQueryClient();
  return useMutation<ElementDetail, ApiError, ElementCreate>({
    mutationFn: (element) => createElement(planId, element),
    onSuccess: () => invalidateComputed(client),
  });
}

/** Changes an action (state, progress…) with If-Match. */
export function useUpdateAction(): UseMutationResult<
  ActionDetail,
  ApiError,
  UpdateInput<ActionUpdate>
> {
  const client = useQueryClient();
  return useMutation<ActionDetail, ApiError, UpdateInput<ActionUpdate>>({
    mutationFn: ({ id, etag, changes }) => updateAction(id, etag, changes),
    onSuccess: () => invalidateComputed(client),
    onError: (error) => {
      reloadOnConflict(client, error);
    },
  });
}
