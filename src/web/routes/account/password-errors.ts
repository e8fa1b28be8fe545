/**
 * The server's field errors of a password change, placed on the form's fields and put in the
 * interface language (the server words them in English; unknown ones are shown as they come).
 */
import type { ApiError } from '../../api/errors.ts';
import type { Messages } from '../../i18n/fr.ts';

export interface PasswordErrors {
  current?: string;
  next?: string;
}

const KNOWN: readonly [RegExp, keyof Messages['account']['passwordErrors']][] = [
  [/at least 8/i, 'tooShort'],
  [/at most 128/i, 'tooLong'],
  [/too common/i, 'common'],
  [/e-?mail/i, 'isEmail'],
  [/current password/i, 'notCurrent'],
];

function translate(message: string, t: Messages): string {
  const found = KNOWN.find(([pattern]) => pattern.test(message));
  return found ? t.account.passwordErrors[found[1]] : message;
}

/** Field errors by field (`/current`; `/next` or `/password` for the new one), and the rest. */
export function passwordErrors(
  error: ApiError,
  t: Messages,
): { fields: PasswordErrors; unplaced: string[] } {
  const fields: PasswordErrors = {};
  const unplaced: string[] = [];
  for (const item of error.fieldErrors) {
    const name = item.field.split('/').filter(Boolean).pop() ?? '';
    const message = translate(item.message, t);
    if (name === 'current') fields.current ??= message;
    else if (name === 'next' || name === 'password') fields.next ??= message;
    else unplaced.push(message);
  }
  return { fields, unplaced };
}
