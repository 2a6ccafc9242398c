import { describe, expect, it } from 'vitest';
import { defaultCashIncrement } from './cash-rounding';

describe('defaultCashIncrement', () => {
  it('is 5 centimes in CHF and one minor unit elsewhere', () => {
    expect(defaultCashIncrement('CHF')).toBe(5);
    expect(defaultCashIncrement('EUR')).toBe(1);
  });

  // Regression: the table was a plain object, so these found Object.prototype's members.
  it.each(['toString', '__proto__', 'constructor'])('is one minor unit for %s', (code) => {
    expect(defaultCashIncrement(code)).toBe(1);
  });
});
