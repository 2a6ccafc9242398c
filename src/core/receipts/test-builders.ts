import { aKgProduct, aProduct, eur } from '../cart/test-builders';
import type { CompletedSale } from '../sale/completed-sale';
import { aSale } from '../sale/test-builders';
import type { ReceiptContext, StoreHeader } from './receipt-context';

// Fixtures for the receipt tests. Pure, so it type-checks with the core.

export const LENOIR: StoreHeader = {
  name: 'Maison Lenoir',
  addressLines: ['12 rue des Archives', '75004 Paris', 'Tél. 01 42 72 00 00'],
  siret: '12345678200010',
  vatNumber: 'FR32123456789',
};

/** A journal entry hash for the fixtures (the receipt prints its first 16 digits). */
export const WORKED_SALE_HASH = '3f9a2c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b';

/** The till of the sale builders (PAR01, till 03), receipt 123. */
export function aReceiptContext(overrides: Partial<ReceiptContext> = {}): ReceiptContext {
  return {
    store: LENOIR,
    receiptNumber: 'PAR01-03-000123',
    entryHash: WORKED_SALE_HASH,
    software: { name: 'Store Till', version: '0.1.0' },
    cashierName: 'Camille',
    logoAssetId: 'logo-lenoir',
    footerLines: [
      'Échange ou remboursement sous 30 jours',
      'sur présentation de ce ticket.',
      'L’équipe vous remercie… à bientôt !',
    ],
    ...overrides,
  };
}

export const TSHIRT = aProduct({
  id: 'tshirt-bio',
  name: 'T-shirt coton bio',
  category: 'textile',
  priceMinor: 1290,
  vatRateBps: 2000,
});
export const COMTE = aKgProduct();
export const NEWSPAPER = aProduct({
  id: 'le-monde',
  name: 'Quotidien Le Monde',
  category: 'press',
  priceMinor: 350,
  vatRateBps: 210,
});

/**
 * The worked sale: 2 T-shirts at 12,90 € (20 %) with the second at −50 %,
 * 456 g of Comté at 24,90 €/kg (5,5 %), a newspaper at 3,50 € (2,1 %);
 * 34,20 € paid 10,00 € by card, then 30,00 € in cash with 5,80 € change.
 */
export function theWorkedSale(): CompletedSale {
  return aSale()
    .withPromotions({
      kind: 'nth-item-off',
      id: 'promo-tshirt',
      label: '2e T-shirt à -50 %',
      target: { type: 'products', productIds: [TSHIRT.id] },
      stackable: false,
      nth: 2,
      offBps: 5000,
    })
    .with(TSHIRT, 2)
    .with(COMTE, { weightGrams: 456 })
    .with(NEWSPAPER, 1)
    .paidWith((_, tenderId) => ({
      type: 'card',
      tenderId,
      amount: eur(1000),
      terminal: {
        terminalId: 'TPE-1',
        transactionRef: 'TX-889',
        authorisationCode: '123456',
        maskedPan: '************4242',
        scheme: 'CB',
      },
    }))
    .paidWith((_, tenderId) => ({ type: 'cash', tenderId, given: eur(3000) }))
    .complete();
}
