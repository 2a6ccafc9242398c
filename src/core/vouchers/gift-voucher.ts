import { z } from 'zod';
import { uuidV7Schema } from '../ids';
import { currencyCodeSchema } from '../money/currency';
import { opaqueIdSchema, storeCodeSchema } from '../values/identifiers';
import { instantSchema } from '../values/instant';
import { giftVoucherCodeSchema } from './gift-voucher-code';

// A gift voucher as the server knows it, replicated to every till of the
// store that sold it (collection `vouchers`, server-owned), so any of them can
// take it offline. The server writes it from the journal: the sale that
// issued it and every sale that spent part of it (voucher tenders). It is a
// projection, never edited by a till: a till adds what its own journal holds
// and the server does not know yet (voucher-standing.ts).

const amountSchema = z.strictObject({ minor: z.number().int(), currency: currencyCodeSchema });

export const voucherRedemptionSchema = z.strictObject({
  saleId: uuidV7Schema,
  tenderId: uuidV7Schema,
  tillId: opaqueIdSchema,
  amount: amountSchema,
  at: instantSchema,
});
export type VoucherRedemption = z.infer<typeof voucherRedemptionSchema>;

export const giftVoucherSchema = z.strictObject({
  /** The code itself: one document per voucher. */
  id: giftVoucherCodeSchema,
  storeCode: storeCodeSchema,
  faceValue: amountSchema,
  issuedAt: instantSchema,
  issuedSaleId: uuidV7Schema,
  issuedTillId: opaqueIdSchema,
  /** Every spend the server holds, in arrival order. */
  redemptions: z.array(voucherRedemptionSchema).max(500),
  /** Face value − redemptions; negative when tills spent more than it held offline. */
  remaining: amountSchema,
  /** Spent beyond its value: an incident is open for it (docs/gift-vouchers.md). */
  overRedeemed: z.boolean(),
});
export type GiftVoucher = z.infer<typeof giftVoucherSchema>;
