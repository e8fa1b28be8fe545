/** Client-side checks of the value form, mirroring the server's (which has the last word). */
import { parsePeriod } from '../../../domain/period.ts';
import type { Frequency } from '../../../domain/types.ts';
import { parseUserNumber } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/fr.ts';

export interface FormFields {
  unitId: string;
  period: string;
  value: string;
  source: string;
  note: string;
}

export type FieldName = keyof FormFields | 'provenance';
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The errors of the form, by field (empty when it can be sent). */
export function validateForm(
  fields: FormFields,
  frequency: Frequency,
  isCorrection: boolean,
  t: Messages,
): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.unitId === '') errors.unitId = t.form.required;
  const period = fields.period.trim();
  if (period === '') errors.period = t.form.required;
  else if (!parsePeriod(period, frequency))
    errors.period = t.form.badPeriod(t.periodHint[frequency]);
  if (fields.value.trim() === '') errors.value = t.form.required;
  else if (parseUserNumber(fields.value) === null) errors.value = t.form.badNumber;
  if (isCorrection && fields.note.trim() === '') errors.note = t.form.noteNeeded;
  return errors;
}

const KNOWN: readonly FieldName[] = ['unitId', 'period', 'value', 'source', 'note', 'provenance'];

/** Maps the API's field paths (`/value`, `value`, `/body/value`) to the form's fields. */
export function fieldOf(path: string): FieldName | null {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return (KNOWN as readonly string[]).includes(last) ? (last as FieldName) : null;
}
