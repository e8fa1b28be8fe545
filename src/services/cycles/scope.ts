/** A cycle's scope: the items it creates and the assignees derived from owners. */
import type { CycleCreate } from '../../contracts/index.ts';
import type { Snapshot } from '../snapshot.ts';

/** One item to create: an element or an action, for a unit. */
export interface ScopeItem {
  element_id: string | null;
  action_id: string | null;
  unit_id: string;
}

/**
 * The items of a new cycle. An element is reported by each unit of `unitIds` (every school on a
 * group priority), or by its owner unit (else its plan's unit) when no unit is named. An action
 * is reported by its lead unit, kept only when `unitIds` (if given) names it or a contributing
 * unit.
 */
export function scopeItems(
  snapshot: Snapshot,
  input: Pick<CycleCreate, 'elementIds' | 'actionIds' | 'unitIds'>,
): ScopeItem[] {
  const units = input.unitIds ? [...new Set(input.unitIds)] : null;
  const items: ScopeItem[] = [];
  for (const elementId of new Set(input.elementIds ?? [])) {
    const element = snapshot.elementById.get(elementId);
    if (!element) continue;
    const own = element.owner_unit_id ?? snapshot.planById.get(element.plan_id)?.unit_id;
    for (const unitId of units ?? (own ? [own] : [])) {
      items.push({ element_id: elementId, action_id: null, unit_id: unitId });
    }
  }
  for (const actionId of new Set(input.actionIds ?? [])) {
    const action = snapshot.actionById.get(actionId);
    if (!action) continue;
    const involved = [action.lead_unit_id, ...(snapshot.actionUnits.get(actionId) ?? [])];
    if (units && !involved.some((u) => units.includes(u))) continue;
    items.push({ element_id: null, action_id: actionId, unit_id: action.lead_unit_id });
  }
  return items;
}

interface Owners {
  elements: readonly { target: string; user_id: string }[];
  actions: readonly { target: string; user_id: string }[];
  editors: readonly { target: string; user_id: string }[];
}

/**
 * Assignees of new items, derived from owners: the people assigned to the element or action
 * (for an element, only when the item is its own plan's unit), else the editors of the item's
 * unit. The strategy office edits them afterwards.
 */
export function deriveAssignees(
  items: readonly {
    id: string;
    element_id: string | null;
    action_id: string | null;
    unit_id: string;
  }[],
  owners: Owners,
  snapshot: Snapshot,
): { itemId: string; userId: string }[] {
  const pairs: { itemId: string; userId: string }[] = [];
  for (const item of items) {
    let users: string[] = [];
    if (item.element_id) {
      const element = snapshot.elementById.get(item.element_id);
      const planUnit = element ? snapshot.planById.get(element.plan_id)?.unit_id : undefined;
      if (planUnit === item.unit_id || element?.owner_unit_id === item.unit_id) {
        users = owners.elements.filter((o) => o.target === item.element_id).map((o) => o.user_id);
      }
    } else {
      users = owners.actions.filter((o) => o.target === item.action_id).map((o) => o.user_id);
    }
    if (users.length === 0) {
      users = owners.editors.filter((o) => o.target === item.unit_id).map((o) => o.user_id);
    }
    for (const userId of new Set(users)) pairs.push({ itemId: item.id, userId });
  }
  return pairs;
}
