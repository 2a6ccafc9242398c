import { allocateMoney, compareMoney, type Money, money, sumMoney } from '../money';

// A basket discount is shared out over the lines so that each line's VAT rate
// gets its part and the per-rate VAT stays right. Weights are what each line
// still costs after promotions and its own discount ("line gross" as the
// customer sees it). Because the discount is capped at the sum of the
// weights, largest-remainder allocation never gives a line more than its
// weight: floor(d·w/W) ≤ w, and the extra cent only goes where d·w/W is not
// an integer, i.e. where floor(d·w/W) < w. So no line ever goes negative.

/** Shares of `discount` per line, adding up to it exactly (capped at the total of `lineAmounts`). */
export function spreadBasketDiscount(discount: Money, lineAmounts: readonly Money[]): Money[] {
  const base = sumMoney(lineAmounts, discount.currency);
  const zero = money(0, discount.currency);
  if (base.minor <= 0 || discount.minor <= 0) return lineAmounts.map(() => zero);
  const capped = compareMoney(discount, base) > 0 ? base : discount;
  return allocateMoney(
    capped,
    lineAmounts.map((a) => Math.max(a.minor, 0)),
  );
}
