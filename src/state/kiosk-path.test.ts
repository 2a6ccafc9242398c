import { describe, expect, it } from 'vitest';
import type { Product } from '../core/catalog/product';
import { createKioskOrder } from '../core/orders/create-kiosk-order';
import {
  cartTotals,
  contactIssues,
  holdsCustomerData,
  initialKioskPath,
  type KioskPathAction,
  type KioskPathState,
  kioskOrderInput,
  kioskPath,
} from './kiosk-path';

const product = (id: string, priceMinor: number, extra: Partial<Product> = {}): Product => ({
  id,
  barcode: '3760000000017',
  name: `Produit ${id}`,
  searchName: `produit ${id}`,
  category: 'Épicerie salée',
  priceMinor,
  currency: 'EUR',
  vatRateBps: 550,
  unit: 'piece',
  active: true,
  ...extra,
});

const run = (...actions: KioskPathAction[]): KioskPathState => actions.reduce(kioskPath, initialKioskPath);

describe('the kiosk path', () => {
  it('one touch starts; the same product twice is one line; quantities stay within 1-99', () => {
    const state = run(
      { type: 'start' },
      { type: 'add', product: product('a', 250), quantity: 2, lineId: 'l1' },
      { type: 'add', product: product('a', 250), quantity: 1, lineId: 'l2' },
      { type: 'add', product: product('b', 1000, { vatRateBps: 2000 }), quantity: 1, lineId: 'l3' },
      { type: 'quantity', lineId: 'l3', quantity: 500 },
    );
    expect(state.step).toBe('find');
    expect(state.cart.map((l) => [l.lineId, l.quantity])).toEqual([
      ['l1', 3],
      ['l3', 99],
    ]);
    const totals = cartTotals(state.cart);
    expect(totals.total.minor).toBe(3 * 250 + 99 * 1000);
    expect(totals.vat.rates.map((r) => r.rateBps)).toEqual([2000, 550]);
  });

  it('products sold by weight or no longer sold are not added', () => {
    const state = run(
      { type: 'add', product: product('kg', 299, { unit: 'kg' }), quantity: 1, lineId: 'l1' },
      { type: 'add', product: product('old', 299, { active: false }), quantity: 1, lineId: 'l2' },
    );
    expect(state.cart).toEqual([]);
  });

  it('the steps need what comes before them: a cart, a delivery choice, a valid contact', () => {
    let state = run({ type: 'start' }, { type: 'go', step: 'delivery' });
    expect(state.step).toBe('find');
    state = run(
      { type: 'start' },
      { type: 'add', product: product('a', 250), quantity: 1, lineId: 'l1' },
      { type: 'go', step: 'contact' },
    );
    expect(state.step).toBe('find');
    state = kioskPath(state, { type: 'fulfilment', choice: { type: 'store-pickup', storeCode: 'LYO01' } });
    state = kioskPath(state, { type: 'go', step: 'pay' });
    expect(state.step).toBe('find');
    state = kioskPath(state, { type: 'contact', patch: { name: 'Léa Martin', phone: '06 12 34 56 78' } });
    expect(contactIssues(state.contact)).toEqual(['missing-consent']);
    state = kioskPath(state, { type: 'contact', patch: { consent: true } });
    state = kioskPath(state, { type: 'go', step: 'pay' });
    expect(state.step).toBe('pay');
  });

  it('removing the last line while checking out goes back to finding products', () => {
    const state = run(
      { type: 'start' },
      { type: 'add', product: product('a', 250), quantity: 1, lineId: 'l1' },
      { type: 'go', step: 'delivery' },
      { type: 'remove', lineId: 'l1' },
    );
    expect(state.step).toBe('find');
  });

  it('the order input holds the cart, the contact and the address, nothing more, and the core accepts it', () => {
    const state = run(
      { type: 'start' },
      { type: 'add', product: product('a', 250), quantity: 2, lineId: 'l1' },
      { type: 'fulfilment', choice: { type: 'home-delivery' } },
      {
        type: 'address',
        patch: { name: 'Léa Martin', street: '12 rue de la Roquette', postcode: '75011', city: 'Paris' },
      },
      { type: 'contact', patch: { name: 'Léa Martin', email: 'lea@example.fr', consent: true } },
    );
    const input = kioskOrderInput(
      state,
      {
        id: '01890a5d-ac96-774b-bcce-b302099a8057',
        storeCode: 'PAR01',
        kioskId: 'kiosk-1',
        createdAt: '2026-12-01T10:00:00.000Z',
      },
      'at-kiosk',
    );
    expect(input.contact).toEqual({ name: 'Léa Martin', email: 'lea@example.fr' });
    expect(input.fulfilment).toEqual({
      type: 'home-delivery',
      address: {
        name: 'Léa Martin',
        lines: ['12 rue de la Roquette', ''],
        postcode: '75011',
        city: 'Paris',
        country: 'FR',
      },
    });
    const order = createKioskOrder(input);
    expect(order.ok).toBe(true);
  });

  it('a reset, and a placed order, leave no personal data in the path', () => {
    const filled = run(
      { type: 'start' },
      { type: 'language', language: 'en' },
      { type: 'toggle-access', mode: 'largeText' },
      { type: 'add', product: product('a', 250), quantity: 1, lineId: 'l1' },
      { type: 'address', patch: { name: 'Léa', street: '1 rue X' } },
      { type: 'contact', patch: { name: 'Léa', email: 'lea@example.fr', consent: true } },
    );
    expect(holdsCustomerData(filled)).toBe(true);
    expect(kioskPath(filled, { type: 'reset' })).toEqual(initialKioskPath);
    const placed = kioskPath(filled, { type: 'placed' });
    expect(placed.step).toBe('done');
    expect(holdsCustomerData(placed)).toBe(false);
  });
});
