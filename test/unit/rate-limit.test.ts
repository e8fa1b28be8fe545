/** The public endpoints' fixed-window limiter, on a fake clock. */
import { describe, expect, it } from 'vitest';
import { fixedWindowLimiter } from '../../src/http/rate-limit.ts';

describe('fixedWindowLimiter', () => {
  it('allows `limit` hits per key and window, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = fixedWindowLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('a'))).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(60);
    expect(limiter.hit('b')).toBe(0);
    now += 45_000;
    expect(limiter.hit('a')).toBe(15);
    now += 15_000;
    expect(limiter.hit('a')).toBe(0);
  });
});
