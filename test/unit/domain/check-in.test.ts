/** The pure rules of check-ins and cycles: workflow, submission gaps, calendar, completion. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  canValidateCheckIn,
  completion,
  duePeriod,
  dueReminderOffsets,
  escalationDue,
  isoWeek,
  refusal,
  submissionGaps,
  type CheckInAction,
  type ItemState,
} from '../../../src/domain/check-in.ts';
import { ANONYMOUS, systemPrincipal, type Principal } from '../../../src/domain/access.ts';
import { mustParsePeriod } from '../../../src/domain/period.ts';

describe('workflow', () => {
  const cases: [CheckInAction, ItemState, boolean, boolean][] = [
    ['save', 'not_started', false, true],
    ['save', 'draft', false, true],
    ['save', 'returned', false, true],
    ['save', 'submitted', false, false],
    ['save', 'validated', false, false],
    ['submit', 'draft', false, true],
    ['submit', 'submitted', false, false],
    ['return', 'submitted', false, true],
    ['return', 'draft', false, false],
    ['validate', 'submitted', false, true],
    ['validate', 'validated', false, false],
    ['supersede', 'validated', false, false],
    ['supersede', 'validated', true, true],
    ['supersede', 'not_started', true, true],
    ['save', 'draft', true, false],
    ['validate', 'submitted', true, false],
  ];
  it.each(cases)('%s from %s (closed %s) allowed: %s', (action, state, closed, allowed) => {
    expect(refusal(action, state, closed) === null).toBe(allowed);
  });
});

describe('submission gaps', () => {
  it('needs a status and a summary', () => {
    expect(submissionGaps({ status: null, summary: ' ', explanation: '' }, 0)).toEqual([
      { field: '/status', message: 'is required to submit' },
      { field: '/summary', message: 'is required to submit' },
    ]);
  });
  it('needs an explanation when off track or a figure is missing', () => {
    const fields = (status: 'on_track' | 'off_track', missing: number, explanation = '') =>
      submissionGaps({ status, summary: 'ok', explanation }, missing).map((g) => g.field);
    expect(fields('on_track', 0)).toEqual([]);
    expect(fields('off_track', 0)).toEqual(['/explanation']);
    expect(fields('on_track', 2)).toEqual(['/explanation']);
    expect(fields('off_track', 2, 'because')).toEqual([]);
  });
});

describe('validators', () => {
  const editor: Principal = {
    ...systemPrincipal(),
    kind: 'user',
    role: 'unit_editor',
    unitIds: ['u1'],
    label: 'e',
  };
  it('are the strategy office and the editors of the unit', () => {
    expect(canValidateCheckIn(systemPrincipal(), 'u1')).toBe(true);
    expect(canValidateCheckIn(editor, 'u1')).toBe(true);
    expect(canValidateCheckIn(editor, 'u2')).toBe(false);
    expect(canValidateCheckIn({ ...editor, readOnly: true }, 'u1')).toBe(false);
    expect(canValidateCheckIn({ ...editor, role: 'contributor' }, 'u1')).toBe(false);
    expect(canValidateCheckIn(ANONYMOUS, 'u1')).toBe(false);
  });
});

describe('calendar', () => {
  it('gives the offsets whose day has come', () => {
    const offsets = [3, -7, -1];
    expect(dueReminderOffsets('2026-03-31', offsets, '2026-03-23')).toEqual([]);
    expect(dueReminderOffsets('2026-03-31', offsets, '2026-03-24')).toEqual([-7]);
    expect(dueReminderOffsets('2026-03-31', offsets, '2026-04-03')).toEqual([-7, -1, 3]);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
  it('escalates after the delay, never on the due date itself', () => {
    expect(escalationDue('2026-03-31', 5, '2026-04-04')).toBe(false);
    expect(escalationDue('2026-03-31', 5, '2026-04-05')).toBe(true);
    expect(escalationDue('2026-03-31', 0, '2026-03-31')).toBe(false);
  });
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2026-04-13', '2026-W16'],
    ['2026-04-19', '2026-W16'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
  it('expects the latest figure of each frequency ended by the cycle', () => {
    const year = mustParsePeriod('2025');
    expect(duePeriod(year, 'year').text).toBe('2025');
    expect(duePeriod(year, 'academic_year').text).toBe('2024-25');
    expect(duePeriod(year, 'semester').text).toBe('2025-S2');
    expect(duePeriod(mustParsePeriod('2026-S1'), 'year').text).toBe('2025');
  });
});

describe('completion', () => {
  it('counts states and the share validated', () => {
    expect(completion(['validated', 'draft', 'not_started', 'validated'])).toEqual({
      total: 4,
      notStarted: 1,
      draft: 1,
      submitted: 0,
      returned: 0,
      validated: 2,
      rate: 0.5,
    });
    expect(completion([]).rate).toBe(0);
  });
});
