/** The low-level HTTP client: JSON over fetch, problem+json errors, ETag / If-Match. */
import { networkError, problemToError } from './errors.ts';

/** Query parameters; undefined, null and empty values are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** ETag of the version being changed, sent as `If-Match`. */
  ifMatch?: string | null;
  signal?: AbortSignal;
}

/** A successful answer: its JSON body and the `ETag` header when there is one. */
export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

const API_BASE = '/api';

/** Builds `/api/...?a=1` from a path and query parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (text.length === 0) return null;
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Sends one request and returns its JSON body, or throws an ApiError built from the
 * `application/problem+json` answer (or from the bare status when the body is not one).
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
  const parsed = await readBody(response);
  if (!response.ok) throw problemToError(response.status, response.statusText, parsed);
  return { data: parsed as T, etag: response.headers.get('etag'), status: response.status };
}

/** GET returning the body only. */
export async function getJson<T>(
  path: string,
  query?: QueryParams,
  signal?: AbortSignal,
): Promise<T> {
  const response = await request<T>('GET', path, { query, signal });
  return response.data;
}
