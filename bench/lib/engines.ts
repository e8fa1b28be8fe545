/**
 * Benchmark databases: embedded PGlite in memory, and a throw-away `strata_bench_<hex>` database
 * on a PostgreSQL server (`STRATA_BENCH_DATABASE_URL`, default `postgresql:///postgres`), dropped
 * again on close or on Ctrl-C. Both are migrated and opened exactly as Strata opens them, and
 * both also expose what the references need: COPY, EXPLAIN ANALYZE, and for PGlite a dump of
 * its data folder.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import {
  openDatabase,
  pgliteDatabase,
  withLibpqDefaults,
  type Database,
  type Engine,
} from '../../src/db/connection.ts';
import { migrateUp } from '../../src/db/migrate.ts';

export interface BenchDatabase {
  engine: Engine;
  /** PGlite or PostgreSQL, for the report. */
  label: string;
  /** The database as Strata opens it. */
  database: Database;
  /** COPY `csv` (no header) into `table (columns)`, the bulk-load reference. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** Server-side execution time of a query (EXPLAIN ANALYZE), in milliseconds. */
  executionMs(query: string): Promise<number>;
  /** A tarball of the PGlite data folder (PGlite only). */
  dumpDataDir?(): Promise<Blob>;
  /** The connection URL (PostgreSQL only), for child processes. */
  url?: string;
  close(): Promise<void>;
}

const closers = new Set<() => Promise<void>>();
let handlersInstalled = false;

/** Drops what the benchmark created when it is interrupted. */
function onInterrupt(close: () => Promise<void>): () => void {
  closers.add(close);
  if (!handlersInstalled) {
    handlersInstalled = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up…`);
        void Promise.allSettled([...closers].map((c) => c())).then(() => process.exit(130));
      });
    }
  }
  return () => closers.delete(close);
}

// The same type parsers as src/db/connection.ts (numeric and bigint as numbers, dates as text).
const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;
const toNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

function executionTimeOf(plan: unknown[]): number {
  const text = plan
    .map((row) => Object.values(row as Record<string, unknown>).join(' '))
    .join('\n');
  const match = /Execution Time: ([\d.]+) ms/.exec(text);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** Embedded PGlite in memory, migrated (the same engine `strata serve` uses by default). */
export async function openPgliteBench(): Promise<BenchDatabase> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const pglite: PGlite = await PGliteClass.create(undefined, {
    parsers: { [NUMERIC]: toNumber, [INT8]: toNumber, [DATE]: keepText },
  });
  const database = pgliteDatabase(pglite);
  const { db } = database;
  await migrateUp(db);
  return {
    engine: 'pglite',
    label: 'PGlite',
    database,
    copyCsv: async (table, columns, csv) => {
      await pglite.query(
        `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        { blob: new Blob([csv]) },
      );
    },
    executionMs: async (query) => {
      const result = await pglite.query(`EXPLAIN ANALYZE ${query}`);
      return executionTimeOf(result.rows);
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: () => db.destroy(),
  };
}

/** The pieces of node-postgres's connection that the COPY protocol needs (not in its types). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** `COPY … FROM STDIN` over node-postgres's own protocol (what pg-copy-streams does). */
class CopyFrom implements pg.Submittable {
  readonly done: Promise<void>;
  private resolve: () => void = () => undefined;
  private reject: (error: Error) => void = () => undefined;
  private readonly text: string;
  private readonly data: Buffer;

  constructor(text: string, data: string) {
    this.text = text;
    this.data = Buffer.from(data);
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    const copy = connection as unknown as CopyConnection;
    const chunk = 1 << 16;
    for (let offset = 0; offset < this.data.length; offset += chunk) {
      copy.sendCopyFromChunk(this.data.subarray(offset, offset + chunk));
    }
    copy.endCopyFrom();
  }

  handleCommandComplete(): void {
    // The row count is not needed.
  }

  /** node-postgres detaches a failed query at once: no ReadyForQuery reaches it after this. */
  handleError(error: Error): void {
    this.reject(error);
  }

  handleReadyForQuery(): void {
    this.resolve();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  return error instanceof Error ? error.message || error.name : String(error);
}

function urlForDatabase(adminUrl: string, database: string): string {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

export const DEFAULT_POSTGRES_URL = 'postgresql:///postgres';

/** The admin URL to create benchmark databases with. */
export function postgresAdminUrl(): string {
  return withLibpqDefaults(process.env.STRATA_BENCH_DATABASE_URL || DEFAULT_POSTGRES_URL);
}

/** Null when the PostgreSQL server takes connections and lets this role create databases. */
export async function postgresSkipReason(): Promise<string | null> {
  let adminUrl: string;
  try {
    adminUrl = postgresAdminUrl();
  } catch (error) {
    return `STRATA_BENCH_DATABASE_URL is not a valid URL (${messageOf(error)})`;
  }
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ can_create: boolean }>(
      'SELECT (SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user) AS can_create',
    );
    return rows[0]?.can_create ? null : 'the role may not create databases (needs CREATEDB)';
  } catch (error) {
    return `cannot connect to PostgreSQL (${messageOf(error)}); set STRATA_BENCH_DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh `strata_bench_<hex>` database on the PostgreSQL server, migrated; dropped on close. */
export async function openPostgresBench(poolSize = 10): Promise<BenchDatabase> {
  const adminUrl = postgresAdminUrl();
  const name = `strata_bench_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = urlForDatabase(adminUrl, name);
  let database: Database | undefined;
  const copyClient = new pg.Client({ connectionString: url });
  copyClient.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await copyClient.end().catch(() => undefined);
      await database?.close().catch(() => undefined);
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    })());
  const forget = onInterrupt(close);
  try {
    database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolSize });
    await migrateUp(database.db);
    await copyClient.connect();
  } catch (error) {
    await close().catch(() => undefined);
    forget();
    throw error;
  }
  const opened = database;
  return {
    engine: 'postgres',
    label: 'PostgreSQL',
    database: opened,
    url,
    copyCsv: async (table, columns, csv) => {
      const copy = new CopyFrom(
        `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
        csv,
      );
      copyClient.query(copy);
      await copy.done;
    },
    executionMs: async (query) => {
      const result = await sql.raw(`EXPLAIN ANALYZE ${query}`).execute(opened.db);
      return executionTimeOf(result.rows);
    },
    close: async () => {
      await close();
      forget();
    },
  };
}

/** Opens the engine by name. */
export function openBench(engine: Engine): Promise<BenchDatabase> {
  return engine === 'pglite' ? openPgliteBench() : openPostgresBench();
}
