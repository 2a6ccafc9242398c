import { z } from 'zod';
import { productIdSchema } from '../catalog/product';
import { uuidV7Schema } from '../ids/uuid-v7';
import { err, ok, type Result } from '../result';
import { storeCodeSchema } from '../values/identifiers';
import type { KioskFulfilment } from './kiosk-order';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order-line';

// The last units of a product are reserved against concurrent orders by the
// server (POST /sync/v1/kiosk-reservations, docs/kiosk-data.md): before the
// customer pays, the kiosk asks for the order's pieces at the places the
// product page chose (or lets the server choose), keyed by the order id. The
// server answers with the places it reserved, or refuses in a value the
// kiosk says in words (`kiosk.refusal.<code>` in the locales).
//
// An order the kiosk placed offline reaches the server through the journal
// with no reservation: the server then reserves it by the same rule
// (`allocateStock`), and when the stock no longer covers it the order is
// kept, flagged for the staff (journal incident `kiosk-order-stock-short`).

const locationCodeSchema = z.string().regex(/^[A-Z0-9-]{2,16}$/);

export const reservationLineSchema = z.strictObject({
  productId: productIdSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** Where the pieces are taken from; absent: the server chooses (allocateStock). */
  locationCode: locationCodeSchema.optional(),
});
export type ReservationLine = z.infer<typeof reservationLineSchema>;

/** How the customer gets the order: where it is picked up, or home delivery. */
export const reservationFulfilmentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('store-pickup'), storeCode: storeCodeSchema }),
  z.strictObject({ type: z.literal('home-delivery') }),
]);
export type ReservationFulfilment = z.infer<typeof reservationFulfilmentSchema>;

export const kioskReservationRequestSchema = z.strictObject({
  /** The kiosk order's id (UUIDv7), minted before the reservation: the order journaled later carries it. */
  orderId: uuidV7Schema,
  fulfilment: reservationFulfilmentSchema,
  lines: z.array(reservationLineSchema).min(1).max(MAX_ORDER_LINES),
});
export type KioskReservationRequest = z.infer<typeof kioskReservationRequestSchema>;

/** The kiosk lets go of an order it will not place (POST /sync/v1/kiosk-reservations/release). */
export const kioskReservationReleaseSchema = z.strictObject({ orderId: uuidV7Schema });

export const reservedLineSchema = z.strictObject({
  productId: productIdSchema,
  quantity: z.number().int().min(1),
  locationCode: locationCodeSchema,
});
export type ReservedLine = z.infer<typeof reservedLineSchema>;

export const stockShortageSchema = z.strictObject({
  productId: productIdSchema,
  wanted: z.number().int().min(1),
  /** The most any one place can still give (0: none anywhere, or none at the place asked for). */
  available: z.number().int().min(0),
  locationCode: locationCodeSchema.optional(),
});
export type StockShortage = z.infer<typeof stockShortageSchema>;

/**
 * Why the server refused a reservation. The kiosk adds `server-unreachable`
 * when it got no answer (then it may place the order offline, to be
 * confirmed by the staff).
 */
export const KIOSK_RESERVATION_REFUSAL_CODES = [
  'stock-short',
  'unknown-location',
  'reservation-conflict',
  'server-unreachable',
] as const;
export type KioskReservationRefusalCode = (typeof KIOSK_RESERVATION_REFUSAL_CODES)[number];

export const kioskReservationRefusalSchema = z.discriminatedUnion('code', [
  /** The stock cannot cover some lines: each with what is wanted and what is left. */
  z.strictObject({ code: z.literal('stock-short'), shortages: z.array(stockShortageSchema).min(1) }),
  /** A line names a place this store does not order from. */
  z.strictObject({ code: z.literal('unknown-location'), locationCode: locationCodeSchema }),
  /** The order id was reserved before with other lines. */
  z.strictObject({ code: z.literal('reservation-conflict') }),
  z.strictObject({ code: z.literal('server-unreachable') }),
]);
export type KioskReservationRefusal = z.infer<typeof kioskReservationRefusalSchema>;

