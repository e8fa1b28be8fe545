/**
 * The change watch that keeps in-process read caches honest (src/db/change-watch.ts): local
 * writes move it as soon as they are done (both engines); on PostgreSQL, a change committed by
 * another process reaches it by notification, and losing the listening connection stops every
 * cache until it is back.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { migrateUp } from '../../src/db/migrate.ts';
import { readCache } from '../../src/services/read-cache.ts';
import { describeEachEngine, postgresTestDatabaseUrl, testEngines } from '../support/engines.ts';

/** Polls `condition` every 10 ms until it holds, failing after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const addWorkspace = (database: Database, slug: string) =>
  sql<{
    id: string;
  }>`INSERT INTO workspace (slug, name_fr, name_en) VALUES (${slug}, ${slug}, ${slug}) RETURNING id`
    .execute(database.db)
    .then((r) => r.rows[0]?.id ?? '');

const versionOf = (database: Database, id: string) =>
  database.db
    .selectFrom('workspace')
    .select('data_version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => String(r.data_version));

const bump = (database: Database, id: string) =>
  sql`UPDATE workspace SET data_version = data_version + 1 WHERE id = ${id}`.execute(database.db);

describeEachEngine('change watch, one process', (engine) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('moves after each write and commit, not after reads, so a read after a write is fresh', async () => {
    database = await engine.open();
    const open = database;
    const watch = open.changes;
    await until(() => watch.live());
    const id = await addWorkspace(open, 'watch-local');
    const cache = readCache<string, string>(watch, { capacity: 10, maxAgeMs: 60_000 });
    const read = () => cache.read(id, () => versionOf(open, id));
    const first = await read();

    const before = watch.generation();
    await versionOf(open, id);
    await sql`SELECT 1`.execute(open.db);
    expect(watch.generation()).toBe(before);

    await bump(open, id);
    expect(watch.generation()).toBeGreaterThan(before);
    expect(Number(await read())).toBe(Number(first) + 1);

    const afterStatement = watch.generation();
    await open.db.transaction().execute(async (trx) => {
      await sql`UPDATE workspace SET data_version = data_version + 1 WHERE id = ${id}`.execute(trx);
    });
    expect(watch.generation()).toBeGreaterThan(afterStatement);
    expect(Number(await read())).toBe(Number(first) + 2);
  });
});

const postgres = testEngines().find((e) => e.name === 'postgres');
const runs = postgres?.skipReason === null || process.env.CI === 'true';

(runs ? describe : describe.skip)('change watch, two processes on one PostgreSQL', () => {
  const opened: Database[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    await drop?.();
    drop = undefined;
  });

  /** Two independent connections to one fresh database, as two processes would hold. */
  async function twoProcesses() {
    const target = await postgresTestDatabaseUrl();
    drop = () => target.drop();
    const one = await openDatabase({ databaseUrl: target.url, dataDir: 'memory://' });
    opened.push(one);
    await migrateUp(one.db);
    const other = await openDatabase({ databaseUrl: target.url, dataDir: 'memory://' });
    opened.push(other);
    await until(() => one.changes.live() && other.changes.live());
    return { one, other };
  }

  it('hears a change committed by the other process and reads it afresh', async () => {
    const { one, other } = await twoProcesses();
    const id = await addWorkspace(one, 'watch-remote');
    // A long age bound: only the notification can make the cache read again.
    const cache = readCache<string, string>(one.changes, { capacity: 10, maxAgeMs: 600_000 });
    const read = () => cache.read(id, () => versionOf(one, id));
    const first = await read();
    await bump(other, id);
    await until(async () => Number(await read()) === Number(first) + 1);

    // Ending a session elsewhere is heard too (sessions are cached the same way).
    const heard = one.changes.generation();
    await sql`UPDATE auth_session SET revoked_at = now() WHERE false`.execute(other.db);
    await until(() => one.changes.generation() > heard);
  });

  it('trusts no cache while its listening connection is lost, and again once it is back', async () => {
    const { one, other } = await twoProcesses();
    const id = await addWorkspace(one, 'watch-lost');
    const killed = await sql<{ n: number }>`SELECT count(pg_terminate_backend(pid))::int AS n
        FROM pg_stat_activity
       WHERE datname = current_database() AND query ILIKE 'LISTEN strata_change%'`.execute(
      other.db,
    );
    expect(killed.rows[0]?.n).toBe(2);
    await until(() => !one.changes.live(), 5_000);

    let loads = 0;
    const cache = readCache<string, string>(one.changes, { capacity: 10, maxAgeMs: 600_000 });
    const read = () =>
      cache.read(id, () => {
        loads += 1;
        return versionOf(one, id);
      });
    if (!one.changes.live()) {
      await read();
      await read();
      expect(loads).toBe(2);
    }
    // The listener comes back on its own (first retry after half a second).
    await until(() => one.changes.live(), 10_000);
    const first = await read();
    await read();
    await bump(other, id);
    await until(async () => Number(await read()) === Number(first) + 1);
  });
});
