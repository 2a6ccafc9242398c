import { z } from 'zod';
import { moneyRecordSchema, positiveMoneyRecordSchema } from '../money/money-record';
import { textSchema } from '../values/text';

// Small value schemas the journal needs. Ids, codes and amounts are the core's
// shared definitions (src/core/values, src/core/ids, src/core/money), re-exported
// under the names the journal has always used: they describe the same wire
// shapes as the local copies they replaced, so no stored entry or hash changed.

export { uuidV7Schema } from '../ids/uuid-v7';
export { opaqueIdSchema, staffIdSchema } from '../values/identifiers';

/** Integer minor units (cents) of an ISO 4217 currency, as a strict object; floats never touch money. */
export const amountSchema = moneyRecordSchema;
export type Amount = z.infer<typeof amountSchema>;

/** An amount that moves in one stated direction, so its sign carries no meaning. */
export const positiveAmountSchema = positiveMoneyRecordSchema;

/**
 * A reason a person typed (paid-out, approval, void, return note): required,
 * short enough to print, line breaks allowed. Refuses surrounding spaces
 * instead of trimming them: a schema that rewrites its input would make the
 * stored text differ from the hashed text.
 */
export const reasonSchema = textSchema('multi-line', { max: 200 }).regex(
  /^\S(?:[\s\S]*\S)?$/,
  'reason: not empty, no leading or trailing spaces',
);

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters');

/** `prevHash` of the first entry of every till: there is nothing before it. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

// Receipt numbers print at least 6 and parse at most 15 sequence digits.
export const MAX_SEQUENCE = 999_999_999_999_999;
export const sequenceSchema = z.number().int().min(1).max(MAX_SEQUENCE);
