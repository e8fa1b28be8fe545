/**
 * Opens the database: a PostgreSQL server when a URL is given, else embedded PGlite in a data
 * folder (or in memory for tests). Both speak the same SQL; values come back the same way:
 * numeric and bigint as numbers, dates as ISO strings.
 */
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { DB } from './schema.ts';
import { lockDataDir } from './lock.ts';

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
  close(): Promise<void>;
}

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;

const toNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  const parsers = new Map<number, (value: string) => unknown>([
    [NUMERIC, toNumber],
    [INT8, toNumber],
    [DATE, keepText],
  ]);
  const pool = new Pool({
    connectionString: url,
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      parsers: { [NUMERIC]: toNumber, [INT8]: toNumber, [DATE]: keepText },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: 'pglite',
      close: async () => {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
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
