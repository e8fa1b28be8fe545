/**
 * Tells a process's caches of database reads when what they hold may have gone stale.
 *
 * - Writes made through this process's Kysely instance: a plugin sees every statement that is
 *   not a plain read and the driver reports every commit, so a read after a local write, even
 *   one made by another request a moment earlier, never gets an answer cached before it.
 * - Writes made by other processes (another `strata serve` or a command on the same PostgreSQL
 *   database): triggers announce them on the `strata_change` channel when they commit
 *   (migration 0011); a dedicated connection LISTENs. While that connection is down the watch
 *   is not live and caches read through; on reconnecting everything cached is dropped.
 *
 * PGlite serves a single process, so its watch is live from the start and local writes are all
 * there is to see.
 */
import type {
  DatabaseConnection,
  Dialect,
  Driver,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** The channel the triggers of migration 0011 notify. */
export const CHANGE_CHANNEL = 'strata_change';

/** What caches ask before trusting what they hold. */
export interface ChangeWatch {
  /** Changes whenever the database may have changed since it was last read. */
  generation(): number;
  /** False while changes made elsewhere could go unnoticed: nothing may be served from cache. */
  live(): boolean;
}

/** The watch and the means to move it. */
export interface ChangeWatchControl extends ChangeWatch {
  changed(): void;
  setLive(live: boolean): void;
}

/** Creates a watch, live or not (a PostgreSQL watch becomes live once its listener is). */
export function createChangeWatch(live: boolean): ChangeWatchControl {
  let generation = 0;
  let isLive = live;
  return {
    generation: () => generation,
    live: () => isLive,
    changed() {
      generation += 1;
    },
    setLive(next) {
      // Whatever happened while the listener was away is unknown: start afresh either way.
      generation += 1;
      isLive = next;
    },
  };
}

const READS = /^\s*(select|explain|show)\b/i;

/** Whether a statement only reads (a query builder's select, or raw SQL starting as a read). */
function isRead(node: RootOperationNode): boolean {
  if (node.kind === 'SelectQueryNode') return true;
  if (node.kind === 'RawNode') return READS.test(node.sqlFragments[0] ?? '');
  return false;
}

/** A Kysely plugin that moves the watch after every statement that may have written. */
export function changePlugin(watch: ChangeWatchControl): KyselyPlugin {
  const writes = new WeakSet<object>();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (!isRead(node)) writes.add(queryId);
      return node;
    },
    transformResult({
      queryId,
      result,
    }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (writes.has(queryId)) watch.changed();
      return Promise.resolve(result);
    },
  };
}

/**
 * `inner` with a driver that moves the watch after every commit: a transaction's writes become
 * visible to other connections only then, so a cache filled before it must not be trusted after.
 */
export function watchedDialect(inner: Dialect, watch: ChangeWatchControl): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: () => watchedDriver(inner.createDriver(), watch),
  };
}

function watchedDriver(inner: Driver, watch: ChangeWatchControl): Driver {
  const driver: Driver = {
    init: (options) => inner.init(options),
    acquireConnection: (options) => inner.acquireConnection(options),
    beginTransaction: (connection, settings) => inner.beginTransaction(connection, settings),
    async commitTransaction(connection: DatabaseConnection) {
      try {
        await inner.commitTransaction(connection);
      } finally {
        // Even a failed COMMIT may have been applied (a lost connection): assume it was.
        watch.changed();
      }
    },
    rollbackTransaction: (connection) => inner.rollbackTransaction(connection),
    releaseConnection: (connection, options) => inner.releaseConnection(connection, options),
    destroy: (options) => inner.destroy(options),
  };
  if (inner.savepoint) driver.savepoint = inner.savepoint.bind(inner);
  if (inner.rollbackToSavepoint) driver.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
  if (inner.releaseSavepoint) driver.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  return driver;
}
