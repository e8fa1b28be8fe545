/**
 * Locale-aware formatting of numbers, values with their unit, percentages and dates.
 * French uses a narrow no-break space between thousands and a decimal comma (Intl fr-FR).
 */
export type Lang = 'fr' | 'en';

/** BCP 47 locale used for each interface language. */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, format);
  }
  return format;
}

/** A number with exactly `decimals` decimals, e.g. fr `13 300` / `12,5`, en `13,300` / `12.5`. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const digits = Math.max(0, Math.min(6, Math.trunc(decimals)));
  return numberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A signed number (`+3`, `−2`), for rates of change. */
export function formatSigned(value: number, decimals: number, lang: Lang): string {
  const base = Math.max(0, Math.min(6, Math.trunc(decimals)));
  const digits = Math.abs(value) >= 1 || value === 0 ? base : Math.min(6, Math.max(base + 1, 2));
  return numberFormat(lang, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(value);
}

/**
 * Unit labels arrive as short, untranslated codes (`count`, `days`, `FTE`…): how each reads
 * next to a figure in each language ('' = no label, e.g. a plain count).
 */
const UNIT_LABELS: Record<Lang, Record<string, string>> = {
  fr: { count: '', ratio: '', days: 'jours', jobs: 'emplois', FTE: 'ETP', students: 'étudiants' },
  en: { count: '', ratio: '' },
};

/** Names of unit labels for a definition ("Unit of measure: number"). */
const UNIT_NAMES: Record<Lang, Record<string, string>> = {
  fr: {
    count: 'nombre',
    ratio: 'ratio',
    '%': 'pourcentage (%)',
    days: 'jours',
    jobs: 'emplois',
    FTE: 'équivalents temps plein (ETP)',
  },
  en: { count: 'number', '%': 'percentage (%)', FTE: 'full-time equivalents (FTE)' },
};

/** The unit label as shown next to a figure in the language. */
export function localUnitLabel(unitLabel: string, lang: Lang): string {
  const label = unitLabel.trim();
  return UNIT_LABELS[lang][label] ?? label;
}

/** The unit label spelled out, for definitions. */
export function unitLabelName(unitLabel: string, lang: Lang): string {
  const label = unitLabel.trim();
  return UNIT_NAMES[lang][label] ?? label;
}

/**
 * A value with its unit label: fr `23,3 %` (narrow no-break space before %), en `23.3%`;
 * other units follow after a no-break space (`1 200 €`, `3 400 tCO2e`).
 */
export function formatValue(
  value: number,
  unitLabel: string,
  decimals: number,
  lang: Lang,
): string {
  const number = formatNumber(value, decimals, lang);
  const label = localUnitLabel(unitLabel, lang);
  if (label === '') return number;
  if (label === '%') return lang === 'fr' ? `${number}${NARROW_NBSP}%` : `${number}%`;
  if (label.startsWith('/')) return `${number}${label}`;
  return `${number}${NBSP}${label}`;
}

/** A ratio as a percentage with no decimals: 0.975 → fr `98 %`, en `98%`. */
export function formatRatio(ratio: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** An ISO date (yyyy-mm-dd, or a date-time) as a long, readable date in the language. */
export function formatDate(iso: string, lang: Lang): string {
  const day = iso.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A date-time (ISO) as a short date and time in the reader's time zone: `26 nov. 2026, 08:50`. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/**
 * Reads a number typed by a person: accepts a comma or a point as decimal separator and
 * spaces (including no-break ones) between thousands. Returns null when it is not a number.
 */
export function parseUserNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
