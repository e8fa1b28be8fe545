/**
 * What a new evaluation may take over from the previous one when only some indicators' figures
 * changed: every indicator whose own figures did not change and whose group series reads no
 * changed indicator (weights of a weighted mean, numerator and denominator of a ratio of sums,
 * followed transitively). Targets, indicator definitions and the date must be the same: the
 * caller only carries results over between snapshots whose structure is identical.
 */
import type { EvalIndicator } from './model.ts';

/** The indicators whose evaluation a change of `changed` indicators' figures may alter. */
export function affectedIndicators(
  indicators: readonly EvalIndicator[],
  changed: ReadonlySet<string>,
): Set<string> {
  const readers = new Map<string, string[]>();
  for (const indicator of indicators) {
    for (const source of [
      indicator.weightIndicatorId,
      indicator.numeratorIndicatorId,
      indicator.denominatorIndicatorId,
    ]) {
      if (source === null) continue;
      const list = readers.get(source) ?? [];
      list.push(indicator.id);
      readers.set(source, list);
    }
  }
  const affected = new Set(changed);
  const queue = [...changed];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const reader of readers.get(id) ?? []) {
      if (affected.has(reader)) continue;
      affected.add(reader);
      queue.push(reader);
    }
  }
  return affected;
}
