import { z } from 'zod';

// Small value schemas shared by kiosk orders, click-and-collect orders and
// handovers. None of them transforms its input: a parsed order is exactly the
// order that was stored, signed or journaled, so hashes and signatures over it
// stay valid after a round trip. Builders normalise user input (trim, phone
// format) before they validate.

/** An id minted elsewhere (staff, till or kiosk registration, order line): opaque, bounded, printable. */
export const opaqueIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'id: 1-64 characters A-Z a-z 0-9 . _ : -');

export const staffIdSchema = opaqueIdSchema;
export const tillIdSchema = opaqueIdSchema;
export const kioskIdSchema = opaqueIdSchema;
/** Identifies a line inside its order; handovers point at lines with it. */
export const lineIdSchema = opaqueIdSchema;

/** Same shape as the journal's store code, so receipts and orders name a store the same way. */
export const storeCodeSchema = z.string().regex(/^[A-Z0-9]{2,8}$/, 'store code: 2-8 characters A-Z 0-9');

/**
 * Instant with an explicit offset ("2025-03-01T10:15:00+01:00" or "...Z").
 * Compare instants with `Date.parse`, never as strings: offsets and
 * fractional seconds break lexicographic order.
 */
export const instantSchema = z.iso.datetime({ offset: true });

/** Text a person typed (name, street): not blank, no surrounding spaces, bounded, one line. */
export function personTextSchema(max: number) {
  return z
    .string()
    .max(max)
    .regex(
      /^[^\s\p{Cc}](?:[^\p{Cc}\p{Zl}\p{Zp}]*[^\s\p{Cc}])?$/u,
      'text: not blank, one line, no leading or trailing spaces',
    );
}

/** ISO 3166-1 alpha-2 country code, upper case ("FR", "BE"). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country: ISO 3166-1 alpha-2 code such as FR');

/** Compares two instants that passed `instantSchema`: negative, zero or positive like a sort comparator. */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** The web shop's own order number ("100234", "#WEB-2025-000123"): the import's idempotency key. */
export const webOrderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9#][A-Za-z0-9._:#/-]{0,63}$/, 'web order id: 1-64 characters A-Z a-z 0-9 . _ : # / -');
