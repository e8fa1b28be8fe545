/**
 * Plan revisions: the document an adopted revision keeps (the plan in its plan-file normal form
 * plus the trajectory points of the indicators attached to it) and the diff of two of them.
 * Elements are matched by code, target points by indicator, unit, kind and period.
 */
import type { PlanFileBilingual, PlanFileElement, PlanFilePlan } from './plan-file/index.ts';
import type { TargetKind } from './types.ts';

/** One trajectory point as a revision keeps it; `unit` null is the group. */
export interface RevisionTarget {
  indicator: string;
  unit: string | null;
  kind: TargetKind;
  period: string;
  value: number;
}

/** What an adopted revision keeps. */
export interface RevisionDocument {
  plan: PlanFilePlan;
  targets: RevisionTarget[];
}

/** An element of a revision, flattened: its code, level, title and parent's code. */
export interface FlatElement {
  code: string;
  level: string;
  title: PlanFileBilingual;
  parent: string | null;
}

export interface TargetChange {
  /** The target's key, as `targetReasons` names it: indicator/kind/period[/unit]. */
  key: string;
  indicator: string;
  unit: string | null;
  kind: TargetKind;
  period: string;
  /** null when the point is new. */
  from: number | null;
  /** null when the point was removed. */
  to: number | null;
  /** The reason given when the later revision was adopted ('' when none is known). */
  reason: string;
}

/** What changed from one revision to another. */
export interface RevisionDiff {
  added: FlatElement[];
  removed: FlatElement[];
  renamed: { code: string; from: PlanFileBilingual; to: PlanFileBilingual }[];
  moved: { code: string; from: string | null; to: string | null }[];
  targets: TargetChange[];
}

/** The key naming a target point: `indicator/kind/period`, plus `/unit` for a unit's point. */
export function targetKey(t: Pick<RevisionTarget, 'indicator' | 'unit' | 'kind' | 'period'>) {
  const base = `${t.indicator}/${t.kind}/${t.period}`;
  return t.unit === null ? base : `${base}/${t.unit}`;
}

/** A plan's elements in tree order, each with its parent's code. */
export function flattenElements(plan: PlanFilePlan): FlatElement[] {
  const out: FlatElement[] = [];
  const visit = (elements: readonly PlanFileElement[] | undefined, parent: string | null) => {
    for (const e of elements ?? []) {
      out.push({ code: e.code, level: e.level, title: { fr: e.title.fr, en: e.title.en }, parent });
      visit(e.children, e.code);
    }
  };
  visit(plan.elements, null);
  return out;
}

/**
 * The diff of two revision documents: elements added, removed, renamed (title changed in either
 * language) and moved (parent changed); target points added, removed or changed in value, each
 * with the reason recorded for it in `reasons` (keyed by `targetKey`).
 */
export function diffRevisions(
  from: RevisionDocument,
  to: RevisionDocument,
  reasons: Readonly<Record<string, string>> = {},
): RevisionDiff {
  const before = new Map(flattenElements(from.plan).map((e) => [e.code, e]));
  const after = flattenElements(to.plan);
  const afterCodes = new Set(after.map((e) => e.code));
  const diff: RevisionDiff = { added: [], removed: [], renamed: [], moved: [], targets: [] };
  for (const e of after) {
    const old = before.get(e.code);
    if (!old) {
      diff.added.push(e);
      continue;
    }
    if (old.title.fr !== e.title.fr || old.title.en !== e.title.en) {
      diff.renamed.push({ code: e.code, from: old.title, to: e.title });
    }
    if (old.parent !== e.parent) diff.moved.push({ code: e.code, from: old.parent, to: e.parent });
  }
  for (const e of before.values()) if (!afterCodes.has(e.code)) diff.removed.push(e);
  diff.targets = diffTargets(from.targets, to.targets, reasons);
  return diff;
}

/** Target points added, removed or changed in value, in the later document's order. */
export function diffTargets(
  from: readonly RevisionTarget[],
  to: readonly RevisionTarget[],
  reasons: Readonly<Record<string, string>> = {},
): TargetChange[] {
  const before = new Map(from.map((t) => [targetKey(t), t]));
  const afterKeys = new Set(to.map(targetKey));
  const changes: TargetChange[] = [];
  const change = (t: RevisionTarget, fromValue: number | null, toValue: number | null) => {
    const key = targetKey(t);
    changes.push({
      key,
      indicator: t.indicator,
      unit: t.unit,
      kind: t.kind,
      period: t.period,
      from: fromValue,
      to: toValue,
      reason: reasons[key] ?? '',
    });
  };
  for (const t of to) {
    const old = before.get(targetKey(t));
    if (!old) change(t, null, t.value);
    else if (old.value !== t.value) change(t, old.value, t.value);
  }
  for (const t of from) if (!afterKeys.has(targetKey(t))) change(t, t.value, null);
  return changes;
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: RevisionDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.renamed.length + diff.moved.length === 0 &&
    diff.targets.length === 0
  );
}
