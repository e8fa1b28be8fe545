import { describe, expect, it } from 'vitest';
import type { ActionState, Status, Thresholds } from '../../../src/domain/types.ts';
import { actionStatus, expectedActionProgress } from '../../../src/domain/action-status.ts';
import type { ActionStatusResult } from '../../../src/domain/action-status.ts';

// 2025-01-01 → 2025-12-31 is 364 days; 2025-07-02 is day 182, exactly halfway.
const START = '2025-01-01';
const DUE = '2025-12-31';
const HALFWAY = '2025-07-02';

describe('actionStatus', () => {
  it.each<[string, ActionState, number, string | null, string | null, string, ActionStatusResult]>([
    [
      'done is on track',
      'done',
      40,
      START,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 50, overdue: false },
    ],
    [
      'done past due is on track, not overdue',
      'done',
      80,
      START,
      DUE,
      '2026-02-01',
      { status: 'on_track', expectedProgress: 100, overdue: false },
    ],
    [
      'done without dates is on track',
      'done',
      100,
      null,
      null,
      HALFWAY,
      { status: 'on_track', expectedProgress: null, overdue: false },
    ],
    [
      'cancelled has no data',
      'cancelled',
      10,
      START,
      DUE,
      HALFWAY,
      { status: 'no_data', expectedProgress: null, overdue: false },
    ],
    [
      'cancelled past due is not overdue',
      'cancelled',
      10,
      START,
      DUE,
      '2026-02-01',
      { status: 'no_data', expectedProgress: null, overdue: false },
    ],
    [
      'halfway at 50 % is on track',
      'in_progress',
      50,
      START,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 50, overdue: false },
    ],
    [
      'halfway at 48 % (0.96) is on track',
      'in_progress',
      48,
      START,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 50, overdue: false },
    ],
    [
      'halfway at 45 % (0.9) is at risk',
      'in_progress',
      45,
      START,
      DUE,
      HALFWAY,
      { status: 'at_risk', expectedProgress: 50, overdue: false },
    ],
    [
      'halfway at 40 % (0.8) is at risk',
      'in_progress',
      40,
      START,
      DUE,
      HALFWAY,
      { status: 'at_risk', expectedProgress: 50, overdue: false },
    ],
    [
      'halfway at 30 % (0.6) is off track',
      'in_progress',
      30,
      START,
      DUE,
      HALFWAY,
      { status: 'off_track', expectedProgress: 50, overdue: false },
    ],
    [
      'still planned halfway is off track',
      'planned',
      0,
      START,
      DUE,
      HALFWAY,
      { status: 'off_track', expectedProgress: 50, overdue: false },
    ],
    [
      'ahead of schedule',
      'in_progress',
      90,
      START,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 50, overdue: false },
    ],
    [
      'progress above 100 is clamped',
      'in_progress',
      150,
      START,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 50, overdue: false },
    ],
    [
      'negative progress counts as 0',
      'in_progress',
      -10,
      START,
      DUE,
      HALFWAY,
      { status: 'off_track', expectedProgress: 50, overdue: false },
    ],
    [
      'the day after due, not done: overdue',
      'in_progress',
      99,
      START,
      DUE,
      '2026-01-01',
      { status: 'off_track', expectedProgress: 100, overdue: true },
    ],
    [
      'on the due day: not overdue yet',
      'in_progress',
      96,
      START,
      DUE,
      DUE,
      { status: 'on_track', expectedProgress: 100, overdue: false },
    ],
    [
      'on the due day at 90 %',
      'in_progress',
      90,
      START,
      DUE,
      DUE,
      { status: 'at_risk', expectedProgress: 100, overdue: false },
    ],
    [
      'before the start',
      'planned',
      0,
      '2025-03-01',
      DUE,
      '2025-02-01',
      { status: 'on_track', expectedProgress: 0, overdue: false },
    ],
    [
      'on the start day nothing is expected yet',
      'planned',
      0,
      START,
      DUE,
      START,
      { status: 'on_track', expectedProgress: 0, overdue: false },
    ],
    [
      'no dates',
      'in_progress',
      50,
      null,
      null,
      HALFWAY,
      { status: 'no_data', expectedProgress: null, overdue: false },
    ],
    [
      'only a due date, not passed',
      'in_progress',
      50,
      null,
      DUE,
      HALFWAY,
      { status: 'no_data', expectedProgress: null, overdue: false },
    ],
    [
      'only a due date, passed',
      'in_progress',
      50,
      null,
      DUE,
      '2026-01-01',
      { status: 'off_track', expectedProgress: 100, overdue: true },
    ],
    [
      'only a start date, started',
      'in_progress',
      50,
      START,
      null,
      HALFWAY,
      { status: 'no_data', expectedProgress: null, overdue: false },
    ],
    [
      'only a start date, not started',
      'planned',
      0,
      '2025-09-01',
      null,
      HALFWAY,
      { status: 'on_track', expectedProgress: 0, overdue: false },
    ],
    [
      'start and due on the same day',
      'in_progress',
      100,
      DUE,
      DUE,
      DUE,
      { status: 'on_track', expectedProgress: 100, overdue: false },
    ],
    [
      'a one-day action half done on its day',
      'in_progress',
      50,
      DUE,
      DUE,
      DUE,
      { status: 'off_track', expectedProgress: 100, overdue: false },
    ],
    [
      'a one-day action before its day',
      'planned',
      0,
      DUE,
      DUE,
      HALFWAY,
      { status: 'on_track', expectedProgress: 0, overdue: false },
    ],
  ])('%s', (_name, state, progress, start, due, asOf, expected) => {
    const result = actionStatus({ state, progress, start, due, asOf });
    expect(result.status).toBe(expected.status);
    expect(result.overdue).toBe(expected.overdue);
    if (expected.expectedProgress === null) expect(result.expectedProgress).toBeNull();
    else expect(result.expectedProgress).toBeCloseTo(expected.expectedProgress, 9);
  });

  it.each<[Thresholds, number, Status]>([
    [{ onTrack: 0.5, atRisk: 0.3 }, 20, 'at_risk'],
    [{ onTrack: 0.5, atRisk: 0.3 }, 25, 'on_track'],
    [{ onTrack: 0.5, atRisk: 0.3 }, 10, 'off_track'],
  ])('custom thresholds %o at %i % halfway → %s', (thresholds, progress, status) => {
    expect(
      actionStatus({
        state: 'in_progress',
        progress,
        start: START,
        due: DUE,
        asOf: HALFWAY,
        thresholds,
      }).status,
    ).toBe(status);
  });

  it('throws on an invalid asOf', () => {
    expect(() =>
      actionStatus({
        state: 'in_progress',
        progress: 0,
        start: START,
        due: DUE,
        asOf: '2025-02-30',
      }),
    ).toThrow('"2025-02-30"');
  });
});

describe('expectedActionProgress', () => {
  it.each<[string | null, string | null, string, number | null]>([
    [START, DUE, HALFWAY, 50],
    [START, DUE, '2024-12-01', 0],
    [START, DUE, '2026-06-01', 100],
    // Across a leap day: 2024-02-28 → 2024-03-01 is 2 days, the 29th is halfway.
    ['2024-02-28', '2024-03-01', '2024-02-29', 50],
    // Across a year boundary: 2025-12-01 → 2026-01-30 is 60 days, the 31st of December is day 30.
    ['2025-12-01', '2026-01-30', '2025-12-31', 50],
    [null, DUE, HALFWAY, null],
    [START, null, HALFWAY, null],
  ])('%s → %s as of %s: %s', (start, due, asOf, expected) => {
    const result = expectedActionProgress(start, due, asOf);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });

  it('throws when due is before start', () => {
    expect(() => expectedActionProgress(DUE, START, HALFWAY)).toThrow(RangeError);
  });
});
