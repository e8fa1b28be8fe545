/** Replaces the rows of a link table that belong to one owner (facets, units, elements). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { deleteLinksOf, insertRows } from './upsert.ts';

type LinkTable =
  | 'user_unit'
  | 'element_facet'
  | 'indicator_facet'
  | 'action_facet'
  | 'indicator_unit'
  | 'action_unit'
  | 'action_element'
  | 'risk_element'
  | 'risk_action';

const OWNER: Record<LinkTable, string> = {
  user_unit: 'user_id',
  element_facet: 'element_id',
  indicator_facet: 'indicator_id',
  action_facet: 'action_id',
  indicator_unit: 'indicator_id',
  action_unit: 'action_id',
  action_element: 'action_id',
  risk_element: 'risk_id',
  risk_action: 'risk_id',
};
const TARGET: Record<LinkTable, string> = {
  user_unit: 'unit_id',
  element_facet: 'facet_value_id',
  indicator_facet: 'facet_value_id',
  action_facet: 'facet_value_id',
  indicator_unit: 'unit_id',
  action_unit: 'unit_id',
  action_element: 'element_id',
  risk_element: 'element_id',
  risk_action: 'action_id',
};

/** Sets the links of `ownerId` in `table` to exactly `targetIds`. */
export async function replaceLinks(
  db: Kysely<DB>,
  table: LinkTable,
  workspaceId: string,
  ownerId: string,
  targetIds: readonly string[],
): Promise<void> {
  const owner = OWNER[table];
  const target = TARGET[table];
  // Column names come from the constant maps above, never from input.
  await deleteLinksOf(db, table, owner, workspaceId, [ownerId]);
  await insertRows(
    db,
    table,
    ['workspace_id', owner, target],
    [...new Set(targetIds)].map((id) => ({
      workspace_id: workspaceId,
      [owner]: ownerId,
      [target]: id,
    })),
  );
}

/** Ids among `ids` that exist in `table` within the workspace. */
export async function existingIds(
  db: Kysely<DB>,
  table: 'unit' | 'element' | 'indicator' | 'facet_value' | 'action' | 'plan',
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
