/** What an import writer receives and returns; one writer per kind of import. */
import type { ImportKind, TypedRecord } from '../../../domain/tabular/kinds.ts';
import type { CellProblem } from '../../../domain/tabular/sheet.ts';
import type { ServiceDeps, WorkspaceScope } from '../../context.ts';
import type { Snapshot, SnapshotLoader } from '../../snapshot.ts';
import type { Visibility } from '../../visibility.ts';

/** The context of one import, inside its transaction (`deps.db` is the transaction). */
export interface WriterContext {
  deps: ServiceDeps;
  scope: WorkspaceScope;
  snapshot: Snapshot;
  snapshots: SnapshotLoader;
  vis: Visibility;
  fileName: string;
  /** Reports progress (rows handled so far). */
  progress: (done: number) => void;
}

/** What a writer did (or would do, in a dry run). */
export interface WriteCounts {
  created: number;
  updated: number;
  skipped: number;
}

/** Writes the typed records of one kind; problems are collected, not thrown. */
export interface KindWriter {
  kind: ImportKind;
  write(ctx: WriterContext, records: TypedRecord[], problems: CellProblem[]): Promise<WriteCounts>;
}

/** A problem at a record's column. */
export function problemAt(
  record: TypedRecord,
  key: string,
  field: string,
  message: string,
): CellProblem {
  return {
    row: record.line,
    column: record.at[key] ?? '',
    field: record.headers[key] ?? field,
    message,
  };
}

/** The text of a typed cell ('' when empty). */
export function textOf(record: TypedRecord, key: string): string {
  const v = record.values[key];
  return v === null || v === undefined ? '' : String(v);
}

/** The number of a typed cell, or null. */
export function numberOf(record: TypedRecord, key: string): number | null {
  const v = record.values[key];
  return typeof v === 'number' ? v : null;
}

/** Code → row maps of a snapshot (codes compared without case). */
export function byCode<T extends { code: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.code.toLowerCase(), r]));
}

/**
 * The row a code column names, from a code map; an unknown code is a problem at that cell
 * (and undefined is returned).
 */
export function lookUp<T>(
  record: TypedRecord,
  key: string,
  rows: Map<string, T>,
  problems: CellProblem[],
  what: string,
): T | undefined {
  const found = rows.get(textOf(record, key).toLowerCase());
  if (!found)
    problems.push(problemAt(record, key, key, `no ${what} with code ${textOf(record, key)}`));
  return found;
}
