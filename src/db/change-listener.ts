/**
 * The PostgreSQL side of the change watch: one connection, outside the pool, that LISTENs on
 * the change channel and moves the watch on every notification. The watch is live only while
 * this connection is; when it drops, it is opened again with doubling delays (0.5 s to 30 s).
 */
import type { ClientConfig } from 'pg';
import { CHANGE_CHANNEL, type ChangeWatchControl } from './change-watch.ts';

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/** Listens for changes until `close()`; resolves once the first attempt has succeeded or failed. */
export async function listenForChanges(
  config: ClientConfig,
  watch: ChangeWatchControl,
): Promise<{ close(): Promise<void> }> {
  const { Client } = (await import('pg')).default;
  let closed = false;
  let current: InstanceType<typeof Client> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay = FIRST_RETRY_MS;

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    const client = new Client({ ...config, keepAlive: true });
    client.on('notification', () => {
      watch.changed();
    });
    client.on('error', () => {
      // 'end' follows; nothing is cached meanwhile.
      watch.setLive(false);
    });
    client.on('end', () => {
      if (current !== client) return;
      current = undefined;
      watch.setLive(false);
      retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed) {
        await client.end();
        return;
      }
      current = client;
      delay = FIRST_RETRY_MS;
      watch.setLive(true);
    } catch {
      watch.setLive(false);
      await client.end().catch(() => undefined);
      retry();
    }
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = undefined;
      watch.setLive(false);
      await client?.end().catch(() => undefined);
    },
  };
}
