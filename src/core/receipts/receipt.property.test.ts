import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approveDiscount, setBasketDiscount } from '../cart/cart-discounts';
import { voidLine } from '../cart/cart-lines';
import type { Promotion } from '../cart/promotion';
import { aProduct, idSequence, unwrap } from '../cart/test-builders';
import { multiplyRatio } from '../money';
import { createReturn } from '../returns/create-return';
import { returnableSourceFromSale } from '../returns/returnable-source';
import { returnDetails, returning } from '../returns/test-builders';
import type { CompletedSale } from '../sale/completed-sale';
import type { TenderInput, TenderType } from '../sale/tender';
import { aSale, tenderFor } from '../sale/test-builders';
import { receiptToPlainText } from './plain-text';
import { PRINTER_CHARSETS, type PrinterCharset } from './printable-text';
import { RECEIPT_LOCALES, type ReceiptDocument, type ReceiptLocale } from './receipt-document';
import { buildReturnReceipt } from './return-receipt';
import { buildSaleReceipt } from './sale-receipt';
import { aReceiptContext } from './test-builders';
import { textWidth } from './text-layout';

// Random sales built with the sale builders: whatever the basket, every
// rendered line fits the paper, and the VAT table as printed adds up: net +
// VAT = gross on every row, the rows add up to the printed totals row, and
// the gross column adds up to the TOTAL printed above it, which is the sale's.

const NAMES = [
  'Yaourt',
  'Comté 18 mois',
  'Pain de campagne au levain naturel, farine bio moulue sur meule de pierre',
  'Œufs plein air × 12 – calibre moyen',
  'Pack\nde 6',
  'Supercalifragilisticexpialidocious-extra-long-word',
];

const arbItem = fc.record({
  name: fc.constantFrom(...NAMES),
  rate: fc.constantFrom(2000, 1000, 550, 210),
  category: fc.constantFrom('c0', 'c1'),
  // Amounts from 2,00 € up, so that half of what is left is always a valid partial tender.
  input: fc.oneof(
    fc.record({ price: fc.integer({ min: 200, max: 90_000 }), pieces: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      price: fc.integer({ min: 2000, max: 9_000_00 }),
      grams: fc.integer({ min: 100, max: 20_000 }),
    }),
    fc.record({ label: fc.integer({ min: 200, max: 50_000 }) }),
  ),
});

const arbPromotion: fc.Arbitrary<Promotion | null> = fc.option(
  fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map(
      (offBps): Promotion => ({
        kind: 'percent-off',
        id: 'promo-c0',
        label: 'Promo catégorie',
        target: { type: 'category', category: 'c0' },
        stackable: false,
        offBps,
      }),
    ),
    fc.integer({ min: 2, max: 3 }).map(
      (nth): Promotion => ({
        kind: 'nth-item-off',
        id: 'promo-nth',
        label: `${nth}e article à -50 %`,
        target: { type: 'category', category: 'c1' },
        stackable: false,
        nth,
        offBps: 5000,
      }),
    ),
  ),
);

const arbSale: fc.Arbitrary<CompletedSale> = fc
  .record({
    items: fc.array(arbItem, { minLength: 1, maxLength: 8 }),
    promotion: arbPromotion,
    basketBps: fc.option(fc.integer({ min: 1, max: 1000 })),
    voidFirst: fc.boolean(),
    tenders: fc.array(fc.constantFrom<TenderType>('cash', 'card', 'voucher', 'store-credit'), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ items, promotion, basketBps, voidFirst, tenders }) => {
    const sale = aSale(idSequence()).withPromotions(...(promotion ? [promotion] : []));
    items.forEach((item, i) => {
      const common = { id: `p${i}`, name: item.name, vatRateBps: item.rate, category: item.category };
      const input = item.input;
      if ('pieces' in input) sale.with(aProduct({ ...common, priceMinor: input.price }), input.pieces);
      else if ('grams' in input) {
        sale.with(aProduct({ ...common, priceMinor: input.price, unit: 'kg' }), { weightGrams: input.grams });
      } else
        sale.with(aProduct({ ...common, priceMinor: 100 }), {
          embeddedPrice: { minor: input.label, currency: 'EUR' },
        });
    });
    if (voidFirst && items.length > 1) {
      sale.andThen((cart) =>
        unwrap(
          voidLine(cart, cart.lines[0]?.lineId ?? '', {
            byStaffId: 'cashier-7',
            at: '2025-10-09T10:13:00+02:00',
            reason: 'Erreur',
          }),
        ),
      );
    }
    if (basketBps !== null) {
      sale.andThen((cart) =>
        unwrap(
          setBasketDiscount(cart, {
            value: { type: 'percentage', bps: basketBps },
            reasonCode: 'loyalty',
            grantedByStaffId: 'cashier-7',
          }),
        ),
      );
      // Above 10,00 € a basket discount needs a manager; approving it always keeps the fixture simple.
      sale.andThen((cart) =>
        unwrap(
          approveDiscount(cart, null, {
            approverStaffId: 'manager-1',
            approvedAt: '2025-10-09T10:13:30+02:00',
          }),
        ),
      );
    }
    // Every tender but the last takes half of what is left (cash handed over exactly); the last settles the rest.
    tenders.forEach((type, i) => {
      const last = i === tenders.length - 1;
      sale.paidWith((remaining, tenderId): TenderInput => {
        if (last) return tenderFor(type, remaining, tenderId);
        const half = multiplyRatio(remaining, 1, 2, 'floor');
        return type === 'cash' ? { type, tenderId, given: half } : tenderFor(type, half, tenderId);
      });
    });
    return sale.complete();
  });

