/**
 * One mapping from failures to HTTP answers: RFC 9457 problem details with a stable code and the
 * fields at fault. Unknown errors become a generic 500 carrying the request id, with no message,
 * stack or SQL; a database that cannot be reached becomes 503 with Retry-After.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimitedError, type ErrorCode } from '../services/index.ts';

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  forbidden: 403,
  unauthenticated: 401,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Connection-level failures of PostgreSQL (server down, restarting, too many clients). */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return true;
  if (/^(08|57P)/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    message,
  );
}

function fieldOf(
  error: { instancePath?: string; params?: Record<string, unknown> },
  context: string,
) {
  const missing = error.params?.missingProperty;
  const extra = error.params?.additionalProperty;
  const base = error.instancePath ?? '';
  const prefix = context === 'body' ? '' : `${context}:`;
  if (typeof missing === 'string') return `${prefix}${base}/${missing}`;
  if (typeof extra === 'string') return `${prefix}${base}/${extra}`;
  return `${prefix}${base || '/'}`;
}

/** Sends a problem document. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string | undefined,
  errors?: { field: string; message: string }[],
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://strata.invalid/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      code,
      ...(detail !== undefined && { detail }),
      requestId: request.id,
      ...(errors && errors.length > 0 && { errors }),
    });
}

/** The error handler installed on the app. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const status = STATUS[error.code];
    if (status === 503) void reply.header('Retry-After', '2');
    if (error instanceof RateLimitedError)
      void reply.header('Retry-After', String(error.retryAfter));
    request.log.info({ event: 'request.rejected', code: error.code }, error.message);
    return sendProblem(reply, request, status, error.code, error.message, error.fields);
  }
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      field: fieldOf(v as never, error.validationContext ?? 'body'),
      message: v.message ?? 'is invalid',
    }));
    request.log.info({ event: 'input.rejected', errors }, 'invalid input');
    return sendProblem(
      reply,
      request,
      400,
      'invalid_input',
      `Invalid ${error.validationContext ?? 'input'}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    );
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ event: 'database.unavailable', err: error }, 'database unavailable');
    void reply.header('Retry-After', '2');
    return sendProblem(
      reply,
      request,
      503,
      'unavailable',
      'The database is unavailable; try again shortly',
    );
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 404
            ? 'not_found'
            : 'bad_request';
    return sendProblem(reply, request, status, code, error.message);
  }
  request.log.error({ event: 'request.failed', err: error }, 'unexpected error');
  return sendProblem(
    reply,
    request,
    500,
    'internal',
    'An unexpected error occurred; quote the request id when reporting it',
  );
}
