import { allocateMoney, type Money, sumMoney } from '../money';

// What `returning` units of a line are worth when `alreadyReturned` of its
// `quantity` units came back before. The line's net paid is split into one
// share per unit with no cent lost or created, and returns take the shares
// in order. However a line is returned, in one go or bit by bit, the refunds
// add up to exactly what was paid for the units returned, never more.

export function refundForUnits(
  netPaid: Money,
  quantity: number,
  alreadyReturned: number,
  returning: number,
): Money {
  if (alreadyReturned < 0 || returning < 0 || alreadyReturned + returning > quantity) {
    throw new RangeError(`units ${alreadyReturned}+${returning} out of 0..${quantity}`);
  }
  const shares = allocateMoney(
    netPaid,
    Array.from({ length: quantity }, () => 1),
  );
  return sumMoney(shares.slice(alreadyReturned, alreadyReturned + returning), netPaid.currency);
}
