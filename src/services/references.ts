/** Checks that the ids a write refers to exist in the workspace (and may be seen). */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { existingIds } from '../db/repositories/links.ts';
import { invalid } from './errors.ts';

type Table = Parameters<typeof existingIds>[1];

/**
 * Throws invalid_input naming `/<field>/<index>` for the first id of `ids` that does not exist
 * in `table` (or that `visible` hides, which must look the same as not existing).
 */
export async function requireExisting(
  db: Kysely<DB>,
  workspaceId: string,
  table: Table,
  field: string,
  ids: readonly string[] | undefined,
  what: string,
  visible: (id: string) => boolean = () => true,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const found = await existingIds(db, table, workspaceId, ids);
  ids.forEach((id, i) => {
    if (!found.has(id) || !visible(id)) throw invalid(`/${field}/${i}`, `no such ${what}`);
  });
}

/** Like `requireExisting` for one optional id, named `/<field>`. */
export async function requireOne(
  db: Kysely<DB>,
  workspaceId: string,
  table: Table,
  field: string,
  id: string | null | undefined,
  what: string,
): Promise<void> {
  if (!id) return;
  const found = await existingIds(db, table, workspaceId, [id]);
  if (!found.has(id)) throw invalid(`/${field}`, `no such ${what}`);
}
