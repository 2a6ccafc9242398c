import type { JournalEntry } from '../../../src/core/journal/journal-entry';
import type { TillPrincipal } from '../auth/access-token';
import type { Queryable } from '../db/database';
import { applyStockMovements } from './apply-stock-movements';
import { readCatalogUnits } from './catalog-units';
import { projectCashMovements } from './project-cash-movements';
import { projectHandovers } from './project-handovers';
import { projectKioskOrders } from './project-kiosk-orders';
import { projectKioskPayments } from './project-kiosk-payments';
import { projectPickupPayments } from './project-pickup-payments';
import { projectReturns } from './project-returns';
import { projectSales } from './project-sales';
import { projectShifts } from './project-shifts';
import { projectVouchers } from './project-vouchers';
import { projectStoreSales } from './store-sales-feed';

/**
 * The projections of docs/sync-protocol.md section 9, run by the projector
 * (a batch of queued entries, projector.ts), a person's accept and the
 * backfill, each in its own transaction with the projection lock: the
 * rows and the stock they moved commit together with the queue rows'
 * deletion, or not at all. Projecting an entry that is already projected
 * changes nothing (every row is keyed by its entry). Approval entries have
 * no table yet.
 */
export async function projectJournalEntries(
  tx: Queryable,
  // The envelope of each entry names its store and till, already checked against this token by the push.
  _till: TillPrincipal,
  entries: readonly JournalEntry[],
): Promise<void> {
  // Chain order, so a return finds a sale pushed in the same batch.
  const ordered = [...entries].sort((a, b) => a.sequence - b.sequence);
  const sales = ordered.flatMap((e) => (e.kind === 'sale.completed' ? [e] : []));
  const returns = ordered.flatMap((e) => (e.kind === 'return.completed' ? [e] : []));
  const catalog = await readCatalogUnits(tx, [
    ...sales.flatMap((e) => e.payload.lines.map((line) => line.productId)),
    ...returns.flatMap((e) => e.payload.lines.map((line) => line.productId)),
  ]);
  const sold = await projectSales(tx, sales, catalog);
  const restocked = await projectReturns(tx, returns, catalog);
  // The store's sales feed and double returns: after sales and returns, before the stock (lock order: sales, then inventory).
  await projectStoreSales(tx, sales, returns);
  await projectCashMovements(
    tx,
    ordered.flatMap((e) => (e.kind === 'cash.movement' ? [e] : [])),
  );
  await projectShifts(
    tx,
    ordered.flatMap((e) => (e.kind === 'shift.opened' || e.kind === 'shift.closed' ? [e] : [])),
  );
  await projectHandovers(
    tx,
    ordered.flatMap((e) => (e.kind === 'order.handover' ? [e] : [])),
  );
  await applyStockMovements(tx, [...sold, ...restocked]);
  await projectVouchers(tx, sales);
  // Last: they take the kiosk export lock (see project-kiosk-orders.ts).
  await projectKioskOrders(
    tx,
    ordered.flatMap((e) => (e.kind === 'kiosk-order.placed' ? [e] : [])),
  );
  await projectKioskPayments(tx, sales);
  // Click-and-collect orders paid at pickup: the orders lock of the store, no export lock.
  await projectPickupPayments(tx, sales);
}
