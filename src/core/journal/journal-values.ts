import { z } from 'zod';

// Small value schemas the journal needs. Money and ids get their own core
// modules (src/core/money, src/core/ids); until those land these local
// schemas keep the journal independent of them. They describe the same wire
// shapes, so swapping them later changes no stored entry and no hash.

/** Lower-case canonical UUIDv7, the only spelling accepted, so one id never hashes two ways. */
export const uuidV7Schema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'lower-case UUIDv7');

/** An id minted elsewhere (staff, till registration): opaque, but bounded and printable. */
export const opaqueIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'id: 1-64 characters A-Z a-z 0-9 . _ : -');

export const staffIdSchema = opaqueIdSchema;

/** Integer minor units (cents) of an ISO 4217 currency; floats never touch money. */
export const amountSchema = z.strictObject({
  minor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
});
export type Amount = z.infer<typeof amountSchema>;

/** An amount that moves in one stated direction, so its sign carries no meaning. */
export const positiveAmountSchema = amountSchema.extend({ minor: z.number().int().positive() });

/**
 * A reason a person typed (paid-out, approval): required, and short enough to print.
 * Refuses surrounding spaces instead of trimming them: a schema that rewrites
 * its input would make the stored text differ from the hashed text.
 */
export const reasonSchema = z
  .string()
  .max(200)
  .regex(/^\S(?:[\s\S]*\S)?$/, 'reason: not empty, no leading or trailing spaces');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters');

/** `prevHash` of the first entry of every till: there is nothing before it. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

// Receipt numbers print at least 6 and parse at most 15 sequence digits.
export const MAX_SEQUENCE = 999_999_999_999_999;
export const sequenceSchema = z.number().int().min(1).max(MAX_SEQUENCE);
