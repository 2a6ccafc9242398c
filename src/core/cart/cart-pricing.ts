import { type Money, money, subtractMoney, sumMoney } from '../money';
import { type VatBreakdown, vatBreakdown } from '../tax';
import { spreadBasketDiscount } from './basket-discount';
import { activeLines, type Cart } from './cart';
import type { CartLine } from './cart-line';
import { discountAmount, isAwaitingApproval } from './discount';
import { applyPromotions, type PromotionDiscount } from './promotion-engine';

// Prices a cart. Order of application, each step on what the previous left:
//   gross → promotions → the line's own discount → its share of the basket
//   discount → net (what the customer pays for the line).
// VAT is then worked out per rate on the nets, so every discount lowers the
// VAT of the rate it was taken from, and the figures per rate add up to the
// total to the cent (see docs/tax-rounding.md).

export interface PricedLine {
  readonly line: CartLine;
  readonly promotions: readonly PromotionDiscount[];
  readonly promotionDiscount: Money;
  readonly lineDiscount: Money;
  readonly basketDiscountShare: Money;
  /** What the customer pays for this line; never negative. */
  readonly net: Money;
}

export interface CartTotals {
  readonly gross: Money;
  readonly promotionDiscount: Money;
  readonly lineDiscount: Money;
  readonly basketDiscount: Money;
  readonly totalDiscount: Money;
  /** gross − totalDiscount = the sum of the line nets: the amount due. */
  readonly total: Money;
}

export interface PricedCart {
  readonly currency: Cart['currency'];
  /** Active lines only, in cart order. */
  readonly lines: readonly PricedLine[];
  readonly totals: CartTotals;
  readonly vat: VatBreakdown;
  /** Discounts still waiting for a manager: a line id, or null for the basket discount. */
  readonly awaitingApproval: readonly (string | null)[];
}

export function priceCart(cart: Cart): PricedCart {
  const currency = cart.currency;
  const zero = money(0, currency);
  const lines = activeLines(cart);
  const promotions = applyPromotions(lines, cart.promotions);

  const afterLineDiscount = lines.map((line) => {
    const own = promotions.filter((p) => p.lineId === line.lineId);
    const promotionDiscount = sumMoney(
      own.map((p) => p.amount),
      currency,
    );
    const afterPromotions = subtractMoney(line.gross, promotionDiscount);
    const lineDiscount = line.discount ? discountAmount(line.discount.value, afterPromotions) : zero;
    return {
      line,
      promotions: own,
      promotionDiscount,
      lineDiscount,
      rest: subtractMoney(afterPromotions, lineDiscount),
    };
  });

  const basketBase = sumMoney(
    afterLineDiscount.map((l) => l.rest),
    currency,
  );
  const basketDiscount = cart.basketDiscount ? discountAmount(cart.basketDiscount.value, basketBase) : zero;
  const shares = spreadBasketDiscount(
    basketDiscount,
    afterLineDiscount.map((l) => l.rest),
  );

  const priced: PricedLine[] = afterLineDiscount.map(({ rest, ...l }, i) => {
    const basketDiscountShare = shares[i] ?? zero;
    return { ...l, basketDiscountShare, net: subtractMoney(rest, basketDiscountShare) };
  });

  const sum = (pick: (l: PricedLine) => Money): Money => sumMoney(priced.map(pick), currency);
  const gross = sum((l) => l.line.gross);
  const total = sum((l) => l.net);
  const totals: CartTotals = {
    gross,
    promotionDiscount: sum((l) => l.promotionDiscount),
    lineDiscount: sum((l) => l.lineDiscount),
    basketDiscount: sum((l) => l.basketDiscountShare),
    totalDiscount: subtractMoney(gross, total),
    total,
  };

  const awaitingApproval: (string | null)[] = lines
    .filter((l) => l.discount !== null && isAwaitingApproval(l.discount))
    .map((l) => l.lineId);
  if (cart.basketDiscount && isAwaitingApproval(cart.basketDiscount)) awaitingApproval.push(null);

  return {
    currency,
    lines: priced,
    totals,
    vat: vatBreakdown(
      priced.map((l) => ({ grossMinor: l.net.minor, vatRateBps: l.line.vatRateBps })),
      currency,
    ),
    awaitingApproval,
  };
}
