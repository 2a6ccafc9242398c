import { createStore } from 'zustand/vanilla';
import { addProduct, type Cart, createCart, priceCart, voidLine } from '../core/cart';
import { receiptNumberOf } from '../core/journal/journal-entry';
import { type Money, money } from '../core/money';
import { buildSaleReceipt, receiptToPlainText } from '../core/receipts';
import { addTender, changeDue, completeSale, isSettled, type Payment, startPayment } from '../core/sale';
import type { StoreSettings } from '../core/settings/store-settings';
import type { StaffMember } from '../core/staff/staff-member';
import { newId } from './ids';
import { receiptContextFrom } from './receipt-context';
import { lookupScan } from './scan-lookup';
import { findStaffByPin, type SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

export interface CompletedSaleView {
  readonly receiptNumber: string;
  readonly receiptText: string;
  readonly change: Money;
  readonly total: Money;
}

export interface SaleState {
  readonly staff: SignedInStaff | undefined;
  readonly cart: Cart;
  readonly startedAt: string | undefined;
  /** Set while the customer pays. */
  readonly payment: Payment | undefined;
  readonly completed: CompletedSaleView | undefined;
  /** The last problem, in words for the cashier. */
  readonly problem: string | undefined;
}

type SaleServices = Pick<TillServices, 'db' | 'journal' | 'findProductByBarcode' | 'sync'>;

// Till defaults until a settings screen exists: discounts above 10 % or 20 € need a manager.
const DISCOUNT_POLICY = {
  maxBpsWithoutApproval: 1_000,
  maxAmountWithoutApproval: { minor: 2_000, currency: 'EUR' },
  reasonsAlwaysNeedingApproval: ['staff'],
};

const emptyCart = (settings: StoreSettings | undefined): Cart =>
  createCart({
    currency: settings?.currency ?? 'EUR',
    discountPolicy: DISCOUNT_POLICY,
    promotions: settings?.promotions ?? [],
  });

/**
 * One cashier's sale, from sign-in to receipt. Every rule (prices, VAT,
 * promotions, tenders) is the core's; this store only sequences the steps,
 * mints ids and times, and writes the completed sale to the journal.
 */
export function createSaleStore(services: SaleServices) {
  const settings = async () => (await services.db.settings.findOne().exec())?.toMutableJSON();
  const store = createStore<SaleState>()(() => ({
    staff: undefined,
    cart: emptyCart(undefined),
    startedAt: undefined,
    payment: undefined,
    completed: undefined,
    problem: undefined,
  }));
  const fail = (problem: string) => store.setState({ problem });

  return {
    store,

    async signIn(pin: string): Promise<boolean> {
      const staff = (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
      const found = findStaffByPin(staff, pin);
      if (!found) {
        fail(staff.length === 0 ? 'Personnel pas encore synchronisé' : 'Code PIN incorrect');
        return false;
      }
      store.setState({ staff: found, cart: emptyCart(await settings()), problem: undefined });
      return true;
    },

    signOut() {
      store.setState({ staff: undefined, payment: undefined, completed: undefined, problem: undefined });
    },

    async scan(raw: string): Promise<void> {
      const { cart, payment, completed } = store.getState();
      if (payment) return fail('Paiement en cours : terminez-le ou annulez-le');
      const found = await lookupScan(raw, services.findProductByBarcode);
      if (found.kind === 'rejected') return fail(`Code refusé : ${found.message}`);
      if (found.kind === 'unknown-product') return fail(`Code inconnu : ${found.code}`);
      if (found.kind === 'not-a-product') return fail(`Ce code n’est pas un article (${found.scanKind})`);
      const input =
        found.measure?.type === 'weight'
          ? { weightGrams: found.measure.grams }
          : found.measure?.type === 'price'
            ? { embeddedPrice: money(found.measure.minor, found.product.currency) }
            : 1;
      const base = completed ? emptyCart(await settings()) : cart;
      const added = addProduct(base, found.product, input, { lineId: newId(), scannedCode: raw.trim() });
      if (!added.ok) return fail(`Article refusé : ${added.error.code}`);
      store.setState((s) => ({
        cart: added.value,
        completed: undefined,
        problem: undefined,
        startedAt: completed || !s.startedAt ? new Date().toISOString() : s.startedAt,
      }));
    },

    voidLine(lineId: string): void {
      const { cart, staff } = store.getState();
      if (!staff) return;
      const voided = voidLine(cart, lineId, {
        byStaffId: staff.id,
        at: new Date().toISOString(),
        reason: 'correction caisse',
      });
      if (!voided.ok) {
        fail(`Annulation refusée : ${voided.error.code}`);
        return;
      }
      store.setState({ cart: voided.value, problem: undefined });
    },

    startPayment(): void {
      const priced = priceCart(store.getState().cart);
      if (priced.lines.length === 0) {
        fail('Le panier est vide');
        return;
      }
      store.setState({ payment: startPayment(priced.totals.total), problem: undefined });
    },

    cancelPayment(): void {
      store.setState({ payment: undefined });
    },

    async payCash(givenMinor: number): Promise<void> {
      const { payment } = store.getState();
      if (!payment) return;
      const paid = addTender(payment, {
        type: 'cash',
        tenderId: newId(),
        given: money(givenMinor, payment.due.currency),
      });
      if (!paid.ok) return fail(`Paiement refusé : ${paid.error.code}`);
      store.setState({ payment: paid.value, problem: undefined });
      if (isSettled(paid.value)) await finish(paid.value);
    },
  };

  async function finish(payment: Payment): Promise<void> {
    const { cart, staff, startedAt } = store.getState();
    if (!staff) return;
    const identity = services.sync.identity;
    const sale = completeSale(cart, payment, {
      saleId: newId(),
      storeCode: identity.storeCode,
      tillCode: identity.tillCode,
      staffId: staff.id,
      startedAt: startedAt ?? new Date().toISOString(),
      completedAt: new Date().toISOString(),
    });
    if (!sale.ok) return fail(`Vente refusée : ${sale.error.code}`);
    const entry = await services.journal.append({
      kind: 'sale.completed',
      payload: sale.value,
      id: newId(),
      recordedAt: new Date().toISOString(),
    });
    if (!entry.ok) return fail(`Journal : ${entry.error.code}`);
    const receiptNumber = receiptNumberOf(entry.value) ?? '';
    const storeSettings = await settings();
    const document = storeSettings
      ? buildSaleReceipt(sale.value, receiptContextFrom(storeSettings, receiptNumber, staff.displayName))
      : undefined;
    store.setState({
      payment: undefined,
      cart: emptyCart(storeSettings),
      startedAt: undefined,
      completed: {
        receiptNumber,
        receiptText: document?.ok ? receiptToPlainText(document.value, 42) : `Ticket ${receiptNumber}`,
        change: changeDue(payment),
        total: payment.due,
      },
      problem: document && !document.ok ? `Ticket : ${document.error.code}` : undefined,
    });
  }
}

export type SaleStore = ReturnType<typeof createSaleStore>;
