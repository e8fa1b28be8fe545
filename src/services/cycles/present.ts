/**
 * Shapes cycles, items and check-in entries into the API's answer types, from the rows of the
 * cycle repository and a snapshot (titles, units, the plan tree for priorities).
 */
import type { Selectable } from 'kysely';
import type { CheckInCard, CheckInEntry, Cycle, ElementRef } from '../../contracts/index.ts';
import {
  completion,
  isPending,
  type ItemState,
  type ReportedStatus,
} from '../../domain/check-in.ts';
import type {
  CheckInEntryTable,
  CycleItemTable,
  ReportingCycleTable,
} from '../../db/schema-cycles.ts';
import { elementRef, unitRef } from '../present.ts';
import type { Snapshot } from '../snapshot.ts';
import { endOfDay } from '../../db/repositories/as-of.ts';

export type CycleRow = Selectable<ReportingCycleTable>;
export type ItemRow = Selectable<CycleItemTable>;
export type EntryRow = Selectable<CheckInEntryTable>;
export type AssigneeRow = {
  item_id: string;
  id: string;
  email: string;
  display_name: string;
};

/** Whether a cycle was closed by the end of `asOf`. */
export function closedAsOf(cycle: CycleRow, asOf: string): boolean {
  return cycle.closed_at !== null && new Date(cycle.closed_at) <= new Date(endOfDay(asOf));
}

/** The state of an item from its latest entry. */
export function stateOf(entry: EntryRow | undefined): ItemState {
  return entry ? (entry.state as ItemState) : 'not_started';
}

/** A cycle as the API shows it, with the completion of the given item states. */
export function cycleDto(cycle: CycleRow, asOf: string, states: readonly ItemState[]): Cycle {
  const closed = closedAsOf(cycle, asOf);
  return {
    id: cycle.id,
    code: cycle.code,
    title: { fr: cycle.title_fr, en: cycle.title_en },
    period: cycle.period,
    opensOn: cycle.opens_on,
    dueOn: cycle.due_on,
    reminderOffsets: cycle.reminder_offsets,
    escalateAfterDays: cycle.escalate_after_days,
    weeklyDigest: cycle.weekly_digest,
    closed,
    closedAt: closed && cycle.closed_at ? new Date(cycle.closed_at).toISOString() : null,
    version: cycle.version,
    completion: completion(states),
  };
}

/** An entry as the API shows it. */
export function entryDto(entry: EntryRow): CheckInEntry {
  return {
    seq: entry.seq,
    state: entry.state as CheckInEntry['state'],
    status: entry.status as ReportedStatus | null,
    summary: entry.summary,
    risks: entry.risks,
    nextSteps: entry.next_steps,
    explanation: entry.explanation,
    evidence: entry.evidence,
    comment: entry.comment,
    supersedeReason: entry.supersede_reason,
    recordedAt: new Date(entry.recorded_at).toISOString(),
    recordedBy: entry.recorded_by,
  };
}

/** The element or action an item reports on, as a reference. */
export function targetOf(snapshot: Snapshot, item: ItemRow) {
  if (item.element_id) {
    const e = snapshot.elementById.get(item.element_id);
    return e ? { id: e.id, code: e.code, title: { fr: e.title_fr, en: e.title_en } } : null;
  }
  const a = item.action_id ? snapshot.actionById.get(item.action_id) : undefined;
  return a ? { id: a.id, code: a.code, title: { fr: a.title_fr, en: a.title_en } } : null;
}

/** Everything needed to shape cards of several items. */
export interface CardSources {
  snapshot: Snapshot;
  asOf: string;
  cycles: Map<string, CycleRow>;
  entries: Map<string, EntryRow>;
  assignees: readonly AssigneeRow[];
}

/** An item as lists show it; null when its target or unit is gone. */
export function cardOf(src: CardSources, item: ItemRow): CheckInCard | null {
  const cycle = src.cycles.get(item.cycle_id);
  const target = targetOf(src.snapshot, item);
  const unit = src.snapshot.unitById.get(item.unit_id);
  if (!cycle || !target || !unit) return null;
  const entry = src.entries.get(item.id);
  const state = stateOf(entry);
  const closed = closedAsOf(cycle, src.asOf);
  return {
    id: item.id,
    cycle: {
      id: cycle.id,
      code: cycle.code,
      title: { fr: cycle.title_fr, en: cycle.title_en },
      dueOn: cycle.due_on,
      closed,
    },
    kind: item.element_id ? 'element' : 'action',
    target,
    unit: unitRef(unit),
    assignees: src.assignees
      .filter((a) => a.item_id === item.id)
      .map((a) => ({ id: a.id, label: a.display_name || a.email })),
    state,
    status: (entry?.status as ReportedStatus | null | undefined) ?? null,
    updatedAt: entry ? new Date(entry.recorded_at).toISOString() : null,
    overdue: !closed && isPending(state) && src.asOf > cycle.due_on,
  };
}

/**
 * The priority an item serves: the nearest element at level `priority` above its element (or
 * above the first element its action serves), followed through alignment to the group plan.
 */
export function priorityOf(snapshot: Snapshot, item: ItemRow): ElementRef | null {
  const start = item.element_id ?? snapshot.actionElements.get(item.action_id ?? '')?.[0];
  const seen = new Set<string>();
  let current = start ? snapshot.elementById.get(start) : undefined;
  let priority: typeof current;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.level === 'priority') {
      priority = current;
      const plan = snapshot.planById.get(current.plan_id);
      if (!plan || plan.unit_id === snapshot.groupUnitId) break;
      const target = snapshot.alignments.find((a) => a.elementId === current?.id);
      current = target ? snapshot.elementById.get(target.targetElementId) : undefined;
      continue;
    }
    const parentId = current.parent_id;
    if (parentId) {
      current = snapshot.elementById.get(parentId);
      continue;
    }
    const aligned = snapshot.alignments.find((a) => a.elementId === current?.id);
    current = aligned ? snapshot.elementById.get(aligned.targetElementId) : undefined;
  }
  return priority ? elementRef(snapshot, priority.id) : null;
}
