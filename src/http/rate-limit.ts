/**
 * A small fixed-window rate limiter kept in memory, for the public consultation endpoints (no
 * session to throttle by: the client address is the key). Each app process counts on its own,
 * so N processes behind a load balancer allow up to N times the limit: a bound against floods
 * and guessing, not an exact quota.
 */

/** A limiter of `limit` hits per key in each window of `windowMs`. */
export function fixedWindowLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts a hit of `key`; returns 0 when allowed, else the seconds until the window ends. */
    hit(key: string): number {
      const t = now();
      if (windows.size > 50_000) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      }
      const current = windows.get(key);
      if (!current || t - current.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      current.count += 1;
      if (current.count <= limit) return 0;
      return Math.max(1, Math.ceil((current.start + windowMs - t) / 1000));
    },
  };
}

export type Limiter = ReturnType<typeof fixedWindowLimiter>;
