import { stockLevelId } from '../../../src/core/catalog/stock-level';
import {
  allocateStock,
  availableKey,
  type KioskReservationRefusal,
  placePreference,
  type ReservationFulfilment,
  type ReservationLine,
  type ReservedLine,
  type StockPlace,
} from '../../../src/core/orders/stock-reservation';
import { err, ok, type Result } from '../../../src/core/result';
import type { Queryable } from '../db/database';

// The server's side of "the last units are reserved against concurrent
// orders" (src/core/orders/stock-reservation.ts, migration 011). A place's
// own stock level is its inventory document (`<code>:<code>:<product>`);
// what it can still give is that quantity minus the reservations held on
// it. A reservation locks the levels it may take from (FOR UPDATE, in id
// order), then reads the holds and writes its own, all in the caller's
// transaction: two orders racing for the last unit take turns on the
// level's row lock, and the second one sees the first's hold. PGlite runs
// one transaction at a time, which gives the same result.
//
// It takes row locks only, never a scope lock, so it may run in a push
// transaction before the kiosk export lock (project-journal.ts) and in a
// transaction of its own (the reservation route) without a lock cycle.

/**
 * Minutes a kiosk's hold lasts without its order: the customer pays and the
 * kiosk journals the order within them, or walks away (the kiosk releases
 * the hold; if it cannot, the hold lapses). An order that arrives after its
 * hold lapsed is reserved again, or flagged, like an order placed offline.
 */
export const KIOSK_HOLD_MINUTES = 30;

/** A hold still counts: not released, and either placed, from the journal, or recent. */
const IN_FORCE = `r.released_at IS NULL AND (r.via = 'journal'
  OR r.reserved_at > now() - interval '${KIOSK_HOLD_MINUTES} minutes'
  OR EXISTS (SELECT 1 FROM kiosk_orders_placed p WHERE p.order_id = r.order_id))`;

export interface ReservationAsk {
  readonly orderId: string;
  /** The kiosk's store: its region's places are the ones it orders from. */
  readonly storeCode: string;
  readonly fulfilment: ReservationFulfilment;
  readonly lines: readonly ReservationLine[];
  /** How the ask arrived: from the kiosk before payment, or from the journal (an order placed offline). */
  readonly via: 'kiosk' | 'journal';
  readonly tillId: string;
}

export interface Reservation {
  readonly lines: readonly ReservedLine[];
  /** Held already under this order id, with these lines: nothing more was reserved. */
  readonly repeated: boolean;
}

/** The places of the store's region, or none when the store is not a stock location. */
async function placesOf(tx: Queryable, storeCode: string): Promise<StockPlace[]> {
  const rows = await tx.query<{ code: string; kind: 'store' | 'warehouse' }>(
    `SELECT code, kind FROM stock_locations
     WHERE region = (SELECT region FROM stock_locations WHERE code = $1) ORDER BY code`,
    [storeCode],
  );
  return rows.rows;
}

async function heldFor(tx: Queryable, orderId: string): Promise<ReservedLine[]> {
  const rows = await tx.query<{ product_id: string; location_code: string; quantity: string | number }>(
    `SELECT product_id, location_code, quantity FROM stock_reservations
     WHERE order_id = $1 ORDER BY location_code, product_id`,
    [orderId],
  );
  return rows.rows.map((row) => ({
    productId: row.product_id,
    locationCode: row.location_code,
    quantity: Number(row.quantity),
  }));
}

const totals = (lines: readonly { productId: string; quantity: number }[]) => {
  const byProduct = new Map<string, number>();
  for (const line of lines)
    byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  return byProduct;
};

/** A retry: the same pieces of each product, and at the place the kiosk named, if it named one. */
function isSameAsk(held: readonly ReservedLine[], asked: readonly ReservationLine[]): boolean {
  const [a, b] = [totals(held), totals(asked)];
  if (a.size !== b.size || [...a].some(([productId, quantity]) => b.get(productId) !== quantity))
    return false;
  return asked.every(
    (line) =>
      line.locationCode === undefined ||
      held.filter((h) => h.productId === line.productId).every((h) => h.locationCode === line.locationCode),
  );
}

/**
 * Reserves an order's pieces, all or nothing, in the caller's transaction.
 * The same order asked again is answered with its reservation (a retry);
 * with other lines it is refused (`reservation-conflict`).
 */
