/**
 * Bulk upsert and insert helpers for imports. Table and column names come from the callers'
 * constants, never from input; values always travel as parameters. Rows are sent in chunks
 * that stay far below PostgreSQL's 65,535-parameter limit.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';

type Row = Record<string, unknown>;

const MAX_PARAMS = 20_000;

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function valuesList(rows: readonly Row[], columns: readonly string[]): RawBuilder<unknown> {
  return sql.join(
    rows.map((row) => sql`(${sql.join(columns.map((c) => sql`${row[c] ?? null}`))})`),
  );
}

export interface UpsertSpec {
  table: keyof DB;
  /** Columns of the unique constraint the rows are matched on. */
  conflict: readonly string[];
  /** Columns written on insert and, when they differ, on update. */
  columns: readonly string[];
  /** Columns written on insert only (e.g. the id of a new row). */
  insertOnly?: readonly string[];
  /** Bump `version` and `updated_at` when an existing row changes. */
  versioned: boolean;
}

/**
 * Inserts rows, or updates the matching ones where any column differs (unchanged rows are left
 * alone, so re-importing the same file changes nothing).
 */
export async function upsertRows(
  db: Kysely<DB>,
  spec: UpsertSpec,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const all = [...new Set([...(spec.insertOnly ?? []), ...spec.conflict, ...spec.columns])];
  const updatable = spec.columns.filter((c) => !spec.conflict.includes(c));
  const table = sql.id(spec.table);
  const set = updatable.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`);
  if (spec.versioned) {
    set.push(sql`version = ${table}.version + 1`, sql`updated_at = now()`);
  }
  const current = sql.join(updatable.map((c) => sql`${table}.${sql.id(c)}`));
  const incoming = sql.join(updatable.map((c) => sql`EXCLUDED.${sql.id(c)}`));
  const size = Math.max(1, Math.floor(MAX_PARAMS / all.length));
  for (const part of chunks(rows, size)) {
    const action =
      updatable.length === 0
        ? sql`DO NOTHING`
        : sql`DO UPDATE SET ${sql.join(set)} WHERE (${current}) IS DISTINCT FROM (${incoming})`;
    await sql`
      INSERT INTO ${table} (${sql.join(all.map((c) => sql.id(c)))})
      VALUES ${valuesList(part, all)}
      ON CONFLICT (${sql.join(spec.conflict.map((c) => sql.id(c)))}) ${action}
    `.execute(db);
  }
}

/** Inserts rows (append-only tables), in chunks. */
export async function insertRows(
  db: Kysely<DB>,
  table: keyof DB,
  columns: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (const part of chunks(rows, size)) {
    await sql`
      INSERT INTO ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c)))})
      VALUES ${valuesList(part, columns)}
    `.execute(db);
  }
}

/** Deletes the link rows of the given owners (to rewrite them from an import). */
export async function deleteLinksOf(
  db: Kysely<DB>,
  table: keyof DB,
  ownerColumn: string,
  workspaceId: string,
  ownerIds: readonly string[],
): Promise<void> {
  for (const part of chunks(ownerIds, 5000)) {
    await sql`
      DELETE FROM ${sql.id(table)}
      WHERE workspace_id = ${workspaceId} AND ${sql.id(ownerColumn)} IN (${sql.join(part)})
    `.execute(db);
  }
}

/** Map of code → id for a table of the workspace (optionally within a parent column). */
export async function idsByCode(
  db: Kysely<DB>,
  table: 'unit' | 'facet' | 'plan' | 'indicator' | 'action',
  workspaceId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
