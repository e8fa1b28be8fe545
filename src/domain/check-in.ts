/**
 * Check-ins and reporting cycles as pure rules: the workflow (draft → submitted → validated, or
 * returned with a comment), who validates, what a submission needs, the figures due for a
 * cycle, the reminder calendar and completion counts.
 */
import { canWriteAnything, isStrategyOffice, type Principal } from './access.ts';
import { addPeriods, periodContaining, type Period } from './period.ts';
import type { PeriodKind } from './types.ts';

export const CHECK_IN_STATES = ['draft', 'submitted', 'returned', 'validated'] as const;
export type CheckInState = (typeof CHECK_IN_STATES)[number];
/** The state of an item, `not_started` before its first entry. */
export type ItemState = CheckInState | 'not_started';
export const ITEM_STATES = ['not_started', ...CHECK_IN_STATES] as const;

/** The statuses a check-in may report. */
export const REPORTED_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

export const CHECK_IN_ACTIONS = ['save', 'submit', 'return', 'validate', 'supersede'] as const;
export type CheckInAction = (typeof CHECK_IN_ACTIONS)[number];

/** Who performs an action: the item's writer, or its validator. */
export type CheckInActor = 'writer' | 'validator';

/** The actor an action needs. */
export function actorOf(action: CheckInAction): CheckInActor {
  return action === 'save' || action === 'submit' ? 'writer' : 'validator';
}

/** The state an action leads to. */
export function nextState(action: CheckInAction): CheckInState {
  switch (action) {
    case 'save':
      return 'draft';
    case 'submit':
      return 'submitted';
    case 'return':
      return 'returned';
    case 'validate':
    case 'supersede':
      return 'validated';
  }
}

/**
 * Why `action` may not be taken from `state` (null when it may). A closed cycle takes only
 * superseding entries; an open one never does.
 */
export function refusal(action: CheckInAction, state: ItemState, closed: boolean): string | null {
  if (closed) {
    return action === 'supersede'
      ? null
      : 'the cycle is closed: a change needs a superseding entry with a reason';
  }
  switch (action) {
    case 'save':
    case 'submit':
      return state === 'submitted' || state === 'validated'
        ? `a ${state} check-in cannot be edited`
        : null;
    case 'return':
    case 'validate':
      return state === 'submitted' ? null : 'only a submitted check-in can be reviewed';
    case 'supersede':
      return 'only a closed cycle takes superseding entries';
  }
}

/** The content of a check-in that a submission checks. */
export interface CheckInContent {
  status: ReportedStatus | null;
  summary: string;
  explanation: string;
}

/** One field a submission lacks, with the reason. */
export interface MissingField {
  field: string;
  message: string;
}

/**
 * What a submission (or a superseding entry) lacks: a status, a summary, and an explanation when
 * the status is off track or a figure due for the cycle is missing.
 */
export function submissionGaps(content: CheckInContent, missingFigures: number): MissingField[] {
  const gaps: MissingField[] = [];
  if (!content.status) gaps.push({ field: '/status', message: 'is required to submit' });
  if (content.summary.trim() === '')
    gaps.push({ field: '/summary', message: 'is required to submit' });
  if (content.explanation.trim() === '') {
    if (content.status === 'off_track') {
      gaps.push({ field: '/explanation', message: 'is required when the status is off track' });
    } else if (missingFigures > 0) {
      gaps.push({
        field: '/explanation',
        message: `is required when a figure due for the cycle is missing (${missingFigures})`,
      });
    }
  }
  return gaps;
}

/** Whether an item still waits for its contributor (not submitted nor validated). */
export function isPending(state: ItemState): boolean {
  return state === 'not_started' || state === 'draft' || state === 'returned';
}

/** Days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The reminder offsets of a cycle that are due on `today` (offset in days from the due date, a
 * negative one before it): every offset whose day has come, so a scheduler that missed a day
 * still sends it once (the job slot keeps it from being sent twice).
 */
export function dueReminderOffsets(dueOn: string, offsets: readonly number[], today: string) {
  const elapsed = daysBetween(dueOn, today);
  return [...new Set(offsets)].filter((offset) => offset <= elapsed).sort((a, b) => a - b);
}

/** Whether the escalation of overdue items is due on `today`. */
export function escalationDue(dueOn: string, afterDays: number, today: string): boolean {
  return daysBetween(dueOn, today) >= Math.max(afterDays, 1);
}

/** The ISO week of a date, e.g. 2026-W09, used as the slot of the weekly digest. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Counts of items by state, and the share validated. */
export interface Completion {
  total: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  validated: number;
  /** validated / total, 0 without items. */
  rate: number;
}

/** Completion of a set of items. */
export function completion(states: readonly ItemState[]): Completion {
  const c: Completion = {
    total: states.length,
    notStarted: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    validated: 0,
    rate: 0,
  };
  for (const s of states) {
    if (s === 'not_started') c.notStarted += 1;
    else c[s] += 1;
  }
  c.rate = c.total === 0 ? 0 : c.validated / c.total;
  return c;
}

/**
 * Validating a check-in: the strategy office, or the validator of the item's unit — modelled as
 * an editor of that unit.
 */
export function canValidateCheckIn(p: Principal, unitId: string): boolean {
  if (isStrategyOffice(p)) return true;
  return canWriteAnything(p) && p.role === 'unit_editor' && p.unitIds.includes(unitId);
}

/**
 * The period of an indicator of frequency `kind` whose figure a cycle covering `cycle` expects:
 * the latest such period that has ended by the end of the cycle's period.
 */
export function duePeriod(cycle: Period, kind: PeriodKind): Period {
  const containing = periodContaining(kind, cycle.end);
  return containing.end > cycle.end ? addPeriods(containing, -1) : containing;
}
