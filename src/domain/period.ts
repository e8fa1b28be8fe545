/**
 * Reporting periods in their textual form, their calendar span, ordering and arithmetic.
 *
 * | kind          | text      | span                          |
 * |---------------|-----------|-------------------------------|
 * | year          | `2025`    | 1 Jan 2025 – 31 Dec 2025      |
 * | academic_year | `2025-26` | 1 Sep 2025 – 31 Aug 2026      |
 * | semester      | `2025-S1` | Jan–Jun (`S2`: Jul–Dec)       |
 * | quarter       | `2025-Q3` | Jul–Sep                       |
 * | month         | `2025-07` | July 2025                     |
 *
 * Ambiguity: `yyyy-mm` where mm is both a month (01..12) and (yyyy + 1) mod 100, e.g. `2011-12`
 * or `2000-01`, reads as a MONTH (the ISO 8601 form wins). Pass `kind` to `parsePeriod` to read it
 * as an academic year instead. No year from 2012 to 2099 is affected.
 */
import { PERIOD_KINDS } from './types.ts';
import type { PeriodKind } from './types.ts';
import { firstDayOfMonthIndex, lastDayOfMonthIndex, monthIndexOfDate } from './dates.ts';

/** A parsed period. Month indices are `year * 12 + zeroBasedMonth`. */
export interface Period {
  kind: PeriodKind;
  text: string;
  /** first day, ISO yyyy-mm-dd */
  start: string;
  /** last day inclusive, ISO */
  end: string;
  /** month index year*12+month0 of the first month */
  startMonth: number;
  /** month index just after the last month (exclusive) */
  endMonth: number;
}

/** Earliest year a period text may name. */
export const MIN_PERIOD_YEAR = 1900;
/** Latest year a period text may name (an academic year may end in the next one). */
export const MAX_PERIOD_YEAR = 2200;

const LENGTH_MONTHS: Record<PeriodKind, number> = {
  year: 12,
  academic_year: 12,
  semester: 6,
  quarter: 3,
  month: 1,
};

/** Zero-based month in which periods of each kind start their cycle (September for academic). */
const START_OFFSET: Record<PeriodKind, number> = {
  year: 0,
  academic_year: 8,
  semester: 0,
  quarter: 0,
  month: 0,
};

const YEAR = /^(\d{4})$/;
const SEMESTER = /^(\d{4})-S([12])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const TWO_DIGIT_SUFFIX = /^(\d{4})-(\d{2})$/;

/** Length in months of one period of a kind: 12, 12, 6, 3, 1. */
export function periodLengthMonths(kind: PeriodKind): number {
  return LENGTH_MONTHS[kind];
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function textOf(kind: PeriodKind, year: number, part: number): string {
  switch (kind) {
    case 'year':
      return String(year);
    case 'academic_year':
      return `${year}-${pad2((year + 1) % 100)}`;
    case 'semester':
      return `${year}-S${part + 1}`;
    case 'quarter':
      return `${year}-Q${part + 1}`;
    case 'month':
      return `${year}-${pad2(part + 1)}`;
  }
}

/**
 * The ordinal of a period among periods of its kind: consecutive periods of one kind have
 * consecutive ordinals (for years and academic years, the ordinal is the first calendar year).
 */
export function periodOrdinal(period: Period): number {
  return (period.startMonth - START_OFFSET[period.kind]) / LENGTH_MONTHS[period.kind];
}

/**
 * Builds the period of a kind with a given ordinal (see `periodOrdinal`).
 * Throws a RangeError when its year falls outside 1900..2200.
 */
export function periodFromOrdinal(kind: PeriodKind, ordinal: number): Period {
  if (!Number.isInteger(ordinal)) throw new RangeError(`Period ordinal must be whole: ${ordinal}`);
  const length = LENGTH_MONTHS[kind];
  const perYear = 12 / length;
  const year = Math.floor(ordinal / perYear);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw new RangeError(
      `Period year ${year} is outside ${MIN_PERIOD_YEAR}..${MAX_PERIOD_YEAR} (${kind})`,
    );
  }
  const part = ordinal - year * perYear;
  const startMonth = ordinal * length + START_OFFSET[kind];
  const endMonth = startMonth + length;
  return {
    kind,
    text: textOf(kind, year, part),
    start: firstDayOfMonthIndex(startMonth),
    end: lastDayOfMonthIndex(endMonth - 1),
    startMonth,
    endMonth,
  };
}

