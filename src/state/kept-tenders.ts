import { activeLines, type Cart } from '../core/cart';
import { type Money, sumMoney } from '../core/money';
import { err, ok, type Result } from '../core/result';
import { addTender, type Payment, startPayment, type Tender, type TenderError } from '../core/sale';

// "Retour au panier" after cash was taken: the cash stays on the sale. The
// cashier may change the basket (the customer adds or puts back an article);
// when the payment starts again the cash taken is tendered first, so the
// customer only pays what is left, or gets change if the total fell below it.
// The money never leaves the sale without a journal entry: the completed
// sale records it, and a basket holding cash can be neither emptied nor
// closed (sign-out).

/** Whether going back to the basket is allowed: a card already charged stays on its payment. */
export function mayReturnToBasket(payment: Payment): boolean {
  return payment.tenders.every((t) => t.type === 'cash' || t.type === 'store-credit');
}

/** The cash handed over so far (what the drawer holds for this sale). */
export function keptCash(kept: readonly Tender[], currency: string): Money {
  return sumMoney(
    kept.map((t) => (t.type === 'cash' ? t.given : t.amount)),
    currency,
  );
}

/**
 * A payment for the basket's current total with the kept cash already in it.
 * Tenders are entered again in order while each stays partial; the first that
 * would settle the sale takes every later one with it, as one hand-over of
 * their sum, so no cash is left out when the total went down.
 */
export function resumePayment(due: Money, kept: readonly Tender[]): Result<Payment, TenderError> {
  let payment = startPayment(due);
  for (const [index, tender] of kept.entries()) {
    if (tender.type === 'store-credit') {
      // An exchange's credit (return-store.ts) is at most the basket's total: it goes first, as is.
      const credited = addTender(payment, tender);
      if (!credited.ok) return credited;
      payment = credited.value;
      continue;
    }
    if (tender.type !== 'cash') return err({ code: 'invalid-tender', message: 'only cash is kept' });
    const rest = kept.slice(index);
    const remaining = due.minor - payment.tenders.reduce((sum, t) => sum + t.amount.minor, 0);
    const settles = tender.given.minor >= remaining || index === kept.length - 1;
    const given = settles ? keptCash(rest, due.currency) : tender.given;
    const next = addTender(payment, { type: 'cash', tenderId: tender.tenderId, given });
    if (!next.ok) return next;
    payment = next.value;
    if (settles) break;
  }
  return ok(payment);
}

/** Voiding the last article while cash is kept would leave that cash on no sale. */
export function mayVoidLine(cart: Cart, kept: readonly Tender[], lineId: string): boolean {
  if (kept.length === 0) return true;
  return activeLines(cart).some((line) => line.lineId !== lineId);
}
