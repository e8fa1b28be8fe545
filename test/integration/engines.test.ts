/**
 * The test harness itself: both engines open fresh migrated databases, every migration reverts
 * and re-applies cleanly, and an embedded data folder can be opened by one process only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { DataDirLockedError } from '../../src/db/lock.ts';
import {
  appliedMigrations,
  availableMigrations,
  migrateDown,
  migrateUp,
} from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { describeEachEngine } from '../support/engines.ts';

async function tableNames(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' ORDER BY table_name`.execute(db);
  return rows.map((row) => row.name);
}

async function functionNames(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' ORDER BY p.proname`.execute(db);
  return rows.map((row) => row.name);
}

async function currentDatabase(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  return rows[0]?.name ?? '';
}

describeEachEngine('test database', (engine) => {
  let database: Database | undefined;
  const open = (): Database => {
    if (!database) throw new Error('the database did not open');
    return database;
  };

  beforeAll(async () => {
    database = await engine.open();
  });

  afterAll(async () => {
    await database?.close();
  });

  it('opens with every migration applied and no data', async () => {
    const { db, engine: kind } = open();
    expect(kind).toBe(engine.name);
    expect(availableMigrations().length).toBeGreaterThan(0);
    expect(await appliedMigrations(db)).toEqual(availableMigrations());
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['strata_migration', 'workspace']));
    const count = await db
      .selectFrom('workspace')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('gives every open() a database of its own', async () => {
    const { db } = open();
    await db.insertInto('workspace').values({ slug: 'mine', name_fr: 'A', name_en: 'A' }).execute();
    const other = await engine.open();
    try {
      expect(await other.db.selectFrom('workspace').selectAll().execute()).toEqual([]);
      if (engine.name === 'postgres') {
        const otherName = await currentDatabase(other.db);
        expect(otherName).toMatch(/^strata_test_[0-9a-f]+$/);
        expect(otherName).not.toBe(await currentDatabase(db));
        await other.close();
        // pg_database is shared by the whole server: the dropped database is gone for all.
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_database WHERE datname = ${otherName}`.execute(db);
        expect(rows[0]?.n).toBe(0);
      }
    } finally {
      await other.close();
    }
    await db.deleteFrom('workspace').execute();
  });

  it('reverts every migration and applies them again (up, down, up)', async () => {
    const { db } = open();
    const tables = await tableNames(db);
    const functions = await functionNames(db);
    expect(functions.length).toBeGreaterThan(0);

    expect(await migrateDown(db, Infinity)).toEqual([...availableMigrations()].reverse());
    expect(await appliedMigrations(db)).toEqual([]);
    expect(await tableNames(db)).toEqual(['strata_migration']);
    expect(await functionNames(db)).toEqual([]);
    expect(await migrateDown(db, Infinity)).toEqual([]);

    expect(await migrateUp(db)).toEqual(availableMigrations());
    expect(await tableNames(db)).toEqual(tables);
    expect(await functionNames(db)).toEqual(functions);
    expect(await migrateUp(db)).toEqual([]);
  });
});

const CONNECTION_MODULE = pathToFileURL(
  join(import.meta.dirname, '../../src/db/connection.ts'),
).href;

/** A pid no process has: that of a child which has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid;
}

/** Starts a separate Node.js process that opens `dataDir` and holds it until killed. */
async function holdInChild(dataDir: string): Promise<ChildProcess> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(CONNECTION_MODULE)});
    await openDatabase({ dataDir: process.env.HOLD_DATA_DIR });
    process.stdout.write('ready\\n');
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, HOLD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stderr.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      collect(chunk);
      if (output.includes('ready\n')) resolve();
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`the child exited early (${code ?? signal ?? '?'}):\n${output}`));
    });
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe('PGlite data folder lock', () => {
  let dataDir = '';

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'strata-lock-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(join(tmpdir(), 'strata-lock-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses at once a folder whose lock names another live process, naming the folder', async () => {
    const lockFile = join(dataDir, 'strata.lock');
    writeFileSync(lockFile, String(process.ppid)); // the Vitest main process: alive, not us
    const attempt = openDatabase({ dataDir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(`The data folder ${dataDir} is in use`);
    await expect(attempt).rejects.toThrow(`(pid ${process.ppid})`);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.ppid)); // left alone
  });

  // A second open in the same process must fail as well: two PGlite instances would corrupt one folder.
  it('refuses a second open of the same folder in the same process', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const second = await openDatabase({ dataDir }).then(
        async (unexpected) => {
          await unexpected.close();
          return unexpected;
        },
        (error: unknown) => error,
      );
      expect(second).toBeInstanceOf(DataDirLockedError);
      expect(String(second)).toContain(dataDir);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'strata.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lockFile = join(dataDir, 'strata.lock');
    writeFileSync(lockFile, String(deadPid()));
    const database = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      await migrateUp(database.db);
      expect(await appliedMigrations(database.db)).toEqual(availableMigrations());
    } finally {
      await database.close();
    }
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a folder held by another running process, then takes it over once it is killed', async () => {
    const child = await holdInChild(dataDir);
    try {
      const attempt = openDatabase({ dataDir });
      await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(attempt).rejects.toThrow(
        `The data folder ${dataDir} is in use by another Strata process (pid ${child.pid ?? '?'})`,
      );
    } finally {
      await stop(child);
    }
    const database = await openDatabase({ dataDir });
    try {
      await migrateUp(database.db);
      expect(await appliedMigrations(database.db)).toEqual(availableMigrations());
    } finally {
      await database.close();
    }
  });
});
