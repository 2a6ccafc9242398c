import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { priceCart } from '../../core/cart';
import type { TillDatabase } from '../../data/till-database';
import { YAOURT } from '../../state/sale-test-till';
import { tillToasts } from '../../ui/kit/toast-store';
import { cashierMenuEntries } from './cashier-menu';
import { closeCashierTill, openCashierTill } from './cashier-test-till';
import { clashingShortcuts, FUNCTION_KEYS, type TillMenuEntry } from './till-menu';
import type { CashierFlows } from './use-cashier-flows';

// The cashier screen's till menu over the real flows of a till in memory:
// every flow's entry in the row's order on the keys docs/cashier.md lists
// (e2e tests press them by key and by `till-menu-<id>`), which ones wait
// for a basket or the end of a payment, and where each one leads.

describe('the cashier till menu', () => {
  let db: TillDatabase;
  let flows: CashierFlows;

  beforeEach(async () => {
    ({ db, flows } = await openCashierTill('cashier-menu'));
  });

  afterEach(() => closeCashierTill(db));

  const menu = (): TillMenuEntry[] => {
    const state = flows.sale.store.getState();
    const priced = priceCart(state.cart);
    return cashierMenuEntries(flows, {
      paying: state.payment !== undefined,
      basketEmpty: priced.lines.length === 0,
      lastLine: priced.lines[priced.lines.length - 1]?.line,
    });
  };
  const entry = (id: string) => {
    const found = menu().find((e) => e.id === id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };
  const enabled = () => menu().flatMap((e) => (e.disabled ? [] : [e.id]));

  it("puts every flow's entry in the row's order, on its own key", () => {
    expect(menu().map((e) => [e.id, e.shortcut])).toEqual([
      ['void-last', 'F6'],
      ['quantity', 'F2'],
      ['quick-keys', 'F10'],
      ['basket-discount', 'F7'],
      ['park', 'F8'],
      ['parked', undefined],
      ['search', 'F3'],
      ['returns', 'F4'],
      ['shift', 'F9'],
      ['voucher-sale', undefined],
      ['no-sale', undefined],
      ['lock', 'F11'],
    ]);
    // F1 lists the functions and F12 pays: both are the screen's own.
    const keys = menu().flatMap((e) => (e.shortcut ? [e.shortcut] : []));
    expect(clashingShortcuts(menu())).toEqual([]);
    expect(keys.every((key) => FUNCTION_KEYS.includes(key) && key !== 'F1' && key !== 'F12')).toBe(true);
  });

  it('leaves the basket entries for a basket, and only shift, no-sale and lock during a payment', async () => {
    expect(enabled()).toEqual([
      'quick-keys',
      'parked',
      'search',
      'returns',
      'shift',
      'voucher-sale',
      'no-sale',
      'lock',
    ]);
    await flows.sale.scan(YAOURT.barcode);
    expect(enabled()).toEqual(menu().map((e) => e.id));
    flows.sale.startPayment();
    expect(flows.sale.store.getState().payment).toBeDefined();
    expect(enabled()).toEqual(['shift', 'no-sale', 'lock']);
  });

  it('voids the last line and says so', async () => {
    await flows.sale.scan(YAOURT.barcode);
    entry('void-last').onSelect();
    expect(priceCart(flows.sale.store.getState().cart).lines).toEqual([]);
    expect(tillToasts.store.getState().toasts.map((t) => [t.kind, t.message])).toEqual([
      ['info', expect.stringContaining(YAOURT.name)],
    ]);
  });

  it("opens each flow's own screen or dialog", async () => {
    await flows.sale.scan(YAOURT.barcode);
    entry('quantity').onSelect();
    expect(flows.editing.dialog.getState().open).toBe('quantity');
    entry('quick-keys').onSelect();
    expect(flows.editing.dialog.getState().open).toBe('quick-keys');
    entry('parked').onSelect();
    expect(flows.editing.dialog.getState().open).toBe('parked');
    entry('search').onSelect();
    expect(flows.productSearch.store.getState().open).toBe(true);
    entry('returns').onSelect();
    expect(flows.returns.store.getState().open).toBe(true);
    entry('shift').onSelect();
    expect(flows.shift.store.getState().panel).toBe('menu');
    entry('voucher-sale').onSelect();
    expect(flows.tickets.vouchers.store.getState().dialog).toBe('sell');
    entry('no-sale').onSelect();
    expect(flows.noSale.store.getState().choosing).toBe(true);
  });

  it('parks the sale, and locks the till', async () => {
    await flows.sale.scan(YAOURT.barcode);
    entry('park').onSelect();
    await expect.poll(() => flows.sale.store.getState().cart.lines.length).toBe(0);
    entry('lock').onSelect();
    await expect.poll(() => flows.lock.store.getState().lock).toBeDefined();
  });
});
