import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { EXAMPLE_LINES } from './example-orders';
import { lineTotal, type OrderLine, orderLineSchema, orderLinesIssues, orderTotals } from './order-line';

const eur = (minor: number) => money(minor, 'EUR');

describe('order totals', () => {
  it('totals the example basket with VAT rounded once per rate', () => {
    // kettle 1 × 39,99 at 20 %; tea 3 × 4,50 and book 2 × 24,90 at 5.5 %
    // 20 %:  3999 × 2000 / 12000 = 666.5 -> 667; net 3332
    // 5.5 %: 1350 + 4980 = 6330; 6330 × 550 / 10550 = 330 exactly; net 6000
    expect(orderTotals(EXAMPLE_LINES, 'EUR')).toEqual({
      total: eur(10329),
      vat: {
        currency: 'EUR',
        rates: [
          { rateBps: 2000, gross: eur(3999), net: eur(3332), vat: eur(667) },
          { rateBps: 550, gross: eur(6330), net: eur(6000), vat: eur(330) },
        ],
        total: { gross: eur(10329), net: eur(9332), vat: eur(997) },
      },
    });
    expect(EXAMPLE_LINES.map(lineTotal)).toEqual([eur(3999), eur(1350), eur(4980)]);
  });

  it('gives a total equal to the VAT gross and to Σ quantity × unit price, for any lines', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 999 }),
      minor: fc.integer({ min: 0, max: 100_000_000 }),
      vatRateBps: fc.constantFrom(2000, 1000, 550, 210, 0),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (raw) => {
        const lines: OrderLine[] = raw.map((r, i) => ({
          ...EXAMPLE_LINES[0],
          lineId: `l${i}`,
          quantity: r.quantity,
          unitPrice: eur(r.minor),
          vatRateBps: r.vatRateBps,
        }));
        const totals = orderTotals(lines, 'EUR');
        const expected = raw.reduce((sum, r) => sum + BigInt(r.quantity) * BigInt(r.minor), 0n);
        expect(BigInt(totals.total.minor)).toBe(expected);
        expect(totals.vat.total.gross).toEqual(totals.total);
        expect(totals.vat.total.net.minor + totals.vat.total.vat.minor).toBe(totals.total.minor);
      }),
    );
  });
});

describe('order line rules', () => {
  it('refuses an empty order, duplicate line ids and a foreign currency', () => {
    expect(orderLinesIssues([], 'EUR')).toEqual([{ code: 'empty-order' }]);
    const [kettle, tea] = EXAMPLE_LINES;
    expect(orderLinesIssues([kettle, { ...tea, lineId: 'l1' }], 'EUR')).toEqual([
      { code: 'duplicate-line-id', lineId: 'l1' },
    ]);
    expect(orderLinesIssues([kettle, { ...tea, unitPrice: { minor: 450, currency: 'CHF' } }], 'EUR')).toEqual(
      [{ code: 'line-currency-mismatch', lineId: 'l2', currency: 'CHF' }],
    );
    expect(orderLinesIssues(EXAMPLE_LINES, 'EUR')).toEqual([]);
  });

  it('refuses more than 200 lines', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ ...EXAMPLE_LINES[0], lineId: `l${i}` }));
    expect(orderLinesIssues(many, 'EUR')).toEqual([{ code: 'too-many-lines', max: 200 }]);
    expect(orderLinesIssues(many.slice(0, 200), 'EUR')).toEqual([]);
  });

  it('parses a valid line to exactly itself (no transform, so signatures and hashes hold)', () => {
    for (const line of EXAMPLE_LINES) expect(orderLineSchema.parse(line)).toEqual(line);
  });
});
