import { z } from 'zod';
import { positiveAmountSchema, reasonSchema, staffIdSchema } from './journal-values';

// Cash that enters or leaves the drawer outside a sale. The amount is always
// positive and the type says which way it moves, so a sign error cannot turn
// a paid-out into a paid-in unnoticed.

const movement = { amount: positiveAmountSchema, staffId: staffIdSchema };

export const cashMovementPayloadSchema = z.discriminatedUnion('type', [
  /** Change brought to the drawer (from the safe or the bank). */
  z.strictObject({ type: z.literal('float-in'), ...movement }),
  /** Change taken back out of the drawer. */
  z.strictObject({ type: z.literal('float-out'), ...movement }),
  /** Takings moved from the drawer to the safe during the shift. */
  z.strictObject({ type: z.literal('safe-drop'), ...movement }),
  /** Cash received that is not a sale (e.g. a supplier refund): needs a reason. */
  z.strictObject({ type: z.literal('paid-in'), ...movement, reason: reasonSchema }),
  /** Cash paid out that is not a refund (e.g. a delivery tip, window cleaner): needs a reason. */
  z.strictObject({ type: z.literal('paid-out'), ...movement, reason: reasonSchema }),
]);

export type CashMovementPayload = z.infer<typeof cashMovementPayloadSchema>;
export type CashMovementType = CashMovementPayload['type'];

const DRAWER_DIRECTION = {
  'float-in': 1,
  'float-out': -1,
  'safe-drop': -1,
  'paid-in': 1,
  'paid-out': -1,
} as const satisfies Record<CashMovementType, 1 | -1>;

/** Signed effect on the expected drawer cash, in minor units, for the end-of-shift count. */
export function drawerEffectMinor(movement: Pick<CashMovementPayload, 'type' | 'amount'>): number {
  return DRAWER_DIRECTION[movement.type] * movement.amount.minor;
}
