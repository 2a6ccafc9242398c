import type { TillDatabase } from './till-database';

// Which pieces of each order the desk has scanned while preparing it, kept in
// a local document (not replicated), so a clerk called away, a reload or
// another order opened in between does not start the count again. The state
// layer checks what comes out against the order. At most MAX_ORDERS orders are
// kept: the oldest progress goes first.

const PICKING_DOC = 'pickup-picking';
const MAX_ORDERS = 100;

interface StoredProgress {
  readonly orders: Record<string, { readonly counts: Record<string, number>; readonly at: number }>;
}

async function read(db: TillDatabase): Promise<StoredProgress['orders']> {
  const doc = await db.getLocal<StoredProgress>(PICKING_DOC);
  const orders = doc?.toJSON().data.orders;
  return orders && typeof orders === 'object' ? orders : {};
}

/** The counts kept for an order, unchecked (the caller checks them against the order). */
export async function readPickingProgress(db: TillDatabase, orderId: string): Promise<unknown> {
  const orders = await read(db);
  return Object.hasOwn(orders, orderId) ? orders[orderId]?.counts : undefined;
}

/** Keeps an order's counts (`undefined` forgets them: the order is ready, or gone). */
export async function writePickingProgress(
  db: TillDatabase,
  orderId: string,
  counts: Readonly<Record<string, number>> | undefined,
  at: number,
): Promise<void> {
  const orders = { ...(await read(db)) };
  delete orders[orderId];
  if (counts !== undefined) orders[orderId] = { counts: { ...counts }, at };
  const kept = Object.entries(orders)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_ORDERS);
  await db.upsertLocal<StoredProgress>(PICKING_DOC, { orders: Object.fromEntries(kept) });
}
