/**
 * Spreadsheet imports (CSV, XLSX): read the file, type each row for its kind, then write every
 * row in ONE transaction through the kind's writer. A dry run does the same work and rolls it
 * back, so it reports exactly the problems a real run would meet. Any problem rolls the whole
 * import back: all or nothing; a process killed midway leaves none of its rows.
 */
import { canWriteAnything } from '../../domain/access.ts';
import {
  detectKind,
  IMPORT_KINDS,
  typeSheet,
  type ImportKind,
} from '../../domain/tabular/kinds.ts';
import type { CellProblem } from '../../domain/tabular/sheet.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { allow } from '../guard.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { visibility } from '../visibility.ts';
import { readUpload, type FileFormat, type Upload } from './read-file.ts';
import { WRITERS } from './writers/index.ts';
import type { WriteCounts } from './writers/types.ts';

/** What an import did, or would do in a dry run. */
export interface ImportReport extends WriteCounts {
  fileName: string;
  format: FileFormat;
  kind: ImportKind;
  dryRun: boolean;
  /** True when the rows were written (not a dry run, and no problem). */
  committed: boolean;
  /** Data rows read (empty rows left out). */
  rows: number;
  problems: CellProblem[];
}

/** Options of one import. */
export interface ImportOptions {
  kind?: ImportKind | undefined;
  dryRun: boolean;
  /** Hears progress: rows handled and rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown inside the transaction to roll it back while keeping the report. */
class Rollback extends Error {
  readonly counts: WriteCounts;
  constructor(counts: WriteCounts) {
    super('rollback');
    this.counts = counts;
  }
}

/** The longest list of problems reported (the first ones; the count says how many in all). */
const MAX_PROBLEMS = 1000;

/** Creates the import service. */
export function importService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  return {
    /** Imports one file; see the module comment. */
    async run(
      scope: WorkspaceScope,
      upload: Upload,
      options: ImportOptions,
    ): Promise<ImportReport> {
      allow(scope, canWriteAnything(scope.principal), 'import data');
      const { format, sheet } = await readUpload(upload);
      const kind = options.kind ?? detectKind(sheet.header);
      if (!kind) {
        throw new AppError(
          'invalid_input',
          `The header row matches no import kind (${Object.keys(IMPORT_KINDS).join(', ')}); download a template`,
          [{ field: 'kind', message: 'could not be told from the header row' }],
        );
      }
      const { records, problems } = typeSheet(kind, sheet);
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      const total = records.length;
      const progress = (done: number) => options.onProgress?.(Math.min(done, total), total);
      let counts: WriteCounts;
      let committed = false;
      try {
        counts = await deps.db.transaction().execute(async (trx) => {
          const written = await WRITERS[kind].write(
            {
              deps: { ...deps, db: trx },
              scope,
              snapshot,
              snapshots,
              vis,
              fileName: upload.fileName,
              progress,
            },
            records,
            problems,
          );
          if (options.dryRun || problems.length > 0) throw new Rollback(written);
          return written;
        });
        committed = true;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        counts = error.counts;
      }
      problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
      return {
        fileName: upload.fileName,
        format,
        kind,
        dryRun: options.dryRun,
        committed,
        rows: sheet.rows.filter((r) => r.cells.some((c) => c !== '')).length,
        ...counts,
        problems: problems.slice(0, MAX_PROBLEMS),
      };
    },
  };
}

export type ImportService = ReturnType<typeof importService>;
