import {
  addMoney,
  allocateMoney,
  compareMoney,
  type Money,
  money,
  multiplyMoney,
  percentageOf,
  subtractMoney,
  sumMoney,
} from '../money';
import { type LineMeasure, unitsOf } from './cart-line';
import { type Promotion, targets } from './promotion';

// Deterministic promotion engine. How overlaps are resolved:
//
// 1. Non-stackable promotions compete for units. Each round, every remaining
//    promotion is priced on the units no earlier winner has used; the one
//    giving the customer the largest total discount wins (ties: smaller id),
//    takes the units of every group it discounted, and leaves the race. Rounds
//    go on until no promotion gives anything. So a unit is discounted by at
//    most one non-stackable promotion: no stacking unless flagged.
// 2. Stackable promotions then apply on top, in id order, each on all units,
//    capped so that no line goes below zero.
//
// Within a count-based promotion ("3 for 2", "2nd at −50 %", "2 for 5 €") the
// eligible units are sorted dearest first and cut into consecutive groups;
// the cheapest unit(s) of each full group get the discount. That is the usual
// "cheapest item free" rule, and it frees the dearest units it can.
// Count-based promotions count pieces only; a weighed or price-labelled line
// can get a percent-off promotion but never makes up a "3 for 2".
// The result does not depend on the order of the promotions list.

export interface PromotableLine {
  readonly lineId: string;
  readonly productId: string;
  readonly category: string;
  readonly unitPrice: Money;
  readonly measure: LineMeasure;
  readonly gross: Money;
}

/** One promotion's discount on one line, for the receipt ("3 pour 2 yaourts −1,20 €"). */
export interface PromotionDiscount {
  readonly lineId: string;
  readonly promotionId: string;
  readonly label: string;
  readonly amount: Money;
}

interface Unit {
  readonly lineIndex: number;
  readonly price: Money;
}

interface Evaluation {
  readonly discounts: readonly Money[];
  readonly consumed: readonly number[];
  readonly total: Money;
}

type CountBased = Exclude<Promotion, { kind: 'percent-off' }>;

function groupSize(promotion: CountBased): number {
  switch (promotion.kind) {
    case 'buy-n-pay-m':
      return promotion.buy;
    case 'nth-item-off':
      return promotion.nth;
    case 'quantity-price':
      return promotion.quantity;
  }
}

/** Discount per unit of one full group, units sorted dearest first. */
function groupDiscounts(promotion: CountBased, group: readonly Unit[], zero: Money): Money[] {
  switch (promotion.kind) {
    case 'buy-n-pay-m':
      return group.map((unit, k) => (k >= promotion.pay ? unit.price : zero));
    case 'nth-item-off':
      return group.map((unit, k) =>
        k === group.length - 1 ? percentageOf(unit.price, promotion.offBps) : zero,
      );
    case 'quantity-price': {
      const excess = subtractMoney(
        sumMoney(
          group.map((u) => u.price),
          zero.currency,
        ),
        promotion.price,
      );
      // Spread by unit price so each line's VAT share stays right; a share never exceeds its unit price.
      if (excess.minor <= 0) return group.map(() => zero);
      return allocateMoney(
        excess,
        group.map((u) => u.price.minor),
      );
    }
  }
}

function evaluateCountBased(
  promotion: CountBased,
  lines: readonly PromotableLine[],
  available: readonly number[],
  zero: Money,
): Evaluation {
  const discounts = lines.map(() => zero);
  const consumed = lines.map(() => 0);
  if (promotion.kind === 'quantity-price' && promotion.price.currency !== zero.currency) {
    return { discounts, consumed, total: zero };
  }
  const units: Unit[] = [];
  lines.forEach((line, lineIndex) => {
    if (line.measure.kind !== 'pieces' || !targets(promotion.target, line)) return;
    for (let k = 0; k < (available[lineIndex] ?? 0); k++) units.push({ lineIndex, price: line.unitPrice });
  });
  units.sort((a, b) => compareMoney(b.price, a.price) || a.lineIndex - b.lineIndex);

  const size = groupSize(promotion);
  let total = zero;
  for (let start = 0; start + size <= units.length; start += size) {
    const group = units.slice(start, start + size);
    const perUnit = groupDiscounts(promotion, group, zero);
    const groupTotal = sumMoney(perUnit, zero.currency);
    if (groupTotal.minor <= 0) continue;
    total = addMoney(total, groupTotal);
    group.forEach((unit, k) => {
      discounts[unit.lineIndex] = addMoney(discounts[unit.lineIndex] ?? zero, perUnit[k] ?? zero);
      consumed[unit.lineIndex] = (consumed[unit.lineIndex] ?? 0) + 1;
    });
  }
  return { discounts, consumed, total };
}