export async function reserveStock(
  tx: Queryable,
  ask: ReservationAsk,
): Promise<Result<Reservation, KioskReservationRefusal>> {
  const places = await placesOf(tx, ask.storeCode);
  const preference = placePreference(places, ask.fulfilment, ask.storeCode);
  const known = new Set(preference);
  for (const line of ask.lines)
    if (line.locationCode !== undefined && !known.has(line.locationCode))
      return err({ code: 'unknown-location', locationCode: line.locationCode });

  // Every level the order may take from, locked in id order (so two reservations never wait in a cycle).
  const keys = levelKeys(ask.lines, preference);
  const levels = await lockLevels(
    tx,
    keys.map((key) => key.id),
  );

  // Under the locks: a retry of this order sees its own earlier hold. A hold that lapsed or was
  // released is no hold: the order is reserved again, under the same rules.
  await tx.query(`DELETE FROM stock_reservations r WHERE r.order_id = $1 AND NOT (${IN_FORCE})`, [
    ask.orderId,
  ]);
  const before = await heldFor(tx, ask.orderId);
  const available = new Map<string, number>();
  for (const row of levels.rows)
    available.set(availableKey(row.location_code, row.product_id), Number(row.quantity));
  const held = await heldOnLevels(tx, keys, ask.orderId);
  for (const row of held) {
    const k = availableKey(row.location_code, row.product_id);
    available.set(k, (available.get(k) ?? 0) - Number(row.held));
  }

  if (before.length > 0)
    return isSameAsk(before, ask.lines)
      ? ok({ lines: before, repeated: true })
      : err({ code: 'reservation-conflict' });

  const allocated = allocateStock(ask.lines, preference, available);
  if (!allocated.ok) return allocated;
  await tx.query(
    `INSERT INTO stock_reservations (order_id, location_code, product_id, quantity, store_code, till_id, via)
     SELECT $1, r->>'locationCode', r->>'productId', (r->>'quantity')::bigint, $2, $3, $4
     FROM jsonb_array_elements($5::jsonb) AS t(r)`,
    [ask.orderId, ask.storeCode, ask.tillId, ask.via, JSON.stringify(allocated.value)],
  );
  return ok({ lines: allocated.value, repeated: false });
}

/** A level of one place's stock of one product: its inventory document id and its key. */
export interface LevelKey {
  readonly id: string;
  readonly locationCode: string;
  readonly productId: string;
}

/**
 * The quantity held in force on each of these levels by orders other than
 * `exceptOrder`. One probe of the holds' index per level: written as a match
 * on `location || ':' || location || ':' || product`, it read every hold not
 * released, and a placed kiosk order's hold is never released
 * (docs/kiosk-data.md), so the table only grows.
 */
export async function heldOnLevels(
  tx: Queryable,
  keys: readonly LevelKey[],
  exceptOrder: string,
): Promise<{ location_code: string; product_id: string; held: string | number }[]> {
  const result = await tx.query<{ location_code: string; product_id: string; held: string | number }>(
    `SELECT w.location_code, w.product_id, sum(r.quantity) AS held
       FROM unnest($1::text[], $2::text[]) AS w(location_code, product_id)
       CROSS JOIN LATERAL (
         SELECT r.quantity FROM stock_reservations r
          WHERE r.location_code = w.location_code AND r.product_id = w.product_id
            AND ${IN_FORCE} AND r.order_id <> $3 OFFSET 0
       ) r
      GROUP BY w.location_code, w.product_id`,
    [keys.map((key) => key.locationCode), keys.map((key) => key.productId), exceptOrder],
  );
  return result.rows;
}

