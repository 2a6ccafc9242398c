import { afterEach, describe, expect, it } from 'vitest';
import { loadQuickKeyItems } from '../data/quick-key-products';
import { createLineEdit } from './line-edit';
import { createQuickKeys } from './quick-keys';
import { fakeApprovals, openTestTill } from './sale-test-till';

// The quick-key grid from the store settings: a piece item goes straight in,
// an item sold by weight asks for its weight on the numpad.

const SETTINGS = {
  id: 'store:PAR01',
  storeCode: 'PAR01',
  storeName: 'Test',
  addressLines: [],
  legalIds: ['SIRET 552 100 554 00021'],
  currency: 'EUR',
  receiptFooter: [],
  scanConfig: { weightPrefixes: [], pricePrefixes: [] },
  promotions: [],
  orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
  quickKeys: [
    { productId: 'baguette', label: 'Baguette' },
    { productId: 'pommes' },
    { productId: 'not-in-this-till', label: 'Ailleurs' },
  ],
};

describe('quick keys', () => {
  let till: Awaited<ReturnType<typeof openTestTill>>;
  afterEach(() => till?.db.close());

  async function grid() {
    till = await openTestTill();
    await till.db.settings.insert(SETTINGS as never);
    const sale = till.newSaleStore();
    await sale.signIn('1234');
    const lines = createLineEdit(sale, fakeApprovals());
    const keys = createQuickKeys(sale, lines, () => loadQuickKeyItems(till.db));
    await keys.load();
    return { sale, lines, keys, cart: () => sale.store.getState().cart };
  }

  it('shows the keys whose product this till has, in order, named by their label or the product', async () => {
    const { keys } = await grid();
    expect(keys.store.getState().keys.map((k) => [k.label, k.product.unit])).toEqual([
      ['Baguette', 'piece'],
      ['Pommes Golden', 'kg'],
    ]);
  });

  it('a piece key sells one, or the "3 ×" typed before', async () => {
    const { keys, lines, cart } = await grid();
    const [baguette] = keys.store.getState().keys;
    if (!baguette) throw new Error('no key');
    await keys.press(baguette);
    lines.setPendingQuantity(3);
    await keys.press(baguette);
    expect(cart().lines.map((l) => l.measure)).toEqual([
      { kind: 'pieces', quantity: 1 },
      { kind: 'pieces', quantity: 3 },
    ]);
    expect(cart().lines[0]?.scannedCode).toBeNull();
  });

  it('a key sold by weight asks for the weight: 456 g of apples at 2,49 €/kg is 1,14 €', async () => {
    const { keys, sale, cart } = await grid();
    const apples = keys.store.getState().keys[1];
    if (!apples) throw new Error('no key');
    await keys.press(apples);
    expect(keys.store.getState().weighing?.id).toBe('pommes');
    expect(cart().lines).toEqual([]);
    expect(await keys.weigh(0)).toBe(false);
    expect(sale.store.getState().problem).toBe('Poids de 1 g à 1000 kg');
    expect(await keys.weigh(456)).toBe(true);
    expect(keys.store.getState().weighing).toBeUndefined();
    expect(cart().lines[0]).toMatchObject({ measure: { kind: 'weight', grams: 456 }, gross: { minor: 114 } });
    expect(await till.lastShown()).toEqual({ upper: 'Pommes Golden 1,14 €', lower: 'Total         1,14 €' });
  });
});