const WIDTHS = [32, 42, 48] as const;

const AMOUNT: Readonly<Record<ReceiptLocale, RegExp>> = {
  'fr-FR': /-?\d{1,3}(?: \d{3})*,\d{2}/g,
  'en-GB': /-?\d{1,3}(?:,\d{3})*\.\d{2}/g,
};

/** Minor units of every amount printed in `text`, in reading order. */
function printedAmounts(text: string, locale: ReceiptLocale): number[] {
  return [...text.matchAll(AMOUNT[locale])].map((m) => {
    const digits = Number(m[0].replace(/\D/g, ''));
    return m[0].startsWith('-') ? -digits : digits;
  });
}

interface Rendering {
  readonly document: ReceiptDocument;
  readonly width: number;
  readonly charset: PrinterCharset | undefined;
  /** The label of the line that carries the total ("TOTAL TTC", "TOTAL REFUNDED"...). */
  readonly totalLabel: string;
  readonly expectedTotalMinor: number;
}

function expectFitsAndAddsUp({ document, width, charset, totalLabel, expectedTotalMinor }: Rendering): void {
  const text = receiptToPlainText(document, width, { charset });
  const lines = text.split('\n');
  expect(lines.filter((line) => textWidth(line) > width)).toEqual([]);

  const totalLines = lines.filter((line) => line.startsWith(`${totalLabel} `));
  expect(totalLines).toHaveLength(1);
  expect(printedAmounts(totalLines[0] ?? '', document.locale)).toEqual([expectedTotalMinor]);

  const vatBlocks = document.blocks.filter((b) => b.type === 'vat-table');
  expect(vatBlocks).toHaveLength(1);
  const vatText = receiptToPlainText({ ...document, blocks: vatBlocks }, width, { charset });
  expect(text).toContain(vatText);
  const amounts = printedAmounts(vatText, document.locale);
  const rows = Array.from({ length: amounts.length / 3 }, (_, i) => amounts.slice(3 * i, 3 * i + 3));
  const totalsRow = rows.pop();
  expect(rows.length).toBeGreaterThan(0);
  for (const [net = 0, vat = 0, gross = 0] of rows) expect(net + vat).toBe(gross);
  const column = (k: number): number => rows.reduce((sum, row) => sum + (row[k] ?? 0), 0);
  expect(totalsRow).toEqual([column(0), column(1), column(2)]);
  expect(column(2)).toBe(expectedTotalMinor);
}

const arbRendering = fc.record({
  locale: fc.constantFrom(...RECEIPT_LOCALES),
  width: fc.constantFrom(...WIDTHS),
  charset: fc.constantFrom(undefined, ...PRINTER_CHARSETS),
});

describe('receipts of random sales', () => {
  it('fit the paper and print a VAT table that adds up to the total', () => {
    fc.assert(
      fc.property(arbSale, arbRendering, (sale, { locale, width, charset }) => {
        const document = unwrap(buildSaleReceipt(sale, aReceiptContext({ locale })));
        const totalLabel = locale === 'fr-FR' ? 'TOTAL TTC' : 'TOTAL';
        expectFitsAndAddsUp({
          document,
          width,
          charset,
          totalLabel,
          expectedTotalMinor: sale.totals.total.minor,
        });
      }),
      { numRuns: 150 },
    );
  });

  it('and so do the refund receipts when everything comes back', () => {
    fc.assert(
      fc.property(arbSale, arbRendering, (sale, { locale, width, charset }) => {
        const source = returnableSourceFromSale(sale);
        const record = unwrap(
          createReturn({
            details: returnDetails(idSequence(1_760_300_000_000)()),
            source,
            previousReturns: [],
            lines: source.lines.map((line) => returning(line.lineId, line.quantity)),
            policy: { type: 'cash' },
          }),
        );
        const document = unwrap(buildReturnReceipt(record, aReceiptContext({ locale })));
        const totalLabel = locale === 'fr-FR' ? 'TOTAL REMBOURSÉ' : 'TOTAL REFUNDED';
        expectFitsAndAddsUp({ document, width, charset, totalLabel, expectedTotalMinor: record.total.minor });
      }),
      { numRuns: 60 },
    );
  });
});
