import { z } from 'zod';
import { type Immutable, reasonSchema } from '../cart/record-values';

// Why an item came back: a fixed list, so returns can be reported on, plus a
// free note that 'other' must carry.

export const RETURN_REASON_CODES = [
  'damaged',
  'wrong-size',
  'changed-mind',
  'defective',
  'not-as-described',
  /** The customer refused the item at the pickup desk (docs/pickup.md); never offered at the till. */
  'refused-at-pickup',
  'other',
] as const;

export const returnReasonSchema = z
  .strictObject({
    code: z.enum(RETURN_REASON_CODES),
    note: reasonSchema.nullable(),
  })
  .refine((r) => r.code !== 'other' || r.note !== null, {
    message: "reason 'other' needs a note",
    path: ['note'],
  });
export type ReturnReason = Immutable<z.infer<typeof returnReasonSchema>>;
