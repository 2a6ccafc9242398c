import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSequence, unwrap } from '../cart/test-builders';
import { type Money, money, sumMoney } from '../money';
import {
  addTender,
  cashKept,
  cashRoundingOf,
  changeDue,
  isSettled,
  type Payment,
  remainingDue,
  removeTender,
  startPayment,
} from './payment';
import type { TenderInput } from './tender';

const eur = (minor: number) => money(minor, 'EUR');
const chf = (minor: number) => money(minor, 'CHF');
const ids = idSequence();
const cash = (given: Money): TenderInput => ({ type: 'cash', tenderId: ids(), given });
const card = (amount: Money): TenderInput => ({ type: 'card', tenderId: ids(), amount, terminal: null });
const voucher = (amount: Money, faceValue: Money): TenderInput => ({
  type: 'voucher',
  tenderId: ids(),
  amount,
  faceValue,
  code: 'BON-2025-0042',
});
const credit = (amount: Money): TenderInput => ({
  type: 'store-credit',
  tenderId: ids(),
  amount,
  accountId: 'client-42',
});
const pay = (payment: Payment, ...tenders: TenderInput[]): Payment =>
  tenders.reduce((p, t) => unwrap(addTender(p, t)), payment);

describe('split tenders', () => {
  it('settles 47,30 € with a 10,00 € voucher, 20,00 € by card and a 20,00 € note (change 2,70 €)', () => {
    const payment = pay(
      startPayment(eur(4730)),
      voucher(eur(1000), eur(1000)),
      card(eur(2000)),
      cash(eur(2000)),
    );
    expect(isSettled(payment)).toBe(true);
    expect(payment.tenders.map((t) => [t.type, t.amount.minor])).toEqual([
      ['voucher', 1000],
      ['card', 2000],
      ['cash', 1730],
    ]);
    expect(changeDue(payment)).toEqual(eur(270));
    expect(cashKept(payment)).toEqual(eur(1730));
    expect(
      sumMoney(
        payment.tenders.map((t) => t.amount),
        'EUR',
      ),
    ).toEqual(eur(4730));
  });

  it('takes a part in cash, then the rest by card', () => {
    const partly = pay(startPayment(eur(4730)), cash(eur(2000)));
    expect(remainingDue(partly)).toEqual(eur(2730));
    expect(changeDue(partly)).toEqual(eur(0));
    const paid = pay(partly, card(eur(2730)));
    expect(isSettled(paid)).toBe(true);
  });

  it('records a store-credit tender with its account', () => {
    const paid = pay(startPayment(eur(1500)), credit(eur(1500)));
    expect(paid.tenders[0]).toMatchObject({
      type: 'store-credit',
      accountId: 'client-42',
      amount: eur(1500),
    });
  });
});

describe('what a tender may not do', () => {
  it('refuses a card for more than is left to pay, saying what is left', () => {
    const payment = pay(startPayment(eur(4730)), cash(eur(730)));
    expect(addTender(payment, card(eur(5000)))).toEqual({
      ok: false,
      error: { code: 'tender-exceeds-remaining', tenderType: 'card', remaining: eur(4000) },
    });
  });

  it('gives no change on a voucher: a 20,00 € voucher on 15,00 € can only settle 15,00 €', () => {
    const payment = startPayment(eur(1500));
    expect(addTender(payment, voucher(eur(2000), eur(2000)))).toEqual({
      ok: false,
      error: { code: 'tender-exceeds-remaining', tenderType: 'voucher', remaining: eur(1500) },
    });
    const paid = pay(payment, voucher(eur(1500), eur(2000)));
    // The 5,00 € left on the voucher is forfeited and visible on the record.
    expect(paid.tenders[0]).toMatchObject({ amount: eur(1500), faceValue: eur(2000) });
    expect(changeDue(paid)).toEqual(eur(0));
    expect(addTender(payment, voucher(eur(1500), eur(1000)))).toEqual({
      ok: false,
      error: { code: 'voucher-amount-exceeds-face-value', faceValue: eur(1000) },
    });
  });

  it('refuses store credit beyond the amount due', () => {
    expect(addTender(startPayment(eur(1000)), credit(eur(1001)))).toEqual({
      ok: false,
      error: { code: 'tender-exceeds-remaining', tenderType: 'store-credit', remaining: eur(1000) },
    });
  });

  it('takes no tender once the sale is paid, nor on a sale of zero', () => {
    const paid = pay(startPayment(eur(1000)), card(eur(1000)));
    expect(addTender(paid, cash(eur(500)))).toEqual({
      ok: false,
      error: { code: 'payment-already-settled' },
    });
    expect(isSettled(startPayment(eur(0)))).toBe(true);
    expect(addTender(startPayment(eur(0)), card(eur(1)))).toEqual({
      ok: false,
      error: { code: 'payment-already-settled' },
    });
  });

  it('refuses zero or negative amounts, other currencies, reused ids and malformed input', () => {
    const payment = startPayment(eur(1000));
    expect(addTender(payment, card(eur(0)))).toEqual({
      ok: false,
      error: { code: 'tender-amount-not-positive', tenderType: 'card' },
    });
    expect(addTender(payment, cash(eur(0)))).toEqual({
      ok: false,
      error: { code: 'tender-amount-not-positive', tenderType: 'cash' },
    });
    expect(addTender(payment, cash(eur(-100)))).toEqual({
      ok: false,
      error: { code: 'tender-amount-not-positive', tenderType: 'cash' },
    });
    expect(addTender(payment, card(chf(500)))).toEqual({
      ok: false,
      error: { code: 'currency-mismatch', expected: 'EUR', actual: 'CHF' },
    });
    const once = card(eur(100));
    expect(addTender(pay(payment, once), once)).toEqual({
      ok: false,
      error: { code: 'duplicate-tender-id', tenderId: once.tenderId },
    });
    const extraKey = { ...card(eur(100)), tip: eur(100) };
    expect(addTender(payment, extraKey).ok ? 'ok' : 'refused').toBe('refused');
    expect(addTender(payment, { ...card(eur(100)), tenderId: 'T1' }).ok ? 'ok' : 'refused').toBe('refused');
  });
});