/** Ordinal read from the text, or null when the text does not have the form of `kind`. */
function ordinalFromText(kind: PeriodKind, text: string): number | null {
  if (kind === 'year') {
    const match = YEAR.exec(text);
    return match ? Number(match[1]) : null;
  }
  if (kind === 'semester' || kind === 'quarter') {
    const match = (kind === 'semester' ? SEMESTER : QUARTER).exec(text);
    if (!match) return null;
    return Number(match[1]) * (12 / LENGTH_MONTHS[kind]) + Number(match[2]) - 1;
  }
  const match = TWO_DIGIT_SUFFIX.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const suffix = Number(match[2]);
  if (kind === 'month') return suffix >= 1 && suffix <= 12 ? year * 12 + suffix - 1 : null;
  return suffix === (year + 1) % 100 ? year : null;
}

/** Kinds tried, in order, when no kind is given: month before academic year (see module doc). */
const PARSE_ORDER: readonly PeriodKind[] = [
  'year',
  'semester',
  'quarter',
  'month',
  'academic_year',
];

/**
 * Parses a period text in one of the exact forms (no trimming; years 1900..2200).
 * Returns null when the text is not a valid period. With `kind`, only that form is accepted,
 * which also resolves `2011-12` (month by default) as an academic year.
 */
export function parsePeriod(text: string, kind?: PeriodKind): Period | null {
  // Parsing is pure and a workspace uses few distinct period texts, parsed in hot loops (sorts,
  // status, forecast): remember the answers. Periods are frozen, so sharing them is safe.
  const key = kind ? `${kind}:${text}` : text;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  const result = parseUncached(text, kind);
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  parsed.set(key, result);
  return result;
}

const PARSE_CACHE_LIMIT = 10_000;
const parsed = new Map<string, Period | null>();

function parseUncached(text: string, kind?: PeriodKind): Period | null {
  for (const candidate of kind ? [kind] : PARSE_ORDER) {
    const ordinal = ordinalFromText(candidate, text);
    if (ordinal === null) continue;
    const length = LENGTH_MONTHS[candidate];
    const year = Math.floor(ordinal / (12 / length));
    if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
    return Object.freeze(periodFromOrdinal(candidate, ordinal));
  }
  return null;
}

/** Like `parsePeriod`, but throws an Error naming the bad text. */
export function mustParsePeriod(text: string, kind?: PeriodKind): Period {
  const period = parsePeriod(text, kind);
  if (!period) {
    throw new Error(`Invalid period: "${text}"${kind ? ` (expected a ${kind})` : ''}`);
  }
  return period;
}

/**
 * Orders periods by the month they end (exclusive end month), then by the month they start, so
 * among periods ending together the LONGER one comes first (`2025` < `2025-S2` < `2025-Q4` <
 * `2025-12`), then by kind in the order of PERIOD_KINDS. Returns <0, 0 or >0.
 */
export function comparePeriods(a: Period, b: Period): number {
  if (a.endMonth !== b.endMonth) return a.endMonth - b.endMonth;
  if (a.startMonth !== b.startMonth) return a.startMonth - b.startMonth;
  return PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind);
}

/** The period of a kind that contains an ISO date (e.g. academic year of 2025-08-31 is 2024-25). */
export function periodContaining(kind: PeriodKind, isoDate: string): Period {
  const monthIndex = monthIndexOfDate(isoDate);
  const ordinal = Math.floor((monthIndex - START_OFFSET[kind]) / LENGTH_MONTHS[kind]);
  return periodFromOrdinal(kind, ordinal);
}

/** The period `n` periods of the same kind after `p` (before it when `n` is negative). */
export function addPeriods(p: Period, n: number): Period {
  if (!Number.isInteger(n)) throw new RangeError(`addPeriods needs a whole number, got ${n}`);
  return periodFromOrdinal(p.kind, periodOrdinal(p) + n);
}

/**
 * All periods from `from` to `to` inclusive, in order; [] when `from` is after `to`.
 * Throws when the two periods are of different kinds.
 */
export function periodsBetween(from: Period, to: Period): Period[] {
  if (from.kind !== to.kind) {
    throw new Error(`periodsBetween needs one kind, got ${from.kind} and ${to.kind}`);
  }
  const result: Period[] = [];
  const last = periodOrdinal(to);
  for (let ordinal = periodOrdinal(from); ordinal <= last; ordinal++) {
    result.push(periodFromOrdinal(from.kind, ordinal));
  }
  return result;
}
