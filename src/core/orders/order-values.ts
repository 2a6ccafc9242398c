import { z } from 'zod';
import { opaqueIdSchema } from '../values/identifiers';
import { textSchema } from '../values/text';

// Small value schemas shared by kiosk orders, click-and-collect orders and
// handovers. None of them transforms its input: a parsed order is exactly the
// order that was stored, signed or journaled, so hashes and signatures over it
// stay valid after a round trip. Builders normalise user input (trim, phone
// format) before they validate. Ids, store codes and instants are the core's
// shared definitions, so receipts, the journal and orders spell them alike.

export { opaqueIdSchema, staffIdSchema, storeCodeSchema } from '../values/identifiers';
export { compareInstants, instantSchema } from '../values/instant';

export const tillIdSchema = opaqueIdSchema;
export const kioskIdSchema = opaqueIdSchema;
/** Identifies a line inside its order; handovers point at lines with it. */
export const lineIdSchema = opaqueIdSchema;

/** Text a person typed (name, street): not blank, no surrounding spaces, bounded, one line. */
export function personTextSchema(max: number) {
  return textSchema('one-line', { max }).regex(
    /^\S(?:[\s\S]*\S)?$/,
    'text: not blank, one line, no leading or trailing spaces',
  );
}

/** ISO 3166-1 alpha-2 country code, upper case ("FR", "BE"). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country: ISO 3166-1 alpha-2 code such as FR');

/** The web shop's own order number ("100234", "#WEB-2025-000123"): the import's idempotency key. */
export const webOrderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9#][A-Za-z0-9._:#/-]{0,63}$/, 'web order id: 1-64 characters A-Z a-z 0-9 . _ : # / -');
