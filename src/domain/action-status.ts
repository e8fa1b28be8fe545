/**
 * Status of an action from its reported state and progress against the time elapsed between its
 * start and due dates.
 */
import { DEFAULT_INDICATOR_THRESHOLDS } from './types.ts';
import type { ActionState, Status, Thresholds } from './types.ts';
import { daysBetween, mustParseIsoDate } from './dates.ts';
import { statusFromProgress } from './status.ts';

/** An action as its owner reports it; dates are ISO, progress is a percentage. */
export interface ActionStatusInput {
  state: ActionState;
  progress: number /* 0..100 */;
  start: string | null;
  due: string | null;
  asOf: string;
  thresholds?: Thresholds /* default DEFAULT_INDICATOR_THRESHOLDS */;
}

/** The action's status, the progress (0..100) expected by `asOf`, and whether it is overdue. */
export interface ActionStatusResult {
  status: Status;
  expectedProgress: number | null;
  overdue: boolean;
}

/**
 * Progress (0..100) expected at `asOf`: the elapsed fraction of [start, due] in days × 100,
 * clamped to 0..100 (0 before start, 100 from due on, so 100 on the day itself for a one-day
 * action); null without both dates.
 */
export function expectedActionProgress(
  start: string | null,
  due: string | null,
  asOf: string,
): number | null {
  if (start === null || due === null) return null;
  const duration = daysBetween(start, due);
  if (duration < 0) throw new RangeError(`Action due date ${due} is before its start ${start}`);
  const elapsed = daysBetween(start, asOf);
  if (elapsed < 0) return 0;
  if (elapsed >= duration) return 100;
  return (elapsed / duration) * 100;
}

/**
 * Rules, in order: done → on_track; cancelled → no_data; asOf after due → off_track, overdue;
 * asOf before start → on_track, expected 0; start or due missing → no_data; else
 * progress / expected (progress clamped to 0..100) judged by the thresholds, on_track when
 * nothing is expected yet.
 */
export function actionStatus(input: ActionStatusInput): ActionStatusResult {
  const { state, start, due, asOf } = input;
  mustParseIsoDate(asOf);
  const expected = expectedActionProgress(start, due, asOf);
  if (state === 'done') return { status: 'on_track', expectedProgress: expected, overdue: false };
  if (state === 'cancelled') return { status: 'no_data', expectedProgress: null, overdue: false };
  if (due !== null && daysBetween(due, asOf) > 0) {
    return { status: 'off_track', expectedProgress: 100, overdue: true };
  }
  if (start !== null && daysBetween(start, asOf) < 0) {
    return { status: 'on_track', expectedProgress: 0, overdue: false };
  }
  if (expected === null) return { status: 'no_data', expectedProgress: null, overdue: false };
  if (expected === 0) return { status: 'on_track', expectedProgress: 0, overdue: false };
  const progress = Number.isFinite(input.progress) ? Math.min(100, Math.max(0, input.progress)) : 0;
  const thresholds = input.thresholds ?? DEFAULT_INDICATOR_THRESHOLDS;
  return {
    status: statusFromProgress(progress / expected, thresholds),
    expectedProgress: expected,
    overdue: false,
  };
}
