/**
 * Integration tests run on both database engines: embedded PGlite (always available) and a
 * PostgreSQL server (`STRATA_TEST_DATABASE_URL`, default `postgresql:///postgres`, i.e. the local
 * unix socket as the current OS user). Every `open()` gives a fresh, migrated, empty database;
 * on PostgreSQL it is a throw-away `strata_test_<hex>` database that `close()` drops again.
 *
 * An unavailable engine is skipped, with its reason, on a developer machine; under CI
 * (`CI=true`) it is a failing test instead, so a broken CI setup can never go green by skipping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase, withLibpqDefaults, type Database } from '../../src/db/connection.ts';
import { migrateUp } from '../../src/db/migrate.ts';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Why this engine cannot run here, or null when it can. */
  skipReason: string | null;
  /** A fresh, migrated, empty database for one test file; close it in `afterAll`. */
  open(): Promise<Database>;
}

const DEFAULT_URL = 'postgresql:///postgres';
const PROBE_TIMEOUT_MS = 3_000;
/** Oldest server the migrations run on (gen_random_uuid() is built in since PostgreSQL 13). */
const MIN_SERVER_VERSION = 130_000;

/** The URL with its password hidden, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return '(unparsable URL)';
  }
}

/** The same server, another database. */
function urlForDatabase(adminUrl: string, database: string): string {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

async function withAdminClient<T>(
  adminUrl: string,
  work: (client: pg.Client) => Promise<T>,
  queryTimeoutMs?: number,
): Promise<T> {
  const client = new pg.Client({
    connectionString: adminUrl,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    ...(queryTimeoutMs === undefined ? {} : { query_timeout: queryTimeoutMs }),
  });
  client.on('error', () => {
    // The server went away while idle; the pending query, if any, reports it.
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Null when the server takes connections and this role may create databases; else why not. */
async function probePostgres(rawUrl: string): Promise<string | null> {
  let adminUrl: string;
  try {
    adminUrl = withLibpqDefaults(rawUrl);
  } catch (error) {
    return `STRATA_TEST_DATABASE_URL is not a valid URL (${messageOf(error)})`;
  }
  try {
    return await withAdminClient(
      adminUrl,
      async (client) => {
        const { rows } = await client.query<{ version: string; can_create: boolean }>(
          `SELECT current_setting('server_version_num') AS version,
                 (SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user)
                   AS can_create`,
        );
        const row = rows[0];
        if (!row) return `no answer from ${redact(rawUrl)}`;
        if (Number(row.version) < MIN_SERVER_VERSION) {
          return `the server at ${redact(rawUrl)} is too old (server_version_num ${row.version}; 13 or newer needed)`;
        }
        if (!row.can_create) {
          return `the role connecting to ${redact(rawUrl)} may not create databases (needs CREATEDB)`;
        }
        return null;
      },
      PROBE_TIMEOUT_MS,
    );
  } catch (error) {
    return `cannot connect to ${redact(rawUrl)}: ${messageOf(error)}`;
  }
}

const rawPostgresUrl = process.env.STRATA_TEST_DATABASE_URL || DEFAULT_URL;
// Checked once, when the first test file of a worker imports this module.
const postgresSkipReason = await probePostgres(rawPostgresUrl);

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

async function openPostgresTestDatabase(): Promise<Database> {
  if (postgresSkipReason !== null) throw new Error(`PostgreSQL unavailable: ${postgresSkipReason}`);
  const adminUrl = withLibpqDefaults(rawPostgresUrl);
  const name = `strata_test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  let inner: Database | undefined;
  try {
    inner = await openDatabase({
      databaseUrl: urlForDatabase(adminUrl, name),
      dataDir: 'memory://',
    });
    await migrateUp(inner.db);
  } catch (error) {
    await inner?.close().catch(() => undefined);
    await dropDatabase(adminUrl, name).catch(() => undefined);
    throw error;
  }
  const opened = inner;
  let closing: Promise<void> | undefined;
  return {
    db: opened.db,
    engine: opened.engine,
    changes: opened.changes,
    close: () => {
      closing ??= (async () => {
        try {
          await opened.close();
        } finally {
          await dropDatabase(adminUrl, name);
        }
      })();
      return closing;
    },
  };
}

/**
 * A fresh, migrated PostgreSQL database for child processes (e.g. two `strata serve` on one
 * database): its URL, and `drop` to remove it. Throws when PostgreSQL is unavailable.
 */
export async function postgresTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (postgresSkipReason !== null) throw new Error(`PostgreSQL unavailable: ${postgresSkipReason}`);
  const adminUrl = withLibpqDefaults(rawPostgresUrl);
  const name = `strata_test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return { url: urlForDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

async function openPgliteTestDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateUp(database.db);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}

const ENGINES: readonly TestEngine[] = [
  { name: 'pglite', skipReason: null, open: openPgliteTestDatabase },
  { name: 'postgres', skipReason: postgresSkipReason, open: openPostgresTestDatabase },
];

/** Both engines, always; `skipReason` says when one cannot run here. */
export function testEngines(): TestEngine[] {
  return [...ENGINES];
}

const LABELS: Record<TestEngine['name'], string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const announced = new Set<string>();

function announceSkip(engine: TestEngine, reason: string): void {
  if (announced.has(engine.name)) return;
  announced.add(engine.name);
  const hint =
    engine.name === 'postgres'
      ? ' Point STRATA_TEST_DATABASE_URL at a server where this role may create databases.'
      : '';
  console.warn(`[strata tests] ${LABELS[engine.name]} tests skipped: ${reason}.${hint}`);
}

/**
 * One `describe` per engine, titled `<title> [<engine>]`, whose body gets the engine. An
 * unavailable engine is a `describe.skip` naming the reason, or under CI a single failing test.
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const engine of ENGINES) {
    const name = `${title} [${engine.name}]`;
    const reason = engine.skipReason;
    if (reason === null) {
      describe(name, () => {
        body(engine);
      });
    } else if (process.env.CI === 'true') {
      describe(name, () => {
        it(`needs ${LABELS[engine.name]}`, () => {
          throw new Error(`${LABELS[engine.name]} is required under CI: ${reason}`);
        });
      });
    } else {
      announceSkip(engine, reason);
      describe.skip(`${name} (skipped: ${reason})`, () => {
        body(engine);
      });
    }
  }
}
