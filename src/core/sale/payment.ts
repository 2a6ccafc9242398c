import { addMoney, compareMoney, type Money, money, subtractMoney, sumMoney } from '../money';
import { err, ok, type Result } from '../result';
import { defaultCashIncrement, roundToCashIncrement } from './cash-rounding';
import type { TenderError } from './sale-errors';
import { type Tender, type TenderInput, tenderInputSchema } from './tender';

// Taking payment for an amount due, possibly split across several tenders.
// Rules:
// - card, voucher and store credit settle at most what is left to pay;
// - cash may exceed it, and the excess is change: change only ever comes from
//   cash, is never negative, and only the tender that settles the sale can
//   have any;
// - once nothing is left to pay, no tender is accepted.

export interface Payment {
  readonly due: Money;
  /** Smallest cash step in minor units (5 for CHF). */
  readonly cashIncrementMinor: number;
  readonly tenders: readonly Tender[];
}

export interface PaymentOptions {
  readonly cashIncrementMinor?: number;
}

/** A payment for `due`. A negative amount or a bad increment is a programmer bug (RangeError). */
export function startPayment(due: Money, options: PaymentOptions = {}): Payment {
  if (due.minor < 0) throw new RangeError('amount due is negative');
  const cashIncrementMinor = options.cashIncrementMinor ?? defaultCashIncrement(due.currency);
  if (!Number.isSafeInteger(cashIncrementMinor) || cashIncrementMinor < 1) {
    throw new RangeError(`cash increment: not a positive integer: ${String(cashIncrementMinor)}`);
  }
  return { due, cashIncrementMinor, tenders: [] };
}

export function paidSoFar(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => t.amount),
    payment.due.currency,
  );
}

export function remainingDue(payment: Payment): Money {
  return subtractMoney(payment.due, paidSoFar(payment));
}

export function isSettled(payment: Payment): boolean {
  return remainingDue(payment).minor === 0;
}

export function changeDue(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => (t.type === 'cash' ? t.change : money(0, payment.due.currency))),
    payment.due.currency,
  );
}

export function cashRoundingOf(payment: Payment): Money {
  return sumMoney(
    payment.tenders.map((t) => (t.type === 'cash' ? t.rounding : money(0, payment.due.currency))),
    payment.due.currency,
  );
}

function cashTender(
  input: Extract<TenderInput, { type: 'cash' }>,
  remaining: Money,
  increment: number,
): Result<Tender, TenderError> {
  const zero = money(0, remaining.currency);
  const toCollect = roundToCashIncrement(remaining, increment);
  const settlesAt = compareMoney(toCollect, remaining) < 0 ? toCollect : remaining;
  if (compareMoney(input.given, settlesAt) >= 0) {
    // Settles the sale. The drawer keeps the rounded amount (or what was handed
    // over, if that falls between the exact and the rounded amount); the rest is change.
    const collected = compareMoney(input.given, toCollect) >= 0 ? toCollect : input.given;
    return ok({
      type: 'cash',
      tenderId: input.tenderId,
      amount: remaining,
      given: input.given,
      rounding: subtractMoney(collected, remaining),
      change: subtractMoney(input.given, collected),
    });
  }
  if (input.given.minor <= 0) return err({ code: 'tender-amount-not-positive', tenderType: 'cash' });
  return ok({
    type: 'cash',
    tenderId: input.tenderId,
    amount: input.given,
    given: input.given,
    rounding: zero,
    change: zero,
  });
}

/** Adds a tender; the error says why it was refused and, when relevant, what is left to pay. */
export function addTender(payment: Payment, input: TenderInput): Result<Payment, TenderError> {
  const parsed = tenderInputSchema.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid-tender', message: parsed.error.message });
  const tender = parsed.data;
  const currency = payment.due.currency;
  const amountField = tender.type === 'cash' ? tender.given : tender.amount;
  if (amountField.currency !== currency)
    return err({ code: 'currency-mismatch', expected: currency, actual: amountField.currency });
  if (tender.type === 'voucher' && tender.faceValue.currency !== currency) {
    return err({ code: 'currency-mismatch', expected: currency, actual: tender.faceValue.currency });
  }
  if (payment.tenders.some((t) => t.tenderId === tender.tenderId)) {
    return err({ code: 'duplicate-tender-id', tenderId: tender.tenderId });
  }
  const remaining = remainingDue(payment);
  if (remaining.minor <= 0) return err({ code: 'payment-already-settled' });

  if (tender.type === 'cash') {
    if (tender.given.minor < 0) return err({ code: 'tender-amount-not-positive', tenderType: 'cash' });
    const cash = cashTender(tender, remaining, payment.cashIncrementMinor);
    return cash.ok ? ok({ ...payment, tenders: [...payment.tenders, cash.value] }) : cash;
  }
  if (tender.amount.minor <= 0) return err({ code: 'tender-amount-not-positive', tenderType: tender.type });
  if (tender.type === 'voucher' && compareMoney(tender.amount, tender.faceValue) > 0) {
    return err({ code: 'voucher-amount-exceeds-face-value', faceValue: tender.faceValue });
  }
  if (compareMoney(tender.amount, remaining) > 0) {
    return err({ code: 'tender-exceeds-remaining', tenderType: tender.type, remaining });
  }
  return ok({ ...payment, tenders: [...payment.tenders, tender] });
}

/**
 * Takes a tender back out (a mistyped cash amount). The tenders after it are
 * entered again in order, so their amounts and change follow the new
 * remaining due. A card already charged must be cancelled on the terminal
 * first: this only fixes the record.
 */
export function removeTender(payment: Payment, tenderId: string): Result<Payment, TenderError> {
  if (!payment.tenders.some((t) => t.tenderId === tenderId))
    return err({ code: 'tender-not-found', tenderId });
  let replayed: Payment = { ...payment, tenders: [] };
  for (const tender of payment.tenders) {
    if (tender.tenderId === tenderId) continue;
    const input: TenderInput =
      tender.type === 'cash' ? { type: 'cash', tenderId: tender.tenderId, given: tender.given } : tender;
    const next = addTender(replayed, input);
    if (!next.ok) return next;
    replayed = next.value;
  }
  return ok(replayed);
}

/** What the drawer gains from the sale: cash given minus change. */
export function cashKept(payment: Payment): Money {
  return payment.tenders.reduce(
    (kept, t) => (t.type === 'cash' ? addMoney(kept, subtractMoney(t.given, t.change)) : kept),
    money(0, payment.due.currency),
  );
}
