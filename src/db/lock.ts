/**
 * A lock on the embedded database's data folder: PGlite has none of its own, and two processes
 * writing one folder corrupt it. The lock file holds the owner's pid; a lock whose process is
 * gone (killed, crashed) is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folders this process holds: a second open from the same process must fail too. */
const held = new Set<string>();

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `The data folder ${dataDir} is in use by another Strata process (pid ${pid}). ` +
        `Stop that process, or set STRATA_DATA_DIR to another folder.`,
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir` (created if missing); returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const folder = resolve(dataDir);
  if (held.has(folder)) throw new DataDirLockedError(dataDir, process.pid);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'strata.lock');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      held.add(folder);
      return () => {
        if (released) return;
        released = true;
        held.delete(folder);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid: number;
      try {
        pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      // A lock naming this very process but not held by it is left from a reused pid: stale.
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not take the lock on the data folder ${dataDir}.`);
}
