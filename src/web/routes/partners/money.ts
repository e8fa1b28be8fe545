/** Amounts of the registry are integers of euro cents; shown in euros, cents only when there are some. */
import type { Lang } from '../../i18n/format.ts';

/** Formats `cents` as euros in `lang` (e.g. 1 234 567,89 €). */
export function formatCents(cents: number | null, lang: Lang): string {
  if (cents === null) return '—';
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

/** Formats an execution rate (spent / planned) as a percentage. */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate);
}
