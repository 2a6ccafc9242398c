import { moneySchema } from './money';

// Money inside journaled records (sales, returns, cash movements, shift
// counts). The records are hashed, so the objects are strict: an unknown key
// is refused rather than silently dropped, which would make the parsed value
// differ from the hashed one. Nothing here transforms its input.

/** `moneySchema` as a strict object. */
export const moneyRecordSchema = moneySchema.unwrap().strict();

/** An amount that must be above zero (a tender, a fixed discount, a cash movement). */
export const positiveMoneyRecordSchema = moneyRecordSchema.refine((m) => m.minor > 0, {
  message: 'amount must be positive',
  path: ['minor'],
});

/** An amount that cannot be below zero (a line total, change given, cash counted). */
export const nonNegativeMoneyRecordSchema = moneyRecordSchema.refine((m) => m.minor >= 0, {
  message: 'amount must not be negative',
  path: ['minor'],
});
