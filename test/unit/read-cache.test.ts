import { describe, expect, it, vi } from 'vitest';
import { createChangeWatch } from '../../src/db/change-watch.ts';
import { readCache } from '../../src/services/read-cache.ts';
import { boundedMap } from '../../src/domain/lru.ts';

const OPTIONS = { capacity: 10, maxAgeMs: 60_000 };

/** A loader counting its calls, answering `value` (which the test may change). */
function source(initial: string | undefined) {
  const state = { value: initial, calls: 0 };
  const load = () => {
    state.calls += 1;
    return Promise.resolve(state.value);
  };
  return { state, load };
}

describe('read cache', () => {
  it('serves a read again until the watch moves, then reads anew', async () => {
    const watch = createChangeWatch(true);
    const cache = readCache<string, string | undefined>(watch, OPTIONS);
    const { state, load } = source('v1');
    expect(await cache.read('k', load)).toBe('v1');
    state.value = 'v2';
    expect(await cache.read('k', load)).toBe('v1');
    expect(state.calls).toBe(1);
    watch.changed();
    expect(await cache.read('k', load)).toBe('v2');
    expect(state.calls).toBe(2);
  });

  it('does not keep a value read while a change happened', async () => {
    const watch = createChangeWatch(true);
    const cache = readCache<string, string>(watch, OPTIONS);
    let calls = 0;
    const racing = () => {
      calls += 1;
      // A write commits while this read is under way: its answer may predate the write.
      watch.changed();
      return Promise.resolve(`read ${String(calls)}`);
    };
    expect(await cache.read('k', racing)).toBe('read 1');
    expect(await cache.read('k', () => Promise.resolve('after'))).toBe('after');
  });

  it('reads through while the watch is not live, and afresh once it is again', async () => {
    const watch = createChangeWatch(false);
    const cache = readCache<string, string | undefined>(watch, OPTIONS);
    const { state, load } = source('a');
    await cache.read('k', load);
    await cache.read('k', load);
    expect(state.calls).toBe(2);
    watch.setLive(true);
    await cache.read('k', load);
    await cache.read('k', load);
    expect(state.calls).toBe(3);
    watch.setLive(false);
    await cache.read('k', load);
    expect(state.calls).toBe(4);
  });

  it('reads again once an entry is older than the bound, and never keeps absent rows', async () => {
    vi.useFakeTimers();
    try {
      const watch = createChangeWatch(true);
      const cache = readCache<string, string | undefined>(watch, { capacity: 10, maxAgeMs: 1_000 });
      const present = source('x');
      await cache.read('k', present.load);
      vi.advanceTimersByTime(999);
      await cache.read('k', present.load);
      expect(present.state.calls).toBe(1);
      vi.advanceTimersByTime(2);
      await cache.read('k', present.load);
      expect(present.state.calls).toBe(2);
      const absent = source(undefined);
      await cache.read('gone', absent.load);
      await cache.read('gone', absent.load);
      expect(absent.state.calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads through without a watch', async () => {
    const cache = readCache<string, string | undefined>(undefined, OPTIONS);
    const { state, load } = source('a');
    await cache.read('k', load);
    await cache.read('k', load);
    expect(state.calls).toBe(2);
  });
});

describe('bounded map', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    const map = boundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
    map.set('a', 10);
    map.set('d', 4);
    expect(map.get('c')).toBeUndefined();
    expect(map.get('a')).toBe(10);
  });
});