function evaluatePercentOff(
  promotion: Extract<Promotion, { kind: 'percent-off' }>,
  lines: readonly PromotableLine[],
  bases: readonly (Money | null)[],
  zero: Money,
): Evaluation {
  const discounts = lines.map((line, i) => {
    const base = bases[i];
    return base && targets(promotion.target, line) ? percentageOf(base, promotion.offBps) : zero;
  });
  const consumed = lines.map((line, i) => ((discounts[i]?.minor ?? 0) > 0 ? unitsOf(line.measure) : 0));
  return { discounts, consumed, total: sumMoney(discounts, zero.currency) };
}

/** What a non-stackable percent-off may still discount: the units no other promotion took. */
function untouchedBases(lines: readonly PromotableLine[], available: readonly number[]): (Money | null)[] {
  return lines.map((line, i) => {
    const free = available[i] ?? 0;
    if (free <= 0) return null;
    return line.measure.kind === 'pieces' ? multiplyMoney(line.unitPrice, free) : line.gross;
  });
}

function evaluate(
  promotion: Promotion,
  lines: readonly PromotableLine[],
  available: readonly number[],
  percentBases: readonly (Money | null)[],
  zero: Money,
): Evaluation {
  return promotion.kind === 'percent-off'
    ? evaluatePercentOff(promotion, lines, percentBases, zero)
    : evaluateCountBased(promotion, lines, available, zero);
}

/** Discounts per line and promotion, in line order then in the order the promotions were applied. */
export function applyPromotions(
  lines: readonly PromotableLine[],
  promotions: readonly Promotion[],
): PromotionDiscount[] {
  const first = lines[0];
  if (!first) return [];
  const zero = money(0, first.gross.currency);
  const byId = [...promotions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const applied: { promotion: Promotion; discounts: readonly Money[] }[] = [];
  const lineDiscounts = lines.map(() => zero);
  const record = (promotion: Promotion, discounts: readonly Money[]): void => {
    applied.push({ promotion, discounts });
    discounts.forEach((d, i) => {
      lineDiscounts[i] = addMoney(lineDiscounts[i] ?? zero, d);
    });
  };

  // Phase 1: non-stackable promotions race for units, best total first.
  const available = lines.map((line) => unitsOf(line.measure));
  let contenders = byId.filter((p) => !p.stackable);
  while (contenders.length > 0) {
    const bases = untouchedBases(lines, available);
    let best: { promotion: Promotion; evaluation: Evaluation } | null = null;
    for (const promotion of contenders) {
      const evaluation = evaluate(promotion, lines, available, bases, zero);
      if (best === null || compareMoney(evaluation.total, best.evaluation.total) > 0)
        best = { promotion, evaluation };
    }
    if (best === null || best.evaluation.total.minor <= 0) break;
    const winner = best;
    record(winner.promotion, winner.evaluation.discounts);
    winner.evaluation.consumed.forEach((used, i) => {
      available[i] = (available[i] ?? 0) - used;
    });
    contenders = contenders.filter((p) => p !== winner.promotion);
  }

  // Phase 2: stackable promotions on top, each capped at what is left of the line.
  const allUnits = lines.map((line) => unitsOf(line.measure));
  for (const promotion of byId.filter((p) => p.stackable)) {
    const remaining = lines.map((line, i) => subtractMoney(line.gross, lineDiscounts[i] ?? zero));
    const evaluation = evaluate(promotion, lines, allUnits, remaining, zero);
    const capped = evaluation.discounts.map((d, i) => {
      const left = remaining[i] ?? zero;
      return compareMoney(d, left) > 0 ? left : d;
    });
    record(promotion, capped);
  }

  const result: PromotionDiscount[] = [];
  lines.forEach((line, i) => {
    for (const { promotion, discounts } of applied) {
      const amount = discounts[i] ?? zero;
      if (amount.minor > 0) {
        result.push({ lineId: line.lineId, promotionId: promotion.id, label: promotion.label, amount });
      }
    }
  });
  return result;
}
