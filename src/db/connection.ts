/**
 * Opens the database: a PostgreSQL server when a URL is given, else embedded PGlite in a data
 * folder (or in memory for tests). Both speak the same SQL; values come back the same way:
 * numeric and bigint as numbers, dates as ISO strings.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, type Dialect } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from './schema.ts';
import { lockDataDir } from './lock.ts';
import {
  changePlugin,
  createChangeWatch,
  watchedDialect,
  type ChangeWatch,
  type ChangeWatchControl,
} from './change-watch.ts';
import { listenForChanges } from './change-listener.ts';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps the database in memory. */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** An open database and the means to close it. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** When what the database held may have changed (see change-watch.ts). */
  changes: ChangeWatch;
  close(): Promise<void>;
}

function watchedKysely(dialect: Dialect, watch: ChangeWatchControl): Kysely<DB> {
  return new Kysely<DB>({
    dialect: watchedDialect(dialect, watch),
    plugins: [changePlugin(watch)],
  });
}

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;

const toNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

/** First folder holding the server's unix socket, as libpq would look for it. */
function socketDir(port: string): string {
  const file = `.s.PGSQL.${port || process.env.PGPORT || '5432'}`;
  const candidates = ['/var/run/postgresql', '/run/postgresql', '/tmp'];
  return candidates.find((dir) => existsSync(join(dir, file))) ?? '/var/run/postgresql';
}

/**
 * Fills in what libpq assumes and node-postgres does not: a URL without a host means the local
 * unix socket, and one without a user means the OS user.
 */
export function withLibpqDefaults(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
    parsed.searchParams.set('host', process.env.PGHOST ?? socketDir(parsed.port));
  }
  if (parsed.username === '' && !parsed.searchParams.has('user')) {
    parsed.searchParams.set('user', process.env.PGUSER ?? userInfo().username);
  }
  return parsed.href;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  const parsers = new Map<number, (value: string) => unknown>([
    [NUMERIC, toNumber],
    [INT8, toNumber],
    [DATE, keepText],
  ]);
  const connectionString = withLibpqDefaults(url);
  const pool = new Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers.get(oid) ??
        (types.getTypeParser as (oid: number, format?: string) => unknown)(
          oid,
          format,
        )) as typeof types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it. Queries report their own errors.
  });
  const changes = createChangeWatch(false);
  const db = watchedKysely(new PostgresDialect({ pool }), changes);
  const listener = await listenForChanges({ connectionString }, changes);
  return {
    db,
    engine: 'postgres',
    changes,
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

/**
 * Strata's database over an open PGlite instance; `release` runs after it is closed. One process
 * owns a PGlite folder (lock.ts), so its own writes are the only changes the watch must see.
 */
export function pgliteDatabase(pglite: PGlite, release: () => void = () => undefined): Database {
  const changes = createChangeWatch(true);
  const db = watchedKysely(new PGliteDialect({ pglite }), changes);
  return {
    db,
    engine: 'pglite',
    changes,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      parsers: { [NUMERIC]: toNumber, [INT8]: toNumber, [DATE]: keepText },
    });
    return pgliteDatabase(pglite, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens the database the options point at. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}
