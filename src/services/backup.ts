/**
 * `strata backup` and `strata restore` for both engines (see src/db/backup.ts), and the table
 * fingerprints (row counts and checksums) that prove a round trip.
 */
import { openDatabase } from '../db/connection.ts';
import {
  BackupError,
  dumpPglite,
  dumpPostgres,
  restorePglite,
  restorePostgres,
} from '../db/backup.ts';
import { backupRepository } from '../db/repositories/backup.repository.ts';
import type { Config } from '../config.ts';

export { BackupError };

type Where = Pick<Config, 'databaseUrl' | 'dataDir'>;

/** Writes a backup of the configured database to `file`; says which engine and format. */
export async function backupDatabase(config: Where, file: string): Promise<string> {
  if (config.databaseUrl) {
    await dumpPostgres(config.databaseUrl, file);
    return 'PostgreSQL custom-format dump (pg_dump)';
  }
  await dumpPglite(config.dataDir, file);
  return 'PGlite data-folder dump (gzipped tar)';
}

/** Restores `file` into the configured database (PostgreSQL) or an empty data folder (PGlite). */
export async function restoreDatabase(config: Where, file: string): Promise<void> {
  if (config.databaseUrl) await restorePostgres(config.databaseUrl, file);
  else await restorePglite(file, config.dataDir);
}

/** Row count and checksum of every table of the configured database. */
export async function databaseFingerprints(config: Where) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    return await backupRepository(database.db).fingerprints();
  } finally {
    await database.close();
  }
}
