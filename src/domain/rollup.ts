/**
 * Roll-up of an element: the weighted mean of its indicators', actions' and child elements'
 * scores (on track 1, at risk 0.5, off track 0; no data excluded but counted).
 */
import { DEFAULT_ROLLUP_THRESHOLDS, STATUSES } from './types.ts';
import type { Status, Thresholds } from './types.ts';
import { THRESHOLD_EPSILON } from './status.ts';

/** One scored child of an element; weight defaults to 1. */
export interface RollupItem {
  id: string;
  kind: 'indicator' | 'action' | 'element';
  status: Status;
  weight?: number;
}

/** An element's score and status, with how many children were scored and counts by status. */
export interface RollupResult {
  score: number | null;
  status: Status;
  coverage: { scored: number; total: number };
  counts: Record<Status, number>;
}

const SCORES: Record<Status, number | null> = {
  on_track: 1,
  at_risk: 0.5,
  off_track: 0,
  no_data: null,
};

/** Score of a status: on_track 1, at_risk 0.5, off_track 0, no_data null. */
export function scoreOfStatus(status: Status): number | null {
  return SCORES[status];
}

/** no_data for a null score; else on_track from `onTrack`, at_risk from `atRisk`, else off_track. */
export function statusFromScore(score: number | null, thresholds: Thresholds): Status {
  if (score === null) return 'no_data';
  if (score >= thresholds.onTrack - THRESHOLD_EPSILON) return 'on_track';
  if (score >= thresholds.atRisk - THRESHOLD_EPSILON) return 'at_risk';
  return 'off_track';
}

/**
 * Rolls items up. score = Σ weight·score / Σ weight over items that have a score and a weight > 0;
 * null (status no_data) when there are none. coverage.scored counts those items, coverage.total
 * all items; counts tallies every item by status. Throws on a negative or non-finite weight.
 */
export function rollup(
  items: readonly RollupItem[],
  thresholds: Thresholds = DEFAULT_ROLLUP_THRESHOLDS,
): RollupResult {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let weighted = 0;
  let totalWeight = 0;
  let scored = 0;
  for (const item of items) {
    const weight = item.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Weight of ${item.kind} "${item.id}" must be ≥ 0, got ${weight}`);
    }
    counts[item.status] += 1;
    const score = scoreOfStatus(item.status);
    if (score === null || weight === 0) continue;
    weighted += weight * score;
    totalWeight += weight;
    scored += 1;
  }
  const score = totalWeight > 0 ? weighted / totalWeight : null;
  return {
    score,
    status: statusFromScore(score, thresholds),
    coverage: { scored, total: items.length },
    counts,
  };
}
