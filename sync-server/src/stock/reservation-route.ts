import {
  type KioskReservationAnswer,
  kioskReservationReleaseSchema,
  kioskReservationRequestSchema,
} from '../../../src/core/orders/stock-reservation';
import type { TillPrincipal } from '../auth/access-token';
import { revokedTillMayOnlyPushJournal } from '../auth/authenticate';
import type { Database } from '../db/database';
import { badRequest, issueDetails } from '../http/errors';
import { releaseUnplacedHold, reserveStock } from './stock-reservations';

/**
 * POST /sync/v1/kiosk-reservations: a kiosk reserves an order's pieces
 * before the customer pays (docs/sync-protocol.md, "Kiosk reservations").
 * 200 with `{ reserved: true, lines, repeated }` or `{ reserved: false,
 * refusal }`: a refusal is an answer the kiosk says in words, not an error.
 * Reserved in the kiosk's own store's region, under the order id.
 */
export async function kioskReservationRoute(
  db: Database,
  till: TillPrincipal,
  body: unknown,
): Promise<KioskReservationAnswer> {
  revokedTillMayOnlyPushJournal(till, 'other');
  const request = kioskReservationRequestSchema.safeParse(body);
  if (!request.success)
    throw badRequest('kiosk reservation: { orderId, fulfilment, lines }', issueDetails(request.error.issues));
  const { orderId, fulfilment, lines } = request.data;
  const result = await db.transaction((tx) =>
    reserveStock(tx, {
      orderId,
      fulfilment,
      lines,
      storeCode: till.storeCode,
      tillId: till.tillId,
      via: 'kiosk',
    }),
  );
  return result.ok
    ? { reserved: true, orderId, lines: [...result.value.lines], repeated: result.value.repeated }
    : { reserved: false, refusal: result.error };
}

/**
 * POST /sync/v1/kiosk-reservations/release: the kiosk lets go of an order
 * it will not place (idle reset, declined card). 200 `{ released: n }`; a
 * placed order keeps its holds.
 */
export async function kioskReleaseRoute(
  db: Database,
  till: TillPrincipal,
  body: unknown,
): Promise<{ released: number }> {
  revokedTillMayOnlyPushJournal(till, 'other');
  const request = kioskReservationReleaseSchema.safeParse(body);
  if (!request.success)
    throw badRequest('kiosk reservation release: { orderId }', issueDetails(request.error.issues));
  const released = await db.transaction((tx) =>
    releaseUnplacedHold(tx, request.data.orderId, till.storeCode),
  );
  return { released };
}