describe('cash rounding per currency', () => {
  it('rounds the cash part to 5 centimes in CHF: 10,02 -> 10,00 and 10,03 -> 10,05', () => {
    const down = pay(startPayment(chf(1002)), cash(chf(2000)));
    expect(down.tenders[0]).toMatchObject({ amount: chf(1002), rounding: chf(-2), change: chf(1000) });
    const up = pay(startPayment(chf(1003)), cash(chf(2000)));
    expect(up.tenders[0]).toMatchObject({ amount: chf(1003), rounding: chf(2), change: chf(995) });
    expect(cashRoundingOf(up)).toEqual(chf(2));
    expect(cashKept(up)).toEqual(chf(1005));
  });

  it('lets exactly the rounded amount settle, and never rounds card payments', () => {
    const exact = pay(startPayment(chf(1002)), cash(chf(1000)));
    expect(isSettled(exact)).toBe(true);
    expect(changeDue(exact)).toEqual(chf(0));
    const byCard = pay(startPayment(chf(1002)), card(chf(1002)));
    expect(cashRoundingOf(byCard)).toEqual(chf(0));
  });

  it('rounds to 1 cent in EUR by default and to 5 cents where the store asks for it', () => {
    expect(pay(startPayment(eur(1002)), cash(eur(2000))).tenders[0]).toMatchObject({
      rounding: eur(0),
      change: eur(998),
    });
    const nl = pay(startPayment(eur(1002), { cashIncrementMinor: 5 }), cash(eur(2000)));
    expect(nl.tenders[0]).toMatchObject({ rounding: eur(-2), change: eur(1000) });
  });
});

describe('removeTender', () => {
  it('takes a tender out and re-enters the later ones against the new remaining due', () => {
    const cardTender = card(eur(2000));
    const payment = pay(startPayment(eur(4730)), cardTender, cash(eur(5000)));
    expect(changeDue(payment)).toEqual(eur(2270));
    const without = unwrap(removeTender(payment, cardTender.tenderId));
    expect(without.tenders.map((t) => [t.type, t.amount.minor])).toEqual([['cash', 4730]]);
    expect(changeDue(without)).toEqual(eur(270));
    expect(removeTender(payment, 'nope')).toEqual({
      ok: false,
      error: { code: 'tender-not-found', tenderId: 'nope' },
    });
  });
});

// --- property: tenders cover the total and change is never negative ---

const arbAttempt = fc.record({
  type: fc.constantFrom('cash', 'card', 'voucher', 'store-credit'),
  /** Share of the remaining due, in per-mille; above 1000 over-tenders. */
  perMille: fc.integer({ min: 0, max: 3000 }),
  extraMinor: fc.integer({ min: -50, max: 5000 }),
});

describe('payment properties', () => {
  it('never lets the tenders exceed the due, nor change go negative or come from anything but cash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.constantFrom(1, 5, 10),
        fc.array(arbAttempt, { maxLength: 8 }),
        (dueMinor, increment, attempts) => {
          let payment = startPayment(eur(dueMinor), { cashIncrementMinor: increment });
          for (const attempt of attempts) {
            const remaining = remainingDue(payment);
            const amount = eur(Math.floor((remaining.minor * attempt.perMille) / 1000) + attempt.extraMinor);
            const input: TenderInput =
              attempt.type === 'cash'
                ? cash(amount)
                : attempt.type === 'card'
                  ? card(amount)
                  : attempt.type === 'voucher'
                    ? voucher(amount, amount)
                    : credit(amount);
            const next = addTender(payment, input);
            if (next.ok) {
              const added = next.value.tenders.at(-1);
              expect(added?.amount.minor).toBeGreaterThan(0);
              expect(added?.amount.minor).toBeLessThanOrEqual(remaining.minor);
              if (added?.type !== 'cash') expect(added?.amount).toEqual(amount);
              payment = next.value;
            }
            expect(remainingDue(payment).minor).toBeGreaterThanOrEqual(0);
          }
          for (const [i, t] of payment.tenders.entries()) {
            if (t.type !== 'cash') continue;
            expect(t.change.minor).toBeGreaterThanOrEqual(0);
            expect(t.given.minor - t.change.minor).toBe(t.amount.minor + t.rounding.minor);
            expect(Math.abs(t.rounding.minor) * 2).toBeLessThanOrEqual(increment);
            if (i < payment.tenders.length - 1) expect(t.change).toEqual(eur(0));
          }
          expect(changeDue(payment).minor).toBeGreaterThanOrEqual(0);
          if (isSettled(payment)) {
            expect(
              sumMoney(
                payment.tenders.map((t) => t.amount),
                'EUR',
              ),
            ).toEqual(eur(dueMinor));
          }
        },
      ),
    );
  });

  it('always settles when the last tender is enough cash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (dueMinor, extra) => {
          const payment = pay(startPayment(eur(dueMinor)), cash(eur(dueMinor + extra)));
          expect(isSettled(payment)).toBe(true);
          expect(changeDue(payment)).toEqual(eur(extra));
        },
      ),
    );
  });
});
