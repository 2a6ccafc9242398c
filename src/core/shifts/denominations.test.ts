import { describe, expect, it } from 'vitest';
import { cashCountOf, cashCountSchema, countedTotal, EURO_DENOMINATIONS } from './denominations';

describe('euro denominations', () => {
  it('lists the seven notes and eight coins, largest first', () => {
    expect(EURO_DENOMINATIONS.filter((d) => d.kind === 'note').map((d) => d.valueMinor)).toEqual([
      50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500,
    ]);
    expect(EURO_DENOMINATIONS.filter((d) => d.kind === 'coin').map((d) => d.valueMinor)).toEqual([
      200, 100, 50, 20, 10, 5, 2, 1,
    ]);
  });

  it('adds a count up to the cent', () => {
    // 2 × 20 € + 3 × 5 € + 7 × 2 € + 4 × 0,50 € + 9 × 0,01 € = 71,09 €
    const count = cashCountOf({ 2000: 2, 500: 3, 200: 7, 50: 4, 1: 9, 10: 0 });
    expect(count).toEqual({
      ok: true,
      value: [
        { valueMinor: 2000, count: 2 },
        { valueMinor: 500, count: 3 },
        { valueMinor: 200, count: 7 },
        { valueMinor: 50, count: 4 },
        { valueMinor: 1, count: 9 },
      ],
    });
    if (count.ok) expect(countedTotal(count.value)).toEqual({ minor: 7109, currency: 'EUR' });
  });

  it('refuses what is not a euro note or coin, and impossible counts', () => {
    expect(cashCountOf({ 300: 1 })).toEqual({ ok: false, valueMinor: 300 });
    expect(cashCountOf({ 100: -1 })).toEqual({ ok: false, valueMinor: 100 });
    expect(cashCountOf({ 100: 1.5 })).toEqual({ ok: false, valueMinor: 100 });
    expect(cashCountOf({ 100: 100_000 })).toEqual({ ok: false, valueMinor: 100 });
  });

  it('accepts a journaled count only largest first with each denomination once', () => {
    expect(
      cashCountSchema.safeParse([
        { valueMinor: 500, count: 1 },
        { valueMinor: 200, count: 2 },
      ]).success,
    ).toBe(true);
    expect(
      cashCountSchema.safeParse([
        { valueMinor: 200, count: 1 },
        { valueMinor: 500, count: 2 },
      ]).success,
    ).toBe(false);
    expect(
      cashCountSchema.safeParse([
        { valueMinor: 200, count: 1 },
        { valueMinor: 200, count: 2 },
      ]).success,
    ).toBe(false);
    expect(cashCountSchema.safeParse([{ valueMinor: 7, count: 1 }]).success).toBe(false);
    expect(cashCountSchema.safeParse([{ valueMinor: 200, count: 1, extra: 1 }]).success).toBe(false);
  });
});
