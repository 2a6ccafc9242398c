import { describe, expect, it } from 'vitest';
import { createCart } from '../cart/cart';
import { setBasketDiscount, setLineDiscount } from '../cart/cart-discounts';
import { addProduct, voidLine } from '../cart/cart-lines';
import { overrideLinePrice } from '../cart/cart-price-override';
import { priceCart } from '../cart/cart-pricing';
import { aProduct, eur, idSequence, STORE_POLICY, unwrap } from '../cart/test-builders';
import { exchangeAccountOf } from '../returns/exchange-account';
import { completeSale } from '../sale/complete-sale';
import { addTender, startPayment } from '../sale/payment';
import { aSale, saleDetails } from '../sale/test-builders';
import { receiptToPlainText } from './plain-text';
import type { ReceiptContext } from './receipt-context';
import { receiptDocumentSchema } from './receipt-document';
import { buildSaleReceipt } from './sale-receipt';
import { aReceiptContext, COMTE, LENOIR, theWorkedSale } from './test-builders';

const render = (result: ReturnType<typeof buildSaleReceipt>): string =>
  receiptToPlainText(unwrap(result), 42, { charset: 'iso-8859-15' });

const lineId = (cart: { readonly lines: readonly { readonly lineId: string }[] }, index: number): string =>
  cart.lines[index]?.lineId ?? 'no such line';

