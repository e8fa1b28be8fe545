/**
 * Budget execution of funding lines: amounts planned, committed and spent per year, summed by
 * any key (priority, school, funder, programme). Amounts are integers of euro cents, so sums are
 * exact. A line that serves several priorities counts in full under each of them, so the rows of
 * a breakdown by priority may add up to more than the total.
 */

export interface YearAmounts {
  year: number;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export interface Totals {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  /** spent / planned, null when nothing is planned. */
  executionRate: number | null;
}

/** Sums amounts, keeping only `year` when given. */
export function totalsOf(amounts: readonly YearAmounts[], year?: number): Totals {
  let planned = 0;
  let committed = 0;
  let spent = 0;
  for (const a of amounts) {
    if (year !== undefined && a.year !== year) continue;
    planned += a.plannedCents;
    committed += a.committedCents;
    spent += a.spentCents;
  }
  return {
    plannedCents: planned,
    committedCents: committed,
    spentCents: spent,
    executionRate: planned > 0 ? spent / planned : null,
  };
}

/** One funding line as the breakdown sees it: its amounts and the keys it counts under. */
export interface LineForBreakdown {
  amounts: readonly YearAmounts[];
  keys: readonly string[];
}

/** Totals per key; a line counts once under each distinct key it names. Keys keep first-seen order. */
export function breakdown(lines: readonly LineForBreakdown[], year?: number): Map<string, Totals> {
  const grouped = new Map<string, YearAmounts[]>();
  for (const line of lines) {
    for (const key of new Set(line.keys)) {
      const list = grouped.get(key) ?? [];
      list.push(...line.amounts);
      grouped.set(key, list);
    }
  }
  const out = new Map<string, Totals>();
  for (const [key, amounts] of grouped) out.set(key, totalsOf(amounts, year));
  return out;
}

export interface PlanNode {
  id: string;
  parentId: string | null;
  planId: string;
  level: string;
}

/**
 * The priority an element serves: walking up its ancestors (and, from a school plan, across its
 * alignment to the group plan), the first element of the group plan at `priorityLevel`. Null when
 * none is found.
 */
export function priorityOf(
  elementId: string,
  nodes: ReadonlyMap<string, PlanNode>,
  alignsTo: ReadonlyMap<string, readonly string[]>,
  groupPlanId: string,
  priorityLevel: string,
  seen: Set<string> = new Set(),
): string | null {
  let current = nodes.get(elementId);
  while (current) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    if (current.planId === groupPlanId) {
      if (current.level === priorityLevel) return current.id;
    } else {
      for (const target of alignsTo.get(current.id) ?? []) {
        const found = priorityOf(target, nodes, alignsTo, groupPlanId, priorityLevel, seen);
        if (found) return found;
      }
    }
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return null;
}
