/** The risk rules of src/domain/risk.ts: score, level, assessment as of a date, overdue review. */
import { describe, expect, it } from 'vitest';
import { assessmentAsOf, reviewOverdue, riskLevel, riskScore } from '../../../src/domain/risk.ts';

describe('risk score and level', () => {
  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ] as const)('likelihood %i × impact %i = %i, %s', (likelihood, impact, score, level) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskLevel(score)).toBe(level);
  });

  it.each([
    [0, 3],
    [6, 3],
    [2.5, 3],
    [3, 0],
    [3, Number.NaN],
  ])('refuses a rating outside 1–5 (%s, %s)', (likelihood, impact) => {
    expect(() => riskScore(likelihood, impact)).toThrow(RangeError);
  });

  it.each([0, 26, 3.5])('refuses the score %s', (score) => {
    expect(() => riskLevel(score)).toThrow(RangeError);
  });
});

describe('assessment as of a date', () => {
  const initial = {
    reviewedOn: '2025-01-10',
    recordedAt: '2025-01-10T09:00:00.000Z',
    likelihood: 4,
    impact: 4,
  };
  const later = {
    reviewedOn: '2025-06-01',
    recordedAt: '2025-06-01T10:00:00.000Z',
    likelihood: 2,
    impact: 3,
  };
  // Recorded in September about a review held in May (back-dated).
  const backdated = {
    reviewedOn: '2025-05-15',
    recordedAt: '2025-09-01T08:00:00.000Z',
    likelihood: 5,
    impact: 5,
  };
  const reviews = [initial, later, backdated];

  it('is none before the first review was recorded', () => {
    expect(assessmentAsOf(reviews, '2025-01-09')).toBeNull();
  });

  it('is the first review on the day it was recorded', () => {
    expect(assessmentAsOf(reviews, '2025-01-10')).toBe(initial);
  });

  it('is the later review once recorded', () => {
    expect(assessmentAsOf(reviews, '2025-06-01')).toBe(later);
  });

  it('ignores a back-dated review before it was recorded, and ranks it by its review date after', () => {
    expect(assessmentAsOf(reviews, '2025-08-31')).toBe(later);
    expect(assessmentAsOf(reviews, '2025-09-01')).toBe(later);
  });

  it('breaks a tie on the review date by the later record', () => {
    const again = { ...later, recordedAt: '2025-06-01T11:00:00.000Z', likelihood: 1 };
    expect(assessmentAsOf([again, later], '2025-06-02')).toBe(again);
  });
});

describe('overdue review', () => {
  it.each([
    ['2025-03-01', 'open', '2025-03-02', true],
    ['2025-03-01', 'mitigated', '2025-03-02', true],
    ['2025-03-01', 'closed', '2025-03-02', false],
    ['2025-03-01', 'open', '2025-03-01', false],
    [null, 'open', '2030-01-01', false],
  ] as const)('review on %s, %s, as of %s → %s', (reviewOn, status, asOf, overdue) => {
    expect(reviewOverdue(reviewOn, status, asOf)).toBe(overdue);
  });
});