/** The server's answer (HTTP 200 either way: a refusal is an answer, not a failure). */
export const kioskReservationAnswerSchema = z.discriminatedUnion('reserved', [
  z.strictObject({
    reserved: z.literal(true),
    orderId: uuidV7Schema,
    lines: z.array(reservedLineSchema),
    /** The same reservation asked again (a retry): nothing more was reserved. */
    repeated: z.boolean(),
  }),
  z.strictObject({ reserved: z.literal(false), refusal: kioskReservationRefusalSchema }),
]);
export type KioskReservationAnswer = z.infer<typeof kioskReservationAnswerSchema>;

/** The i18n key of a refusal's words for the customer. */
export const kioskRefusalWordsKey = (code: KioskReservationRefusalCode) => `kiosk.refusal.${code}` as const;

/** A place that holds stock, as the server knows it (stock_locations). */
export interface StockPlace {
  readonly code: string;
  readonly kind: 'store' | 'warehouse';
}

/**
 * The places to take a line from, best first: a pickup takes from the
 * pickup store's shelf, then the warehouses, then the other stores; a home
 * delivery from the warehouses, then the kiosk's own store, then the others.
 */
export function placePreference(
  places: readonly StockPlace[],
  fulfilment: ReservationFulfilment,
  kioskStore: string,
): string[] {
  const first = fulfilment.type === 'store-pickup' ? fulfilment.storeCode : kioskStore;
  const rank = (place: StockPlace) => {
    if (fulfilment.type === 'store-pickup')
      return place.code === first ? 0 : place.kind === 'warehouse' ? 1 : 2;
    return place.kind === 'warehouse' ? 0 : place.code === first ? 1 : 2;
  };
  return [...places]
    .sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((place) => place.code);
}

const key = (locationCode: string, productId: string) => `${locationCode}\u0000${productId}`;

/**
 * Chooses where each line's pieces come from, given what every place can
 * still give (`available`: stock minus what other orders hold, by
 * `availableKey`). A line is never split between places. Lines of the same
 * product count together at a place. All or nothing: any line that cannot
 * be covered refuses the whole reservation with every shortage.
 */
export function allocateStock(
  lines: readonly ReservationLine[],
  preference: readonly string[],
  available: ReadonlyMap<string, number>,
): Result<ReservedLine[], KioskReservationRefusal> {
  const left = new Map(available);
  const reserved: ReservedLine[] = [];
  const shortages: StockShortage[] = [];
  const known = new Set(preference);
  for (const line of lines) {
    if (line.locationCode !== undefined && !known.has(line.locationCode))
      return err({ code: 'unknown-location', locationCode: line.locationCode });
    const candidates = line.locationCode === undefined ? preference : [line.locationCode];
    const from = candidates.find((code) => (left.get(key(code, line.productId)) ?? 0) >= line.quantity);
    if (from === undefined) {
      const most = Math.max(0, ...candidates.map((code) => left.get(key(code, line.productId)) ?? 0));
      shortages.push({
        productId: line.productId,
        wanted: line.quantity,
        available: most,
        ...(line.locationCode === undefined ? {} : { locationCode: line.locationCode }),
      });
      continue;
    }
    left.set(key(from, line.productId), (left.get(key(from, line.productId)) ?? 0) - line.quantity);
    const same = reserved.findIndex((r) => r.productId === line.productId && r.locationCode === from);
    const merged = reserved[same];
    if (merged) reserved[same] = { ...merged, quantity: merged.quantity + line.quantity };
    else reserved.push({ productId: line.productId, quantity: line.quantity, locationCode: from });
  }
  return shortages.length > 0 ? err({ code: 'stock-short', shortages }) : ok(reserved);
}

/** The key of `allocateStock`'s `available` map. */
export const availableKey = key;

/** A journaled kiosk order's fulfilment as a reservation's (the journal path). */
export function reservationFulfilmentOf(fulfilment: KioskFulfilment): ReservationFulfilment {
  return fulfilment.type === 'store-pickup'
    ? { type: 'store-pickup', storeCode: fulfilment.storeCode }
    : { type: 'home-delivery' };
}
