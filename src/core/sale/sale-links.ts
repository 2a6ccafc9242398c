import { z } from 'zod';
import { uuidV7Schema } from '../ids';
import { pickupCodeSchema } from '../orders/pickup-code';
import { opaqueIdSchema } from '../values/identifiers';
import { giftVoucherCodeSchema } from '../vouchers/gift-voucher-code';

// What a sale record may say beyond its lines and tenders (both optional, so
// every record written before them stays valid and hashes the same):
// - `kioskOrder`: the sale paid a kiosk order's ticket at the till; the
//   server marks that order paid, once (docs/kiosk-tickets.md);
// - `clickCollectOrder`: the sale paid a click-and-collect order at pickup
//   (the desk's card, or a till); the server writes the payment on the order,
//   once (docs/pickup.md, "Paid at pickup");
// - `vouchersIssued`: gift vouchers this sale sold, each on its own
//   open-price line; the server makes them known to every till of the store
//   (docs/gift-vouchers.md).

export const kioskOrderLinkSchema = z.strictObject({
  orderId: uuidV7Schema,
  /** The kiosk that signed the ticket (its till id). */
  kioskId: opaqueIdSchema,
  /** SHA-256 (hex) of the ticket's payload text: which printed ticket was paid. */
  ticketSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type KioskOrderLink = z.infer<typeof kioskOrderLinkSchema>;

export const clickCollectOrderLinkSchema = z.strictObject({
  orderId: uuidV7Schema,
  /** The order's pickup code, as the receipt and the back office show it. */
  pickupCode: pickupCodeSchema,
});
export type ClickCollectOrderLink = z.infer<typeof clickCollectOrderLinkSchema>;

export const issuedVoucherSchema = z.strictObject({
  /** The open-price line that sold it: its net is the voucher's value. */
  lineId: uuidV7Schema,
  code: giftVoucherCodeSchema,
});
export type IssuedVoucher = z.infer<typeof issuedVoucherSchema>;

export const MAX_VOUCHERS_PER_SALE = 20;

export const saleLinksShape = {
  kioskOrder: kioskOrderLinkSchema.optional(),
  clickCollectOrder: clickCollectOrderLinkSchema.optional(),
  vouchersIssued: z.array(issuedVoucherSchema).min(1).max(MAX_VOUCHERS_PER_SALE).optional(),
};

export interface SaleLinks {
  readonly kioskOrder?: KioskOrderLink;
  readonly clickCollectOrder?: ClickCollectOrderLink;
  readonly vouchersIssued?: readonly IssuedVoucher[];
}

/**
 * The links that still hold for `lines` when the sale completes: a voucher
 * whose line was voided is not sold. Absent members stay absent.
 */
export function linksForLines(
  lines: readonly { readonly lineId: string; readonly voided: unknown }[],
  links: SaleLinks,
): SaleLinks {
  const active = new Set(lines.filter((l) => l.voided === null).map((l) => l.lineId));
  const vouchers = (links.vouchersIssued ?? []).filter((v) => active.has(v.lineId));
  return {
    ...(links.kioskOrder ? { kioskOrder: links.kioskOrder } : {}),
    ...(links.clickCollectOrder ? { clickCollectOrder: links.clickCollectOrder } : {}),
    ...(vouchers.length > 0 ? { vouchersIssued: vouchers } : {}),
  };
}
