import type { KioskOrderInput } from '../core/orders/create-kiosk-order';
import type { KioskOrder } from '../core/orders/kiosk-order';
import {
  placeKioskOrder as buildPlacedOrder,
  type KioskOrderPlacement,
  type PlaceKioskOrderError,
} from '../core/orders/place-kiosk-order';
import { err, ok, type Result } from '../core/result';
import type { JournalWriteError, JournalWriter } from './journal-writer';

export type KioskOrderPlacementError =
  | PlaceKioskOrderError
  | { readonly code: 'journal-refused'; readonly reason: JournalWriteError };

/** The journal entry that carries the order: id minted and clock read by the caller. */
export interface KioskOrderEntryStamp {
  readonly id: string;
  readonly recordedAt: string;
}

/**
 * What the kiosk screen calls when the customer confirms an endless-aisle
 * order. The order is journaled (`kiosk-order.placed`) and nothing else: the
 * entry is pending in the outbox until the journal upload sends it, whenever
 * the server is reachable, offline for as long as it takes. The
 * kiosk never writes the `orders` collection (it is the server's): the
 * server projects the entry into an order, once, and it comes back to every
 * till of the store through the orders pull.
 *
 * `input.kioskId` is this kiosk's till id, as the server enrolled it; the
 * server refuses an order journaled under another kiosk's or store's name.
 */
export async function placeKioskOrder(
  journal: JournalWriter,
  input: KioskOrderInput,
  placement: KioskOrderPlacement,
  stamp: KioskOrderEntryStamp,
): Promise<Result<KioskOrder, KioskOrderPlacementError>> {
  const order = buildPlacedOrder(input, placement);
  if (!order.ok) return order;
  const journaled = await journal.append({
    kind: 'kiosk-order.placed',
    payload: order.value,
    id: stamp.id,
    recordedAt: stamp.recordedAt,
  });
  if (!journaled.ok) return err({ code: 'journal-refused', reason: journaled.error });
  return ok(order.value);
}
