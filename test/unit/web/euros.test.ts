import { describe, expect, it } from 'vitest';
import { centsOf } from '../../../src/web/routes/forms/euros.ts';

describe('centsOf (amounts typed in euros)', () => {
  it.each([
    ['150000', 15_000_000],
    ['12 500,50', 1_250_050],
    ['12\u202f500,5', 1_250_050],
    ['12500.5', 1_250_050],
    ['12,500.50', 1_250_050],
    ['0,07', 7],
    ['1 000 €', 100_000],
  ])('reads %s as %i cents', (text, cents) => {
    expect(centsOf(text)).toBe(cents);
  });

  it('reads a blank amount as none', () => {
    expect(centsOf('  ')).toBeNull();
  });

  it.each(['-5', '1,2345', '12.345', 'abc', '1e5', '12,50,3'])('refuses %s', (text) => {
    expect(centsOf(text)).toBeUndefined();
  });
});
