import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { vatOfGross } from './line-vat';
import { type VatLine, vatBreakdown, vatBreakdownSchema } from './vat-breakdown';

const eur = (minor: number) => money(minor, 'EUR');

describe('vatBreakdown worked examples', () => {
  it('totals a mixed basket per rate (20, 10, 5.5, 2.1 %) with a discount line', () => {
    const lines: VatLine[] = [
      { grossMinor: 1234, vatRateBps: 2000 }, // wine 12,34
      { grossMinor: 189, vatRateBps: 550 }, // bread 1,89
      { grossMinor: 250, vatRateBps: 2000 }, // soap 2,50
      { grossMinor: 999, vatRateBps: 1000 }, // sandwich 9,99
      { grossMinor: 1000, vatRateBps: 210 }, // newspaper 10,00
      { grossMinor: 399, vatRateBps: 550 }, // pasta 3,99
      { grossMinor: -100, vatRateBps: 2000 }, // discount -1,00 on the soap
    ];
    // 20 %:  1234 + 250 − 100 = 1384; 1384 × 2000 / 12000 = 230.67 -> 231; net 1153
    // 10 %:  999;  999 × 1000 / 11000 = 90.82 -> 91; net 908
    // 5.5 %: 189 + 399 = 588; 588 × 550 / 10550 = 323400 / 10550 = 30.65 -> 31; net 557
    // 2.1 %: 1000; 1000 × 210 / 10210 = 20.57 -> 21; net 979
    // total: gross 3971, vat 231 + 91 + 31 + 21 = 374, net 1153 + 908 + 557 + 979 = 3597
    expect(vatBreakdown(lines, 'EUR')).toEqual({
      currency: 'EUR',
      rates: [
        { rateBps: 2000, gross: eur(1384), net: eur(1153), vat: eur(231) },
        { rateBps: 1000, gross: eur(999), net: eur(908), vat: eur(91) },
        { rateBps: 550, gross: eur(588), net: eur(557), vat: eur(31) },
        { rateBps: 210, gross: eur(1000), net: eur(979), vat: eur(21) },
      ],
      total: { gross: eur(3971), net: eur(3597), vat: eur(374) },
    });
  });

  it('rounds once per rate, not per line (the drift the rule avoids)', () => {
    const lines: VatLine[] = Array.from({ length: 10 }, () => ({ grossMinor: 199, vatRateBps: 2000 }));
    // per line: 199 / 6 = 33.17 -> 33, × 10 = 330 (2 cents short)
    // per rate: 1990 / 6 = 331.67 -> 332; net 1658
    const perLine = lines.reduce((sum, l) => sum + vatOfGross(eur(l.grossMinor), l.vatRateBps).minor, 0);
    expect(perLine).toBe(330);
    const breakdown = vatBreakdown(lines, 'EUR');
    expect(breakdown.rates).toEqual([{ rateBps: 2000, gross: eur(1990), net: eur(1658), vat: eur(332) }]);
  });

  it('handles a refund symmetrically and keeps a rate whose lines cancel out', () => {
    // 5.5 %: −399 → vat −21, net −378 (mirror of the sale); 20 %: +1234 −1234 = 0
    expect(
      vatBreakdown(
        [
          { grossMinor: -399, vatRateBps: 550 },
          { grossMinor: 1234, vatRateBps: 2000 },
          { grossMinor: -1234, vatRateBps: 2000 },
        ],
        'EUR',
      ),
    ).toEqual({
      currency: 'EUR',
      rates: [
        { rateBps: 2000, gross: eur(0), net: eur(0), vat: eur(0) },
        { rateBps: 550, gross: eur(-399), net: eur(-378), vat: eur(-21) },
      ],
      total: { gross: eur(-399), net: eur(-378), vat: eur(-21) },
    });
  });

  it('gives zeros in the asked currency for an empty basket', () => {
    expect(vatBreakdown([], 'JPY')).toEqual({
      currency: 'JPY',
      rates: [],
      total: { gross: money(0, 'JPY'), net: money(0, 'JPY'), vat: money(0, 'JPY') },
    });
  });

  it('treats non-integer amounts or rates as programmer bugs', () => {
    expect(() => vatBreakdown([{ grossMinor: 12.5, vatRateBps: 2000 }], 'EUR')).toThrow(RangeError);
    expect(() => vatBreakdown([{ grossMinor: 100, vatRateBps: 5.5 }], 'EUR')).toThrow(RangeError);
  });
});

describe('vatBreakdown properties', () => {
  const rate = fc.oneof(fc.constantFrom(2000, 1000, 550, 210, 0), fc.integer({ min: 0, max: 10_000 }));
  const line = fc.record({ grossMinor: fc.integer({ min: -10_000_000, max: 10_000_000 }), vatRateBps: rate });
  const lines = fc.array(line, { maxLength: 40 });
  const basketAndShuffle = lines.chain((basket) =>
    fc.tuple(
      fc.constant(basket),
      fc.shuffledSubarray(basket, { minLength: basket.length, maxLength: basket.length }),
    ),
  );

  it('adds up: net + vat = gross per rate, Σ gross = Σ lines, totals = Σ rates', () => {
    fc.assert(
      fc.property(lines, (basket) => {
        const b = vatBreakdown(basket, 'EUR');
        expect(vatBreakdownSchema.safeParse(b).success).toBe(true);
        for (const r of b.rates) {
          expect(r.net.minor + r.vat.minor).toBe(r.gross.minor);
          const linesGross = basket
            .filter((l) => l.vatRateBps === r.rateBps)
            .reduce((s, l) => s + l.grossMinor, 0);
          expect(r.gross.minor).toBe(linesGross);
          if (r.gross.minor >= 0) expect(r.vat.minor >= 0 && r.vat.minor <= r.gross.minor).toBe(true);
          else expect(r.vat.minor <= 0 && r.vat.minor >= r.gross.minor).toBe(true);
        }
        expect(b.total.gross.minor).toBe(basket.reduce((s, l) => s + l.grossMinor, 0));
        expect(b.total.vat.minor).toBe(b.rates.reduce((s, r) => s + r.vat.minor, 0));
        expect(b.total.net.minor + b.total.vat.minor).toBe(b.total.gross.minor);
        // one row per distinct rate, highest first
        const rateList = b.rates.map((r) => r.rateBps);
        expect(rateList).toEqual([...new Set(basket.map((l) => l.vatRateBps))].sort((x, y) => y - x));
      }),
    );
  });

  it('does not depend on line order, and a full refund mirrors the sale', () => {
    fc.assert(
      fc.property(basketAndShuffle, ([basket, shuffled]) => {
        const b = vatBreakdown(basket, 'EUR');
        expect(vatBreakdown(shuffled, 'EUR')).toEqual(b);
        const refund = vatBreakdown(
          basket.map((l) => ({ ...l, grossMinor: -l.grossMinor })),
          'EUR',
        );
        expect(refund.rates.map((r) => [r.rateBps, r.gross.minor, r.net.minor, r.vat.minor])).toEqual(
          b.rates.map((r) => [r.rateBps, 0 - r.gross.minor, 0 - r.net.minor, 0 - r.vat.minor]),
        );
      }),
    );
  });
});