describe('buildSaleReceipt: document', () => {
  it('opens with the logo, closes with a cut, and carries the receipt number as a QR code', () => {
    const doc = unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext()));
    expect(doc).toMatchObject({
      kind: 'sale',
      receiptNumber: 'PAR01-03-000123',
      locale: 'fr-FR',
      duplicate: false,
    });
    expect(doc.blocks[0]).toEqual({ type: 'logo', assetId: 'logo-lenoir' });
    expect(doc.blocks.at(-1)).toEqual({ type: 'cut' });
    expect(doc.blocks.filter((b) => b.type === 'barcode')).toEqual([
      { type: 'barcode', symbology: 'qr', data: 'POS1:R:PAR01-03-000123' },
    ]);
  });

  it('survives the trip to the printer host as JSON', () => {
    const doc = unwrap(
      buildSaleReceipt(
        theWorkedSale(),
        aReceiptContext({ locale: 'en-GB', duplicate: true, reprintCount: 1 }),
      ),
    );
    expect(receiptDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('prints DUPLICATA with its reprint count at the top and the bottom of a reprint only', () => {
    const sale = theWorkedSale();
    const original = render(buildSaleReceipt(sale, aReceiptContext()));
    const reprint = render(buildSaleReceipt(sale, aReceiptContext({ duplicate: true, reprintCount: 3 })));
    expect(original).not.toContain('DUPLICATA');
    const banners = reprint.split('\n').filter((line) => line.trim() === 'DUPLICATA n° 3');
    expect(banners).toHaveLength(2);
    expect(reprint.split('\n').filter((line) => !line.includes('DUPLICATA'))).toEqual(original.split('\n'));
  });

  it('refuses a reprint without its count, and a count on an original', () => {
    const sale = theWorkedSale();
    for (const context of [{ duplicate: true }, { duplicate: false, reprintCount: 2 }]) {
      const result = buildSaleReceipt(sale, aReceiptContext(context));
      expect(result.ok ? null : result.error.code).toBe('invalid-receipt-context');
    }
  });

  it('prints the software, its version and an excerpt of the entry hash on every receipt', () => {
    const hash = 'ab'.repeat(32);
    const text = render(
      buildSaleReceipt(
        theWorkedSale(),
        aReceiptContext({ entryHash: hash, software: { name: 'Caisse X', version: '9.8.7' } }),
      ),
    );
    expect(text).toContain('Logiciel : Caisse X 9.8.7');
    expect(text).toContain('Empreinte : abab abab abab abab');
    const refused = buildSaleReceipt(theWorkedSale(), aReceiptContext({ entryHash: 'not-a-hash' }));
    expect(refused.ok ? null : refused.error.code).toBe('invalid-receipt-context');
  });

  it('prints the legal-guarantee mention under the flagged products only', () => {
    const text = render(
      buildSaleReceipt(theWorkedSale(), aReceiptContext({ legalGuaranteeProductIds: [COMTE.id] })),
    );
    const lines = text.split('\n');
    const mention = lines.findIndex((line) => line.includes('Garantie légale de conformité'));
    expect(lines[mention - 2]).toMatch(/^Comté 18 mois/);
    expect(lines.filter((line) => line.includes('Garantie légale'))).toHaveLength(1);
    expect(render(buildSaleReceipt(theWorkedSale(), aReceiptContext()))).not.toContain('Garantie');
  });

  it('marks every line with its VAT code and states quantity and unit price, single items too', () => {
    const text = render(buildSaleReceipt(theWorkedSale(), aReceiptContext()));
    expect(text).toContain('Quotidien Le Monde                3,50 € C\n  1 x 3,50 €');
    expect(text).toContain('C 2,1 %');
  });

  it('prints the store without logo or VAT number when it has none', () => {
    const doc = unwrap(
      buildSaleReceipt(
        theWorkedSale(),
        aReceiptContext({ logoAssetId: null, store: { ...LENOIR, vatNumber: null } }),
      ),
    );
    expect(doc.blocks.some((b) => b.type === 'logo')).toBe(false);
    expect(receiptToPlainText(doc, 42)).not.toContain('TVA FR');
  });
});

describe('buildSaleReceipt: content', () => {
  it('leaves voided lines out, and out of the item count', () => {
    const ids = idSequence();
    const sale = aSale(ids)
      .withLines(3)
      .andThen((cart) =>
        unwrap(
          voidLine(cart, lineId(cart, 1), {
            byStaffId: 'cashier-7',
            at: '2025-10-09T10:13:00+02:00',
            reason: 'Erreur',
          }),
        ),
      )
      .paidBy('card')
      .complete();
    const text = render(buildSaleReceipt(sale, aReceiptContext()));
    expect(text).toContain('Article 1');
    expect(text).not.toContain('Article 2');
    expect(text).toContain("Nombre d'articles                        2");
    expect(text).toContain('TOTAL TTC                           4,00 €');
  });

  it('shows a line discount under its line and the basket discount after the subtotal, with their reasons', () => {
    // 1,00 + 2,00 + 3,00; 10 % off the third (0,30): subtotal 5,70; 5 % off the basket: 0,285 → 0,29; total 5,41.
    const sale = aSale()
      .withLines(3)
      .andThen((cart) =>
        unwrap(
          setLineDiscount(cart, lineId(cart, 2), {
            value: { type: 'percentage', bps: 1000 },
            reasonCode: 'price-match',
            grantedByStaffId: 'cashier-7',
          }),
        ),
      )
      .andThen((cart) =>
        unwrap(
          setBasketDiscount(cart, {
            value: { type: 'percentage', bps: 500 },
            reasonCode: 'loyalty',
            grantedByStaffId: 'cashier-7',
          }),
        ),
      )
      .paidBy('card')
      .complete();
    const text = render(
      buildSaleReceipt(sale, aReceiptContext({ reasonLabels: { 'price-match': 'Alignement prix' } })),
    );
    expect(text).toContain(
      [
        'Article 1                         1,00 € A',
        '  1 x 1,00 €',
        'Article 2                         2,00 € B',
        '  1 x 2,00 €',
        'Article 3                         3,00 € A',
        '  1 x 3,00 €',
        '  Remise 10 % (Alignement prix)    -0,30 €',
        '------------------------------------------',
        'Sous-total                          5,70 €',
        'Remise sur le ticket 5 % (loyalty) -0,29 €',
        'TOTAL TTC                           5,41 €',
        'Carte bancaire                      5,41 €',
      ].join('\n'),
    );
    expect(text).toContain('Vous avez économisé                 0,59 €');
  });

  it('shows a price changed at the till under its line, with the price it replaced and why', () => {
    const sale = aSale()
      .with(aProduct({ priceMinor: 250 }), 2)
      .andThen((cart) =>
        unwrap(
          overrideLinePrice(cart, lineId(cart, 0), {
            unitPrice: eur(180),
            reasonCode: 'damaged',
            byStaffId: 'cashier-7',
            approval: null,
          }),
        ),
      )
      .paidBy('card')
      .complete();
    const text = render(buildSaleReceipt(sale, aReceiptContext({ reasonLabels: { damaged: 'Abîmé' } })));
    expect(text).toContain(
      [
        'Yaourt nature                     3,60 € A',
        '  2 x 1,80 €',
        '  Prix modifié, au lieu de 2,50 € (Abîmé)',
      ].join('\n'),
    );
  });

  it('shows voucher and store-credit tenders with their references', () => {
    const sale = aSale()
      .withLines(2)
      .paidWith((_, tenderId) => ({
        type: 'voucher',
        tenderId,
        amount: eur(100),
        faceValue: eur(500),
        code: 'BON-2025-0042',
      }))
      .paidBy('store-credit')
      .complete();
    expect(render(buildSaleReceipt(sale, aReceiptContext()))).toContain(
      [
        "Bon d'achat                         1,00 €",
        '  BON-2025-0042',
        '  Valeur du bon                     5,00 €',
        'Avoir                               2,00 €',
        '  Compte client-0042',
      ].join('\n'),
    );
  });

  it('an exchange: the articles brought back pay the sale, with no credit note or account shown', () => {
    const sale = aSale()
      .withLines(1)
      .paidWith((remaining, tenderId) => ({
        type: 'store-credit',
        tenderId,
        amount: remaining,
        accountId: exchangeAccountOf('0199e0c0-0000-7000-8000-000000000001'),
      }))
      .complete();
    const text = render(buildSaleReceipt(sale, aReceiptContext()));
    expect(text).toMatch(/\nArticles rendus \(échange\) +\d+,\d\d €\n/);
    expect(text).not.toMatch(/exchange:|Compte|Avoir/);
  });

  it('masks a card number the terminal sent in clear, down to its last four digits', () => {
    const sale = aSale()
      .withLines(1)
      .paidWith((remaining, tenderId) => ({
        type: 'card',
        tenderId,
        amount: remaining,
        terminal: {
          terminalId: null,
          transactionRef: null,
          authorisationCode: null,
          maskedPan: '4970 1012 3456 7890',
          scheme: null,
        },
      }))
      .complete();
    const text = render(buildSaleReceipt(sale, aReceiptContext()));
    expect(text).toContain('\n  ************7890\n');
    expect(text).not.toContain('4970');
  });

  it('shows the cash rounding and the change', () => {
    // 1,23 € due, cash rounded to 0,05: 1,25 € to pay; 2,00 € given, 0,75 € back.
    const ids = idSequence();
    const cart = unwrap(
      addProduct(
        createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] }),
        aProduct({ priceMinor: 123 }),
        1,
        { lineId: ids() },
      ),
    );
    const payment = unwrap(
      addTender(startPayment(priceCart(cart).totals.total, { cashIncrementMinor: 5 }), {
        type: 'cash',
        tenderId: ids(),
        given: eur(200),
      }),
    );
    const sale = unwrap(completeSale(cart, payment, saleDetails(ids())));
    expect(render(buildSaleReceipt(sale, aReceiptContext()))).toContain(
      [
        'TOTAL TTC                           1,23 €',
        'Espèces                             2,00 €',
        'Arrondi espèces                     0,02 €',
        'Rendu                               0,75 €',
      ].join('\n'),
    );
  });
});

describe('buildSaleReceipt: refusals', () => {
  it('refuses a receipt number of another till', () => {
    expect(buildSaleReceipt(theWorkedSale(), aReceiptContext({ receiptNumber: 'PAR01-04-000123' }))).toEqual({
      ok: false,
      error: {
        code: 'receipt-number-of-another-till',
        receiptNumber: 'PAR01-04-000123',
        storeCode: 'PAR01',
        tillCode: '03',
      },
    });
  });

  it.each<[string, Partial<ReceiptContext>]>([
    ['a SIRET of 13 digits', { store: { ...LENOIR, siret: '1234567890001' } }],
    ['a malformed receipt number', { receiptNumber: 'PAR01-03-12' }],
    ['a footer line with a printer command in it', { footerLines: ['Merci\u001B@'] }],
  ])('refuses a context with %s', (_, overrides) => {
    const result = buildSaleReceipt(theWorkedSale(), aReceiptContext(overrides));
    expect(result.ok ? null : result.error.code).toBe('invalid-receipt-context');
  });
});
