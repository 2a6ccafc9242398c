import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { isValidPickupCode } from '../core/orders/pickup-code';
import { pickupPaymentState } from '../core/orders/pickup-payment';
import { err, ok, type Result } from '../core/result';
import type { StoreSettings } from '../core/settings/store-settings';
import { verifyOrderTokenOffline } from './order-token-verifier';
import { ownSaleOfOrder } from './pickup-order-sales';
import type { TillDatabase } from './till-database';

export type PickupOrderToPayRefusal =
  | 'malformed'
  | 'no-settings'
  | 'unknown-order'
  /** The order's signature does not check out offline: it is not the order the server signed. */
  | 'not-signed'
  /** Paid online, by a till's sale the server knows, or by a sale of this till. */
  | 'already-paid'
  /** Cancelled, returned, or already handed over in full. */
  | 'not-payable';

const PICKUP_QR = /^POS1:P:([0-9A-Za-z]{6,8})$/i;

/** The pickup code in what a scanner typed (`POS1:P:<code>`), or undefined. */
export function pickupCodeOfScan(raw: string): string | undefined {
  const code = PICKUP_QR.exec(raw.trim())?.[1]?.toUpperCase();
  return code && isValidPickupCode(code) ? code : undefined;
}

/**
 * A click-and-collect order a till may sell at pickup (docs/pickup.md,
 * "Paid at a till"), found offline by its pickup QR: the order this till
 * holds with that code, vouched for by the server's signature, and still
 * due (no web `payments`, no `payment` the server recorded, no sale of this
 * till naming it). Anything else is a refusal, said in words by the caller.
 */
export async function findPickupOrderToPay(
  db: TillDatabase,
  raw: string,
): Promise<Result<ClickCollectOrder, PickupOrderToPayRefusal>> {
  const code = pickupCodeOfScan(raw);
  if (!code) return err('malformed');
  const settings = (await db.settings.findOne().exec())?.toMutableJSON() as StoreSettings | undefined;
  if (!settings) return err('no-settings');
  const found = (
    await db.orders.find({ selector: { kind: 'click-and-collect', pickupCode: code } }).exec()
  ).map((doc) => doc.toMutableJSON() as ClickCollectOrder);
  const order = found[0];
  if (!order) return err('unknown-order');
  const verified = await verifyOrderTokenOffline(order, settings.orderSigningKey);
  if (!verified.ok) return err('not-signed');
  const state = pickupPaymentState(order, await ownSaleOfOrder(db, order.id));
  if (state.kind !== 'due') return err('already-paid');
  if (order.webStatus === 'cancelled' || ['cancelled', 'returned', 'handed-over'].includes(order.status))
    return err('not-payable');
  return ok(order);
}
