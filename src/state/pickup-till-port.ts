import type { JournalEntry } from '../core/journal/journal-entry';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { StoreSettings } from '../core/settings/store-settings';
import { recordOrderHandover } from '../data/order-handover';
import { moveOrderStatus } from '../data/order-status-move';
import { verifyOrderTokenOffline } from '../data/order-token-verifier';
import { readPickingProgress, writePickingProgress } from '../data/picking-progress-document';
import { newId } from './ids';
import type { PickupPort } from './pickup-port';
import { printReceipt } from './receipt-printing';
import { lookupScan } from './scan-lookup';
import type { TillServices } from './till-services';

/** The pickup desk's port over the till's own database, journal, sync status and printer. */
export function pickupTillPort(
  services: Pick<TillServices, 'db' | 'journal' | 'bridge' | 'syncStatus' | 'findProductByBarcode'> & {
    readonly sync: {
      readonly identity: { readonly tillId: string; readonly storeCode: string; readonly tillCode: string };
    };
  },
  clock: { readonly now: () => number; readonly newId: () => string } = { now: Date.now, newId },
): PickupPort {
  const { db } = services;
  const settings = async () =>
    (await db.settings.findOne().exec())?.toMutableJSON() as StoreSettings | undefined;
  return {
    watchOrders(onOrders) {
      const sub = db.orders
        .find({ selector: { kind: 'click-and-collect' } })
        .$.subscribe((docs) =>
          onOrders(
            docs
              .map((doc) => doc.toMutableJSON())
              .filter((o): o is ClickCollectOrder => o.kind === 'click-and-collect'),
          ),
        );
      return () => sub.unsubscribe();
    },
    async order(orderId) {
      const found = (await db.orders.findOne(orderId).exec())?.toMutableJSON();
      return found?.kind === 'click-and-collect' ? found : undefined;
    },
    settings,
    verify: (order, key) => verifyOrderTokenOffline(order, key),
    move: (orderId, event) => moveOrderStatus(db, orderId, event, clock.now),
    handOver: (handover, stamp) => recordOrderHandover(db, services.journal, handover, stamp),
    pickedSoFar: (orderId) => readPickingProgress(db, orderId),
    keepPicked: (orderId, counts) => writePickingProgress(db, orderId, counts, clock.now()),
    async staffNames() {
      const staff = await db.staff.find().exec();
      return new Map(staff.map((member) => [member.id, member.displayName]));
    },
    async productName(raw) {
      const config = (await settings())?.scanConfig;
      const found = await lookupScan(raw, services.findProductByBarcode, config);
      return found.kind === 'product' ? found.product.name : undefined;
    },
    async journalRefusal(payload, stamp) {
      const entry = await services.journal.append({ kind: 'pickup.code-refused', payload, ...stamp });
      return entry.ok;
    },
    async journaledRefusals(limit) {
      const docs = await db.journal
        .find({ selector: { kind: 'pickup.code-refused' }, sort: [{ sequence: 'desc' }], limit })
        .exec();
      return docs.flatMap((doc) => {
        const entry = doc.toMutableJSON() as JournalEntry;
        return entry.kind === 'pickup.code-refused'
          ? [{ id: entry.id, recordedAt: entry.recordedAt, payload: entry.payload }]
          : [];
      });
    },
    async entrySequence(entryId) {
      return (await db.journal.findOne(entryId).exec())?.sequence;
    },
    print: (jobId, document) => printReceipt(services.bridge, jobId, document),
    till: services.sync.identity,
    lastSyncAt: () => services.syncStatus.getState().replication.lastSyncAt,
    now: clock.now,
    newId: clock.newId,
  };
}
