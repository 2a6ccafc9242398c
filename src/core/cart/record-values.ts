import { z } from 'zod';
import { moneySchema } from '../money';

// Small value schemas shared by the cart, sale and return records. The sale
// and return records are journaled and hashed, so every object here is strict
// and nothing transforms its input: the parsed value is the value that was
// hashed. Staff and other opaque ids use the journal's spelling so that an
// approval entry and the sale it approved name the same person the same way.

export { opaqueIdSchema, reasonSchema, staffIdSchema } from '../journal/journal-values';
export { storeCodeSchema, tillCodeSchema } from '../journal/receipt-number';

/** `moneySchema` as a strict object: an unknown key is refused rather than silently dropped. */
export const moneyRecordSchema = moneySchema.unwrap().strict();

/** An amount that must be above zero (a tender, a fixed discount, a promotion price). */
export const positiveMoneyRecordSchema = moneyRecordSchema.refine((m) => m.minor > 0, {
  message: 'amount must be positive',
  path: ['minor'],
});

/** An amount that cannot be below zero (a line total, change given). */
export const nonNegativeMoneyRecordSchema = moneyRecordSchema.refine((m) => m.minor >= 0, {
  message: 'amount must not be negative',
  path: ['minor'],
});

/** The caller's clock, ISO-8601 with offset; the core never reads a clock itself. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** Store-configured code ('loyalty', 'damaged-pack', 'price-match'...), stable for reporting. */
export const reasonCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'reason code: a-z 0-9 -');

/** Percentages are basis points (1500 = 15 %), never floats. */
export const basisPointsSchema = z.number().int().min(1).max(10_000);

/** Read-only all the way down: cart and sale values are never mutated, only replaced. */
export type Immutable<T> = T extends (infer U)[]
  ? readonly Immutable<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;
