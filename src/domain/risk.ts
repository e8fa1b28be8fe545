/**
 * Risks: score (likelihood × impact, each 1–5), level, the assessment in force at a date, and
 * whether a review is overdue.
 */

export const RISK_STATUSES = ['open', 'mitigated', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_CATEGORIES = [
  'strategic',
  'operational',
  'financial',
  'compliance',
  'reputation',
  'people',
  'technology',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Likelihood and impact are whole numbers from 1 to 5. */
export const RISK_SCALE = [1, 2, 3, 4, 5] as const;

function checkRating(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new RangeError(`${name} must be a whole number from 1 to 5, got ${value}`);
  }
}

/** The score of a risk: likelihood × impact, from 1 to 25. */
export function riskScore(likelihood: number, impact: number): number {
  checkRating('Likelihood', likelihood);
  checkRating('Impact', impact);
  return likelihood * impact;
}

/** The level of a score: low up to 4, medium up to 9, high up to 16, critical from 20. */
export function riskLevel(score: number): RiskLevel {
  if (!Number.isInteger(score) || score < 1 || score > 25) {
    throw new RangeError(`A risk score is a whole number from 1 to 25, got ${score}`);
  }
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

/** One review of a risk, as the rules need it. */
export interface RiskReviewPoint {
  reviewedOn: string /* ISO date */;
  /** ISO date-time at which the review was recorded. */
  recordedAt: string;
  likelihood: number;
  impact: number;
}

/**
 * The review in force at the end of `asOf` (an ISO date): among the reviews recorded by then,
 * the one with the latest review date, the later record winning a tie. Null when none was
 * recorded yet (the risk did not exist then).
 */
export function assessmentAsOf<T extends RiskReviewPoint>(
  reviews: readonly T[],
  asOf: string,
): T | null {
  const end = `${asOf}T23:59:59.999Z`;
  let best: T | null = null;
  for (const review of reviews) {
    if (new Date(review.recordedAt).toISOString() > end) continue;
    if (
      !best ||
      review.reviewedOn > best.reviewedOn ||
      (review.reviewedOn === best.reviewedOn && review.recordedAt >= best.recordedAt)
    ) {
      best = review;
    }
  }
  return best;
}

/** A review is overdue when its date has passed and the risk is not closed. */
export function reviewOverdue(
  reviewOn: string | null,
  status: RiskStatus,
  asOf: string /* ISO date */,
): boolean {
  return reviewOn !== null && status !== 'closed' && reviewOn < asOf;
}
