/** The server's field errors of an account form, in the interface language. */
import type { ApiError } from '../../api/errors.ts';
import type { Messages } from '../../i18n/fr.ts';

export interface AccountFieldErrors {
  email?: string | undefined;
  unitIds?: string | undefined;
}

/** A message shown on the page (success or failure) after a change of an account. */
export type Notice = { ok: boolean; text: string } | null;

/** The e-mail and units errors of `error` (the server words them in English). */
export function accountFieldErrors(error: ApiError, t: Messages): AccountFieldErrors {
  const email = error.fieldMessage('email');
  const unit = error.fieldErrors.find((e) => e.field.replace(/^\//, '').startsWith('unitIds'));
  return {
    email: email ? (/used/i.test(email) ? t.users.emailUsed : t.users.badEmail) : undefined,
    unitIds: unit ? t.users.badUnit : undefined,
  };
}
