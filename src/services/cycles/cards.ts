/** Reads the items a principal may see, with their latest entries as of a date, as cards. */
import type { CheckInCard } from '../../contracts/index.ts';
import { canWriteAction, canWriteElement, type Principal } from '../../domain/access.ts';
import { cycleRepository, type ItemFilter } from '../../db/repositories/cycle.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import type { Snapshot, SnapshotLoader } from '../snapshot.ts';
import { visibility } from '../visibility.ts';
import { cardOf, type EntryRow, type ItemRow } from './present.ts';

/** Whether `p` may write the check-in of an item: whoever may write its element or action. */
export function canWriteItem(p: Principal, snapshot: Snapshot, item: ItemRow): boolean {
  if (item.element_id) return canWriteElement(p, item.unit_id, item.element_id);
  const action = item.action_id ? snapshot.actionById.get(item.action_id) : undefined;
  return !!action && canWriteAction(p, action.lead_unit_id, action.id);
}

/** Whether `p` may see an item: its element or action, and its unit. */
export function itemVisible(snapshot: Snapshot, p: Principal, item: ItemRow): boolean {
  const vis = visibility(snapshot, p);
  if (!vis.unit(item.unit_id)) return false;
  return item.element_id ? vis.element(item.element_id) : vis.action(item.action_id ?? '');
}

/** A set of visible items with their cards. */
export interface CardSet {
  snapshot: Snapshot;
  items: ItemRow[];
  entries: Map<string, EntryRow>;
  cards: CheckInCard[];
}

/** Creates the card reader. */
export function cardReader(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = cycleRepository(deps.db);
  return async function read(
    scope: WorkspaceScope,
    filter: ItemFilter,
    asOf: string,
  ): Promise<CardSet> {
    const [snapshot, cycleRows, allItems] = await Promise.all([
      snapshots.load(scope.id, asOf),
      repo.list(scope.id, asOf),
      repo.items(scope.id, filter, asOf),
    ]);
    const items = allItems.filter((item) => itemVisible(snapshot, scope.principal, item));
    const ids = items.map((i) => i.id);
    const [entryRows, assignees] = await Promise.all([
      repo.latestEntries(scope.id, ids, asOf),
      repo.assignees(scope.id, ids),
    ]);
    const entries = new Map(entryRows.map((e) => [e.item_id, e]));
    const cycles = new Map(cycleRows.map((c) => [c.id, c]));
    const src = { snapshot, asOf, cycles, entries, assignees };
    const cards = items.flatMap((item) => {
      const card = cardOf(src, item);
      return card ? [card] : [];
    });
    const shown = new Set(cards.map((c) => c.id));
    return { snapshot, items: items.filter((i) => shown.has(i.id)), entries, cards };
  };
}
