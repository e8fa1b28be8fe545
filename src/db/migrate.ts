/**
 * Runs the frozen SQL migrations of src/db/migrations (`NNNN_name.up.sql` / `.down.sql`), each in
 * one transaction, recorded in `strata_migration`. On PostgreSQL an advisory lock makes
 * concurrent starts wait for each other instead of racing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { splitSqlStatements } from './split-sql.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const LOCK_KEY = 727_001;

/** Names of the migrations shipped with this version, in order. */
export function availableMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.up.sql'))
    .map((file) => file.slice(0, -'.up.sql'.length))
    .sort();
}

function readMigration(name: string, direction: 'up' | 'down'): string {
  return readFileSync(join(MIGRATIONS_DIR, `${name}.${direction}.sql`), 'utf8');
}

async function runScript(db: Kysely<DB>, script: string): Promise<void> {
  for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(db);
}

async function ensureTable(db: Kysely<DB>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS strata_migration (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

/** Names of the migrations applied to this database, in order. */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  await ensureTable(db);
  const rows = await db.selectFrom('strata_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateUp(db: Kysely<DB>): Promise<string[]> {
  await ensureTable(db);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const applied = new Set(
      (await trx.selectFrom('strata_migration').select('name').execute()).map((r) => r.name),
    );
    const done: string[] = [];
    for (const name of availableMigrations()) {
      if (applied.has(name)) continue;
      await runScript(trx, readMigration(name, 'up'));
      await trx.insertInto('strata_migration').values({ name }).execute();
      done.push(name);
    }
    return done;
  });
}

/** Reverts the last `steps` applied migrations (all when `steps` is Infinity). */
export async function migrateDown(db: Kysely<DB>, steps = 1): Promise<string[]> {
  await ensureTable(db);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const applied = (
      await trx.selectFrom('strata_migration').select('name').orderBy('name', 'desc').execute()
    ).map((r) => r.name);
    const undone: string[] = [];
    for (const name of applied.slice(0, steps)) {
      await runScript(trx, readMigration(name, 'down'));
      await trx.deleteFrom('strata_migration').where('name', '=', name).execute();
      undone.push(name);
    }
    return undone;
  });
}
