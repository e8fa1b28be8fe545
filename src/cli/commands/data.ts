/**
 * `strata import FILE`: a CSV or XLSX file through the same import as the web wizard (same
 * rules, same report), with a progress bar on stderr; `strata backup FILE` and
 * `strata restore FILE` for both engines.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { IMPORT_KIND_KEYS, type ImportKind } from '../../domain/tabular/kinds.ts';
import { AppError } from '../../services/index.ts';
import { backupDatabase, databaseFingerprints, restoreDatabase } from '../../services/backup.ts';
import type { ImportReport } from '../../services/data-io/index.ts';
import { commandScope, withStrata } from '../context.ts';

/** Largest file `strata import` reads (the web upload limit is smaller). */
const CLI_LIMIT_BYTES = 200 * 1024 * 1024;

/** A progress bar on stderr: redrawn in place on a terminal, one line per tenth otherwise. */
function progressBar(): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${String(done)}/${String(total)} rows`,
      );
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`progress ${String(done)}/${String(total)} rows\n`);
    }
  };
}

/** The report as text: counts, then every problem by row and column. */
export function describeReport(report: ImportReport): string {
  const verb = report.committed ? 'Imported' : report.dryRun ? 'Checked (dry run)' : 'Refused';
  const lines = [
    `${verb} ${report.fileName} (${report.kind}, ${report.format}): ${String(report.rows)} rows; ` +
      `${String(report.created)} new, ${String(report.updated)} changed, ${String(report.skipped)} unchanged.`,
  ];
  for (const p of report.problems) {
    const where =
      p.row === 0 ? 'file' : `row ${String(p.row)}${p.column ? `, column ${p.column}` : ''}`;
    lines.push(`  ${where} (${p.field}): ${p.message}`);
  }
  if (!report.committed && !report.dryRun) lines.push('Nothing was imported.');
  return lines.join('\n');
}

/** Registers the import, backup and restore commands. */
export function dataCommands(cli: Command): void {
  cli
    .command('import')
    .description('Import measurements, targets, indicators or actions from a CSV or XLSX file.')
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--kind <kind>', `${IMPORT_KIND_KEYS.join(', ')} (default: told from the header row)`)
    .option('--dry-run', 'check the file and report, write nothing')
    .option('--json', 'print the report as JSON')
    .option('--as <email>', 'act as this account (its permissions apply)')
    .action(
      async (file: string, o: { kind?: string; dryRun?: boolean; json?: boolean; as?: string }) => {
        if (o.kind !== undefined && !(IMPORT_KIND_KEYS as string[]).includes(o.kind)) {
          throw new AppError(
            'invalid_input',
            `--kind must be one of ${IMPORT_KIND_KEYS.join(', ')}`,
          );
        }
        const size = (await stat(file)).size;
        if (size > CLI_LIMIT_BYTES) {
          throw new AppError(
            'invalid_input',
            `${file} is larger than ${String(CLI_LIMIT_BYTES)} bytes`,
          );
        }
        const bytes = new Uint8Array(await readFile(file));
        const report = await withStrata(async (strata, config) => {
          const scope = await commandScope(strata, config.workspace, o.as);
          return strata.services.dataIo.imports.run(
            scope,
            { fileName: basename(file), bytes },
            {
              kind: o.kind as ImportKind | undefined,
              dryRun: o.dryRun ?? false,
              onProgress: progressBar(),
            },
          );
        });
        console.log(o.json ? JSON.stringify(report, null, 2) : describeReport(report));
        if (!report.committed && !report.dryRun) process.exitCode = 1;
      },
    );

  cli
    .command('backup')
    .description(
      'Back the database up: pg_dump custom format (PostgreSQL) or a data-folder dump (PGlite).',
    )
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      const format = await backupDatabase(loadConfig(), file);
      console.log(`Wrote ${file}: ${format}.`);
    });

  cli
    .command('restore')
    .description(
      'Restore a backup: into the PostgreSQL database, or into an empty PGlite data folder.',
    )
    .argument('<file>', 'a file written by strata backup')
    .action(async (file: string) => {
      await restoreDatabase(loadConfig(), file);
      console.log(`Restored ${file}.`);
    });

  cli
    .command('fingerprint')
    .description(
      'Row count and checksum of every table (to compare a database with its restored backup).',
    )
    .action(async () => {
      const prints = await databaseFingerprints(loadConfig());
      for (const [table, p] of Object.entries(prints))
        console.log(`${table}\t${String(p.rows)}\t${p.checksum}`);
    });
}
