import type { Queryable } from '../db/database';

// The web_orders table (migration 004): which order of ours a web order
// became, found by key instead of scanning the orders' jsonb.

export interface WebOrderLink {
  readonly orderId: string;
  /** The pickup store: the orders scope of the order; never changes. */
  readonly storeCode: string;
}

export async function findWebOrder(
  tx: Queryable,
  source: string,
  webOrderId: string,
): Promise<WebOrderLink | undefined> {
  const found = await tx.query<WebOrderLink>(
    `SELECT order_id AS "orderId", store_code AS "storeCode"
     FROM web_orders WHERE source = $1 AND web_order_id = $2`,
    [source, webOrderId],
  );
  return found.rows[0];
}

/** Whether `pickupCode` already names an order of the store. Ask under the store's orders scope lock. */
export async function pickupCodeTaken(
  tx: Queryable,
  storeCode: string,
  pickupCode: string,
): Promise<boolean> {
  const found = await tx.query('SELECT 1 FROM web_orders WHERE store_code = $1 AND pickup_code = $2', [
    storeCode,
    pickupCode,
  ]);
  return found.rows.length > 0;
}

/**
 * Records that the web order becomes `orderId`. False when another import of
 * the same web order got there first (its row is committed, or commits while
 * we wait on the key): then this import must start over and merge instead.
 */
export async function claimWebOrder(
  tx: Queryable,
  claim: {
    readonly source: string;
    readonly webOrderId: string;
    readonly orderId: string;
    readonly storeCode: string;
    readonly pickupCode: string;
  },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO web_orders (source, web_order_id, order_id, store_code, pickup_code)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source, web_order_id) DO NOTHING
     RETURNING order_id`,
    [claim.source, claim.webOrderId, claim.orderId, claim.storeCode, claim.pickupCode],
  );
  return inserted.rows.length > 0;
}
