/**
 * Cell values as French and English spreadsheets write them: numbers with a decimal comma or
 * point and spaces (or non-breaking spaces) between thousands; dates as dd/mm/yyyy or ISO.
 */
import { formatIsoDate, parseIsoDate } from '../dates.ts';

/** A number written `1 234,5`, `1234.5`, `-3` or `12 %` (the sign is kept, `%` dropped); null if not one. */
export function parseLocaleNumber(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t.endsWith('%')) t = t.slice(0, -1);
  if (t === '') return null;
  if (/^[-+]?\d+(,\d+)?$/.test(t)) t = t.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A date written `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`, as ISO text; null if not one. */
export function parseLocaleDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) {
    const date = parseIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`);
    return date ? formatIsoDate(date) : null;
  }
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!fr) return null;
  const date = parseIsoDate(
    `${fr[3]}-${(fr[2] ?? '').padStart(2, '0')}-${(fr[1] ?? '').padStart(2, '0')}`,
  );
  return date ? formatIsoDate(date) : null;
}

/** A yes/no cell: oui/yes/true/1/x and non/no/false/0/empty; null if neither. */
export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['oui', 'yes', 'true', 'vrai', '1', 'x', 'o', 'y'].includes(t)) return true;
  if (['non', 'no', 'false', 'faux', '0', 'n', ''].includes(t)) return false;
  return null;
}
