import {
  type KioskReservationRefusal,
  type KioskReservationRequest,
  kioskReservationAnswerSchema,
  type ReservedLine,
} from '../core/orders/stock-reservation';
import { err, ok, type Result } from '../core/result';
import type { TillSession } from './sync/till-session';

/** A customer waits at the kiosk: give up quickly and say so. */
const RESERVATION_TIMEOUT_MS = 8_000;

export interface KioskStockReserved {
  readonly lines: readonly ReservedLine[];
  /** The server had this reservation already (a retry). */
  readonly repeated: boolean;
}

/**
 * Reserves the order's pieces on the server before the customer pays
 * (POST /sync/v1/kiosk-reservations; src/core/orders/stock-reservation.ts).
 * The order id must be the one the kiosk then journals. Refusals come back
 * as values with words under `kiosk.refusal.<code>`; no answer at all (the
 * store's link is down, a time-out, an answer this build cannot read) is
 * `server-unreachable`: the kiosk may then place the order offline, and the
 * server reserves it when it arrives, or flags it for the staff.
 */
export async function reserveKioskStock(
  session: Pick<TillSession, 'request'>,
  request: KioskReservationRequest,
): Promise<Result<KioskStockReserved, KioskReservationRefusal>> {
  let body: unknown;
  try {
    body = await session.request(
      'POST',
      '/sync/v1/kiosk-reservations',
      request,
      AbortSignal.timeout(RESERVATION_TIMEOUT_MS),
    );
  } catch {
    return err({ code: 'server-unreachable' });
  }
  const answer = kioskReservationAnswerSchema.safeParse(body);
  if (!answer.success) return err({ code: 'server-unreachable' });
  return answer.data.reserved
    ? ok({ lines: answer.data.lines, repeated: answer.data.repeated })
    : err(answer.data.refusal);
}

/**
 * Lets go of the order's holds when the kiosk will not place it (the
 * customer walked away, the card was declined). Best effort: false when the
 * server could not be told; the hold then lapses by itself on the server
 * (30 minutes, sync-server/src/stock/stock-reservations.ts).
 */
export async function releaseKioskStock(
  session: Pick<TillSession, 'request'>,
  orderId: string,
): Promise<boolean> {
  try {
    await session.request(
      'POST',
      '/sync/v1/kiosk-reservations/release',
      { orderId },
      AbortSignal.timeout(RESERVATION_TIMEOUT_MS),
    );
    return true;
  } catch {
    return false;
  }
}