/** The inventory levels (a place's own) the lines may take from, sorted by document id. */
function levelKeys(lines: readonly ReservationLine[], preference: readonly string[]): LevelKey[] {
  const keys = new Map<string, LevelKey>();
  for (const line of lines)
    for (const code of line.locationCode === undefined ? preference : [line.locationCode]) {
      // A place's own level: the place is its own viewing store.
      const id = stockLevelId(code, code, line.productId);
      keys.set(id, { id, locationCode: code, productId: line.productId });
    }
  return [...keys.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Locks the levels in id order and reads them. */
function lockLevels(tx: Queryable, ids: readonly string[]) {
  return tx.query<{ location_code: string; product_id: string; quantity: string | number }>(
    `SELECT scope AS location_code, doc->>'productId' AS product_id,
            CASE WHEN jsonb_typeof(doc->'quantity') = 'number' THEN (doc->>'quantity')::bigint ELSE 0 END AS quantity
     FROM sync_documents
     WHERE collection = 'inventory' AND id = ANY($1::text[]) AND NOT deleted
     ORDER BY id FOR UPDATE`,
    [ids],
  );
}

/**
 * Reserves kiosk orders that arrived through the journal (placed offline,
 * so never reserved by the kiosk), in the push transaction, after the
 * store's orders lock and before the kiosk export lock (project-kiosk-orders.ts).
 * Every level any of them may take from is locked first, in one sorted
 * statement. An order that holds stock already (the kiosk reserved it) is
 * left alone. Returns the orders the stock no longer covers, with why. A
 * store that is not a stock location (no network of levels) is not checked.
 */
export async function reserveJournaledOrders(
  tx: Queryable,
  storeCode: string,
  asks: readonly Omit<ReservationAsk, 'via' | 'storeCode'>[],
): Promise<{ readonly orderId: string; readonly refusal: KioskReservationRefusal }[]> {
  const places = asks.length === 0 ? [] : await placesOf(tx, storeCode);
  // A store outside any stock network has no levels to check against: its orders are not reserved.
  if (places.length === 0) return [];
  const ids = new Set<string>();
  for (const ask of asks)
    for (const key of levelKeys(ask.lines, placePreference(places, ask.fulfilment, storeCode)))
      ids.add(key.id);
  await lockLevels(tx, [...ids].sort());
  const refused: { orderId: string; refusal: KioskReservationRefusal }[] = [];
  for (const ask of asks) {
    if (await hasReservation(tx, ask.orderId)) continue;
    const reserved = await reserveStock(tx, { ...ask, storeCode, via: 'journal' });
    if (!reserved.ok) refused.push({ orderId: ask.orderId, refusal: reserved.error });
  }
  return refused;
}

/** Whether an order holds stock in force (reserved by the kiosk before it journaled the order). */
export async function hasReservation(tx: Queryable, orderId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM stock_reservations r WHERE r.order_id = $1 AND ${IN_FORCE} LIMIT 1`,
    [orderId],
  );
  return rows.rows.length > 0;
}

/**
 * The kiosk lets go of an order it will not place (the customer walked
 * away, the card was declined): its holds end now. An order already placed
 * keeps them (only the staff cancels a placed order). Returns how many
 * holds ended.
 */
export async function releaseUnplacedHold(
  tx: Queryable,
  orderId: string,
  storeCode: string,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE stock_reservations r SET released_at = now()
     WHERE r.order_id = $1 AND r.store_code = $2 AND r.released_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM kiosk_orders_placed p WHERE p.order_id = r.order_id)
     RETURNING 1`,
    [orderId, storeCode],
  );
  return rows.rows.length;
}

/** Ends an order's holds (cancelled, or handed over and counted out of stock): its pieces are free again. */
export async function releaseReservation(
  tx: Queryable,
  orderId: string,
  at: Date = new Date(),
): Promise<number> {
  const rows = await tx.query(
    'UPDATE stock_reservations SET released_at = $2 WHERE order_id = $1 AND released_at IS NULL RETURNING 1',
    [orderId, at.toISOString()],
  );
  return rows.rows.length;
}

/** What one place can still give of one product: its level minus the holds (for tests and the staff). */
export async function availableAt(tx: Queryable, locationCode: string, productId: string): Promise<number> {
  const rows = await tx.query<{ available: string | number }>(
    `SELECT COALESCE((SELECT (doc->>'quantity')::bigint FROM sync_documents
                      WHERE collection = 'inventory' AND id = $1 AND NOT deleted), 0)
          - COALESCE((SELECT sum(r.quantity) FROM stock_reservations r
                      WHERE r.location_code = $2 AND r.product_id = $3 AND ${IN_FORCE}), 0) AS available`,
    [stockLevelId(locationCode, locationCode, productId), locationCode, productId],
  );
  return Number(rows.rows[0]?.available ?? 0);
}
