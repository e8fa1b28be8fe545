/** Consistency rules of an indicator definition that a schema alone cannot say. */
import type { Aggregation, Direction } from '../domain/types.ts';
import { invalid } from './errors.ts';

export interface IndicatorRuleInput {
  direction: Direction;
  rangeMin?: number | null | undefined;
  rangeMax?: number | null | undefined;
  aggregation?: Aggregation | undefined;
  weightIndicatorId?: string | null | undefined;
  numeratorIndicatorId?: string | null | undefined;
  denominatorIndicatorId?: string | null | undefined;
  thresholds?: { onTrack: number; atRisk: number } | undefined;
}

/** Throws invalid_input naming the field when the definition does not hold together. */
export function checkIndicatorRule(input: IndicatorRuleInput): void {
  if (input.direction === 'range') {
    if (input.rangeMin === null || input.rangeMin === undefined) {
      throw invalid('/rangeMin', 'is required when direction is range');
    }
    if (input.rangeMax === null || input.rangeMax === undefined) {
      throw invalid('/rangeMax', 'is required when direction is range');
    }
    if (input.rangeMin > input.rangeMax) throw invalid('/rangeMin', 'must not exceed rangeMax');
  }
  if (input.aggregation === 'weighted_mean' && !input.weightIndicatorId) {
    throw invalid('/weightIndicatorId', 'is required for a weighted mean');
  }
  if (input.aggregation === 'ratio_of_sums') {
    if (!input.numeratorIndicatorId)
      throw invalid('/numeratorIndicatorId', 'is required for a ratio of sums');
    if (!input.denominatorIndicatorId) {
      throw invalid('/denominatorIndicatorId', 'is required for a ratio of sums');
    }
  }
  if (input.thresholds && input.thresholds.atRisk > input.thresholds.onTrack) {
    throw invalid('/thresholds/atRisk', 'must not exceed thresholds.onTrack');
  }
}
