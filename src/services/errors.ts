/**
 * Typed errors of the use cases, with no HTTP inside: the HTTP layer maps each code to a status
 * (src/http/errors.ts) and the CLI prints the message.
 */
export const ERROR_CODES = [
  'not_found',
  'invalid_input',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field at fault, named by its path in the input (e.g. `/value`, `units[2].parent`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure of a use case. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

/** The resource does not exist in this workspace (or may not be seen: same answer). */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** The input is invalid; names the field. */
export function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', `${field}: ${message}`, [{ field, message }]);
}
