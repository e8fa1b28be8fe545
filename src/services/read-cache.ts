/**
 * A cache of database reads kept honest by the change watch (src/db/change-watch.ts): an entry
 * is served only while the watch is live, only if nothing changed since its read began, and only
 * while younger than `maxAgeMs`, a bound on staleness should a notification ever be missed.
 * Absent rows are not cached. Without a watch every read goes to the database.
 */
import type { ChangeWatch } from '../db/change-watch.ts';
import { boundedMap } from '../domain/lru.ts';

export interface ReadCacheOptions {
  capacity: number;
  maxAgeMs: number;
}

export interface ReadCache<K, V> {
  /** The cached value of `key`, or what `load` reads (kept when nothing changed meanwhile). */
  read(key: K, load: () => Promise<V>): Promise<V>;
}

/** Creates a read cache. */
export function readCache<K, V>(
  watch: ChangeWatch | undefined,
  options: ReadCacheOptions,
): ReadCache<K, V> {
  const entries = boundedMap<K, { value: V; at: number }>(options.capacity);
  let generation = -1;
  const align = (current: number) => {
    if (generation === current) return;
    entries.clear();
    generation = current;
  };
  return {
    async read(key, load) {
      if (!watch?.live()) return load();
      const started = watch.generation();
      const at = performance.now();
      align(started);
      const hit = entries.get(key);
      if (hit && at - hit.at < options.maxAgeMs) return hit.value;
      const value = await load();
      // A change while the read was under way may or may not be in it: do not keep it.
      if (value !== undefined && watch.live() && watch.generation() === started) {
        entries.set(key, { value, at });
      }
      return value;
    },
  };
}
