/**
 * Opens Strata for a process (server or command): the database, migrations, the default plan on
 * first start, and the services. The edges (HTTP, CLI) reach the database only through this.
 */
import { openDatabase, type Database, type Engine } from '../db/connection.ts';
import { appliedMigrations, availableMigrations, migrateDown, migrateUp } from '../db/migrate.ts';
import { DataDirLockedError } from '../db/lock.ts';
import type { Config } from '../config.ts';
import { createServices, type Services } from './index.ts';
import { systemPrincipal } from '../domain/access.ts';
import type { SessionPolicy } from './context.ts';

export interface Strata {
  services: Services;
  engine: Engine;
  /** Whether the database answers (for /api/health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Load the configured seed into an empty database (default true). */
  seed?: boolean;
  now?: () => Date;
  sessions?: SessionPolicy;
}

export { DataDirLockedError };

/** Opens the database named by the configuration and builds the services. */
export async function openStrata(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize' | 'seedDir'>,
  options: OpenOptions = {},
): Promise<Strata & { seeded: boolean }> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  return strataFromDatabase(database, config.seedDir, options);
}

/** Builds Strata over an open database (migrating and seeding it as asked); closes it on failure. */
export async function strataFromDatabase(
  database: Database,
  seedDir: string | null,
  options: OpenOptions = {},
): Promise<Strata & { seeded: boolean }> {
  try {
    if (options.migrate ?? true) await migrateUp(database.db);
    const services = createServices({
      db: database.db,
      changes: database.changes,
      now: options.now ?? (() => new Date()),
      ...(options.sessions && { sessions: options.sessions }),
    });
    let seeded = false;
    if ((options.seed ?? true) && seedDir && (await services.workspace.isEmpty())) {
      await services.planFiles.importPath(seedDir, systemPrincipal('seed'));
      seeded = true;
    }
    return {
      services,
      engine: database.engine,
      seeded,
      ping: async () => {
        try {
          await services.workspace.isEmpty();
          return true;
        } catch {
          return false;
        }
      },
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Migration commands for the CLI. */
export async function runMigrations(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'>,
  direction: 'up' | 'down' | 'status',
  steps = 1,
): Promise<{ applied: string[]; changed: string[]; available: string[] }> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    const changed =
      direction === 'up'
        ? await migrateUp(database.db)
        : direction === 'down'
          ? await migrateDown(database.db, steps)
          : [];
    return {
      applied: await appliedMigrations(database.db),
      changed,
      available: availableMigrations(),
    };
  } finally {
    await database.close();
  }
}
