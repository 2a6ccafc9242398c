import { z } from 'zod';
import { reasonSchema, staffIdSchema } from './journal-values';

// The cash drawer opened with no sale (to make change, to check the float):
// no money moves on paper, so the opening itself is the record. When the
// cashier needed an approval, a `manager.approval` entry comes before it.

export const drawerNoSalePayloadSchema = z.strictObject({
  staffId: staffIdSchema,
  /** Who allowed it: the supervisor or manager who approved, or `staffId` when the role may do it alone. */
  approverStaffId: staffIdSchema,
  reason: reasonSchema,
});
export type DrawerNoSalePayload = z.infer<typeof drawerNoSalePayloadSchema>;
