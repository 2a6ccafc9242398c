import { z } from 'zod';
import { textSchema } from '../values/text';

// Small value schemas shared by the cart, sale and return records. The sale
// and return records are journaled and hashed, so every object here is strict
// and nothing transforms its input: the parsed value is the value that was
// hashed. Ids, codes, instants and money records are the core's shared
// definitions, re-exported under the names the records have always used, so
// an approval entry and the sale it approved name the same person the same way.

export { reasonSchema } from '../journal/journal-values';
export {
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  positiveMoneyRecordSchema,
} from '../money/money-record';
export { opaqueIdSchema, staffIdSchema, storeCodeSchema, tillCodeSchema } from '../values/identifiers';
export { instantSchema as timestampSchema } from '../values/instant';

/** Store-configured code ('loyalty', 'damaged-pack', 'price-match'...), stable for reporting. */
export const reasonCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'reason code: a-z 0-9 -');

/** What the cashier typed to explain a discount or a price change ('other' reason), kept with it. */
export const reasonNoteSchema = textSchema('one-line', { min: 1, max: 80 });

/** Percentages are basis points (1500 = 15 %), never floats. */
export const basisPointsSchema = z.number().int().min(1).max(10_000);

/** Read-only all the way down: cart and sale values are never mutated, only replaced. */
export type Immutable<T> = T extends (infer U)[]
  ? readonly Immutable<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;
