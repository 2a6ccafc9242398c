import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withGtinCheckDigit } from '../core/barcodes';
import type { PaymentOutcome } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createReceiptDesk } from './receipt-desk';
import { createSaleStore } from './sale-store';
import type { TillServices } from './till-services';

// What the cashier reads when a scan or an article is refused: French words
// that say what to do, never the core's English message or an error code.

const product = (barcode: string, unit: Product['unit']): Product => ({
  id: `prd-${barcode}`,
  barcode,
  name: 'Pommes Golden',
  searchName: 'pommes golden',
  category: 'Fruits et légumes',
  priceMinor: 249,
  currency: 'EUR',
  vatRateBps: 550,
  unit,
  active: true,
});

const TECHNICAL = /ean13|check digit|invalid-|not a product|receipt\)|gs1 code|till code|\(|\)/i;

describe('refused scans in the cashier’s words', () => {
  let db: TillDatabase;
  const loose = product(withGtinCheckDigit('261234500000'), 'kg');
  const packaged = product('3017620422003', 'piece');
  const catalog = new Map([loose, packaged].map((p) => [p.barcode, p]));

  beforeAll(async () => {
    db = await createTillDatabase(`words-${randomUUID()}`, getRxStorageMemory());
  });
  afterAll(async () => {
    await db?.close();
  });

  const problemAfterScanning = async (raw: string) => {
    const services = {
      db,
      findProductByBarcode: async (barcode: string) => catalog.get(barcode),
      bridge: undefined,
    } as unknown as TillServices;
    const sale = createSaleStore(services, createReceiptDesk(services));
    await sale.scan(raw);
    return sale.store.getState().problem ?? '';
  };

  it('a wrong check digit', async () => {
    const problem = await problemAfterScanning('3017620422004');
    expect(problem).toBe(
      'Code refusé : chiffre de contrôle faux, scannez de nouveau ou saisissez le code à la main',
    );
  });

  it('a code that is no barcode at all', async () => {
    const problem = await problemAfterScanning('hello');
    expect(problem).toMatch(/^Code refusé : /);
    expect(problem).not.toMatch(TECHNICAL);
  });

  it('a receipt’s code', async () => {
    const problem = await problemAfterScanning('POS1:R:PAR01-03-000123');
    expect(problem).toBe('Ce code est celui d’un ticket, pas d’un article');
  });

  it('a scale label with no weight', async () => {
    const problem = await problemAfterScanning(loose.barcode);
    expect(problem).toBe('Article refusé : poids non valable, pesez de nouveau l’article');
  });

  it('a card the terminal declined or that was aborted: no terminal text', async () => {
    // The device host is the boundary here: it answers as the ZVT driver does.
    const outcomes: PaymentOutcome[] = [
      {
        status: 'declined',
        paymentId: 'p',
        reason: 'declined by the terminal (result code 0x05)',
        terminalReceipt: [],
      },
      { status: 'aborted', paymentId: 'p', reason: 'aborted at the terminal or by the till' },
    ];
    const problems: string[] = [];
    for (const outcome of outcomes) {
      const bridge = {
        onHostConnection: () => () => {},
        onPaymentProgress: () => () => {},
        showOnDisplay: async () => ({ ok: true, value: { done: true } }),
        startPayment: async (params: { paymentId: string }) => ({
          ok: true,
          value: { ...outcome, paymentId: params.paymentId },
        }),
      } as unknown as PosBridge;
      const services = {
        db,
        findProductByBarcode: async (barcode: string) => catalog.get(barcode),
        bridge,
      } as unknown as TillServices;
      const sale = createSaleStore(services, createReceiptDesk(services));
      await sale.scan(packaged.barcode);
      sale.startPayment();
      await sale.payCard();
      problems.push(sale.store.getState().problem ?? '');
    }
    expect(problems).toEqual([
      'Carte refusée par le terminal. Choisissez un autre moyen de paiement.',
      'Paiement carte annulé. Choisissez un autre moyen de paiement.',
    ]);
  });
});
