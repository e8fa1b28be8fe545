/** Errors of the API client: problem details (RFC 9457) parsed into a typed ApiError. */

/** One field at fault, as the server names it (a JSON-pointer-like path such as `/value`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An HTTP error answered by the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | null;
  readonly fieldErrors: readonly FieldError[];

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | null;
    fieldErrors?: readonly FieldError[];
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  /** 412: the resource changed since it was read (its ETag no longer matches). */
  get isConflict(): boolean {
    return this.status === 412;
  }

  /** 428: a write that needs `If-Match` was sent without it. */
  get isPreconditionRequired(): boolean {
    return this.status === 428;
  }

  /** The message of the first error on a field (path with or without the leading slash). */
  fieldMessage(field: string): string | null {
    const wanted = field.replace(/^\//, '');
    const hit = this.fieldErrors.find((e) => e.field.replace(/^\//, '') === wanted);
    return hit ? hit.message : null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const result: FieldError[] = [];
  for (const item of value as unknown[]) {
    if (isRecord(item) && typeof item.message === 'string') {
      result.push({
        field: typeof item.field === 'string' ? item.field : '',
        message: item.message,
      });
    }
  }
  return result;
}

/** Builds an ApiError from a response status and its (possibly non-JSON) body. */
export function problemToError(status: number, statusText: string, body: unknown): ApiError {
  if (isRecord(body)) {
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : status,
      code: typeof body.code === 'string' ? body.code : `http_${status}`,
      title: typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`,
      detail: typeof body.detail === 'string' ? body.detail : null,
      fieldErrors: readFieldErrors(body.errors),
    });
  }
  return new ApiError({
    status,
    code: `http_${status}`,
    title: statusText || `HTTP ${status}`,
    detail: typeof body === 'string' && body.length > 0 ? body.slice(0, 500) : null,
  });
}

/** The error raised when the server cannot be reached at all. */
export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'network',
    title: 'Network error',
    detail: cause instanceof Error ? cause.message : null,
  });
}
