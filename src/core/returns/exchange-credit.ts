import { compareMoney, type Money, subtractMoney } from '../money';
import { err, ok, type Result } from '../result';
import { deepFreeze } from '../sale/deep-freeze';
import { type CompletedReturn, completedReturnSchema } from './completed-return';
import type { RefundAllocation } from './refund-policy';

// An exchange: returned lines and new lines in one basket. The return is
// journalled first; the part of its refund the new articles use is not paid
// out but kept as a store credit on the exchange's own account, and the sale
// of the new articles is paid with a store-credit tender on that account for
// the same amount. The account so nets to zero, and the books see exactly
// the money that moved: the difference paid (sale tenders) or given back
// (the return's other refund parts).
//
// The kept part comes from the refund parts that would be paid out last in
// the unwind order (cash before store credit before card), so a customer
// who paid by card and takes a cheaper article gets the difference on the card.

export type ExchangeCreditError =
  | { readonly code: 'credit-exceeds-refund'; readonly credit: Money; readonly refund: Money }
  | { readonly code: 'invalid-return-record'; readonly message: string };

export function keepForExchange(
  record: CompletedReturn,
  credit: Money,
  accountId: string,
): Result<CompletedReturn, ExchangeCreditError> {
  if (compareMoney(credit, record.total) > 0) {
    return err({ code: 'credit-exceeds-refund', credit, refund: record.total });
  }
  let rest = credit;
  const kept: RefundAllocation[] = [];
  const paid: RefundAllocation[] = [];
  for (const part of [...record.refunds].reverse()) {
    if (rest.minor === 0) {
      paid.unshift(part);
      continue;
    }
    const take = compareMoney(part.amount, rest) <= 0 ? part.amount : rest;
    rest = subtractMoney(rest, take);
    kept.unshift({
      sourceTenderId: part.sourceTenderId,
      method: 'store-credit',
      amount: take,
      accountId,
      reference: null,
    });
    const left = subtractMoney(part.amount, take);
    if (left.minor > 0) paid.unshift({ ...part, amount: left });
  }
  const valid = completedReturnSchema.safeParse({ ...record, refunds: [...paid, ...kept] });
  if (!valid.success) return err({ code: 'invalid-return-record', message: valid.error.message });
  return ok(deepFreeze(valid.data));
}

/** The refund parts actually paid out (not kept for an exchange). */
export function paidOut(record: CompletedReturn, exchangeAccountId: string | null): RefundAllocation[] {
  return record.refunds.filter((r) => !(r.method === 'store-credit' && r.accountId === exchangeAccountId));
}
