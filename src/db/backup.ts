/**
 * Backup and restore of the database (SECURITY-BAR 29). PostgreSQL: pg_dump's custom format,
 * restored with pg_restore in one transaction. PGlite: its own data-folder dump (a gzipped tar
 * from `dumpDataDir`), restored into an empty folder with `loadDataDir`. Both hold the data
 * folder's lock while they work, so a running server cannot change it underneath.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { lockDataDir } from './lock.ts';

/** A backup or restore failed; the message says why. */
export class BackupError extends Error {}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      reject(new BackupError(`${command} could not be started: ${error.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${command} failed (exit ${String(code)}): ${stderr.trim()}`));
    });
  });
}

/** Writes a pg_dump archive (custom format) of the database at `url` to `file`. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
}

/** Restores a pg_dump archive into the database at `url`, replacing its objects, in one transaction. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ]);
}

async function pglite() {
  return (await import('@electric-sql/pglite')).PGlite;
}

/** Writes the PGlite data folder `dataDir` as a gzipped tar to `file`. */
export async function dumpPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir)) throw new BackupError(`No data folder at ${dataDir}`);
  const release = lockDataDir(dataDir);
  try {
    const PGlite = await pglite();
    const db = await PGlite.create(dataDir);
    try {
      const dump = await db.dumpDataDir('gzip');
      await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/** Restores a data-folder dump into `dataDir`, which must not exist or be empty. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).some((f) => f !== 'strata.lock')) {
    throw new BackupError(
      `${dataDir} is not empty: restore into a new folder, then point STRATA_DATA_DIR at it`,
    );
  }
  const bytes = await readFile(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new BackupError(`${file} is not a PGlite data-folder dump (gzipped tar)`);
  }
  const release = lockDataDir(dataDir);
  try {
    const PGlite = await pglite();
    const db = await PGlite.create(dataDir, { loadDataDir: new Blob([bytes]) });
    await db.close();
  } finally {
    release();
  }
}
