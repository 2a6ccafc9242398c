import { receiptNumberOf } from '../core/journal/journal-entry';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { err, ok } from '../core/result';
import { ownSaleOfOrder } from '../data/pickup-order-sales';
import { newId } from './ids';
import type { PendingDeskCard, PickupPaymentPort } from './pickup-payment-port';
import { emptyCart } from './sale-basics';
import type { TillServices } from './till-services';

const PENDING_DOC = 'pickup-pending-card';

/** The desk's payment port over the till's own database, journal, bridge and printer. */
export function pickupPaymentTillPort(
  services: Pick<TillServices, 'db' | 'journal' | 'bridge' | 'deviceStatus'> & {
    readonly sync: {
      readonly identity: { readonly tillId: string; readonly storeCode: string; readonly tillCode: string };
    };
  },
  clock: { readonly now: () => number; readonly newId: () => string } = { now: Date.now, newId },
): PickupPaymentPort {
  const { db } = services;
  return {
    bridge: services.bridge,
    hostUp: () => services.deviceStatus.getState().hostConnected === true,
    watchOrder(orderId, onOrder) {
      const sub = db.orders.findOne(orderId).$.subscribe((doc) => {
        const order = doc?.toMutableJSON();
        onOrder(order?.kind === 'click-and-collect' ? (order as ClickCollectOrder) : undefined);
      });
      return () => sub.unsubscribe();
    },
    emptyCart: async () => emptyCart((await db.settings.findOne().exec())?.toMutableJSON()),
    ownSale: (orderId) => ownSaleOfOrder(db, orderId),
    async journalSale(sale, stamp) {
      const entry = await services.journal.append({ kind: 'sale.completed', payload: sale, ...stamp });
      return entry.ok ? ok({ receiptNumber: receiptNumberOf(entry.value) }) : err(entry.error);
    },
    pending: {
      async read() {
        const doc = await db.getLocal<{ value: PendingDeskCard }>(PENDING_DOC);
        return doc ? (doc.toJSON().data.value as PendingDeskCard) : undefined;
      },
      async save(pending) {
        await db.upsertLocal<{ value: PendingDeskCard }>(PENDING_DOC, { value: structuredClone(pending) });
      },
      async clear() {
        await (await db.getLocal(PENDING_DOC))?.remove();
      },
    },
    till: services.sync.identity,
    now: clock.now,
    newId: clock.newId,
  };
}
