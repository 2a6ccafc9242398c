import { z } from 'zod';
import type { Cart } from '../cart/cart';
import { isActive } from '../cart/cart-line';
import { type PricedCart, priceCart } from '../cart/cart-pricing';
import { staffIdSchema, storeCodeSchema, tillCodeSchema, timestampSchema } from '../cart/record-values';
import { uuidV7Schema } from '../ids';
import { addMoney, type Money, money, moneyEquals } from '../money';
import { err, ok, type Result } from '../result';
import {
  type AppliedPromotion,
  type CompletedSale,
  completedSaleSchema,
  type SaleLine,
} from './completed-sale';
import { deepFreeze } from './deep-freeze';
import { cashRoundingOf, changeDue, type Payment, remainingDue } from './payment';
import type { CompleteSaleError } from './sale-errors';
import type { SaleLinks } from './sale-links';
import { toVatTable } from './vat-table';

// Turns a priced cart and a settled payment into the frozen sale record. The
// caller passes the ids and timestamps (the core reads no clock), then
// journals the record as 'sale.completed'.

export const saleDetailsSchema = z.strictObject({
  saleId: uuidV7Schema,
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  staffId: staffIdSchema,
  startedAt: timestampSchema,
  completedAt: timestampSchema,
});
export type SaleDetails = z.infer<typeof saleDetailsSchema>;

function saleLines(cart: Cart, priced: PricedCart): SaleLine[] {
  const zero = money(0, cart.currency);
  return cart.lines.map((line) => {
    const p = isActive(line) ? priced.lines.find((l) => l.line.lineId === line.lineId) : undefined;
    return {
      ...line,
      promotions: p
        ? p.promotions.map(({ promotionId, label, amount }) => ({ promotionId, label, amount }))
        : [],
      promotionDiscount: p ? p.promotionDiscount : zero,
      lineDiscount: p ? p.lineDiscount : zero,
      basketDiscountShare: p ? p.basketDiscountShare : zero,
      net: p ? p.net : zero,
    };
  });
}

function promotionSummary(lines: readonly SaleLine[]): AppliedPromotion[] {
  const byId = new Map<string, AppliedPromotion>();
  for (const promotion of lines.flatMap((l) => l.promotions)) {
    const previous = byId.get(promotion.promotionId);
    byId.set(
      promotion.promotionId,
      previous ? { ...previous, amount: addMoney(previous.amount, promotion.amount) } : promotion,
    );
  }
  return [...byId.values()].sort((a, b) => (a.promotionId < b.promotionId ? -1 : 1));
}

/** The completed sale, or why it cannot complete yet. */
export function completeSale(
  cart: Cart,
  payment: Payment,
  details: SaleDetails,
  /** A kiosk order paid, gift vouchers sold: absent members stay absent from the record. */
  links: SaleLinks = {},
): Result<CompletedSale, CompleteSaleError> {
  const checked = saleDetailsSchema.safeParse(details);
  if (!checked.success) return err({ code: 'invalid-sale-details', message: checked.error.message });
  const priced = priceCart(cart);
  if (priced.lines.length === 0) return err({ code: 'empty-sale' });
  const pending = priced.awaitingApproval[0];
  if (pending !== undefined) return err({ code: 'discount-awaiting-approval', lineId: pending });
  const total: Money = priced.totals.total;
  if (!moneyEquals(payment.due, total)) return err({ code: 'payment-due-mismatch', due: payment.due, total });
  const remaining = remainingDue(payment);
  if (remaining.minor !== 0) return err({ code: 'tenders-do-not-cover-total', remaining });

  const lines = saleLines(cart, priced);
  const record = {
    ...checked.data,
    currency: cart.currency,
    lines,
    basketDiscount: cart.basketDiscount
      ? { discount: cart.basketDiscount, amount: priced.totals.basketDiscount }
      : null,
    promotions: promotionSummary(lines),
    totals: priced.totals,
    vat: toVatTable(priced.vat),
    tenders: payment.tenders,
    change: changeDue(payment),
    cashRounding: cashRoundingOf(payment),
    ...(links.kioskOrder ? { kioskOrder: links.kioskOrder } : {}),
    ...(links.clickCollectOrder ? { clickCollectOrder: links.clickCollectOrder } : {}),
    ...(links.vouchersIssued && links.vouchersIssued.length > 0
      ? { vouchersIssued: links.vouchersIssued }
      : {}),
  };
  // The builder and the validator the server runs must agree; if they do not, that is a bug to report.
  const valid = completedSaleSchema.safeParse(record);
  if (!valid.success) return err({ code: 'invalid-sale-record', message: valid.error.message });
  return ok(deepFreeze(valid.data));
}
