import { describe, expect, it } from 'vitest';
import { eur } from '../cart/test-builders';
import { createReturn } from './create-return';
import { keepForExchange, paidOut } from './exchange-credit';
import {
  DEFAULT_RETURN_POLICY,
  refundApprovalNeed,
  refundPolicyFor,
  voucherAccountOf,
} from './return-policy';
import type { ReturnableSource } from './returnable-source';
import { returnDetails, returning } from './test-builders';

// A sale of 60,00 €: 40,00 € by card, 20,00 € in cash; one line of 2 × 30,00 €.
const SALE: ReturnableSource = {
  source: { type: 'sale', id: '0195509c-0000-7006-8000-000000000006' },
  currency: 'EUR',
  lines: [
    { lineId: 'l1', productId: 'pull', name: 'Pull', vatRateBps: 2000, quantity: 2, netPaid: eur(6000) },
  ],
  payments: [
    { tenderId: 'card-1', type: 'card', amount: eur(4000), accountId: null, reference: 'TRX-9' },
    { tenderId: 'cash-1', type: 'cash', amount: eur(2000), accountId: null, reference: null },
  ],
};

function returnBoth() {
  const ret = createReturn({
    details: returnDetails('0195509d-0000-7000-8000-000000000002'),
    source: SALE,
    previousReturns: [],
    lines: [returning('l1', 2)],
    policy: refundPolicyFor(DEFAULT_RETURN_POLICY, SALE, { to: 'original' }),
  });
  if (!ret.ok) throw new Error(JSON.stringify(ret.error));
  return ret.value;
}

describe('an exchange keeps part of the refund as a store credit', () => {
  it('takes the kept part from cash before card, so the difference goes back on the card', () => {
    const kept = keepForExchange(returnBoth(), eur(2500), 'exchange:X1');
    if (!kept.ok) throw new Error(JSON.stringify(kept.error));
    expect(kept.value.refunds).toEqual([
      { sourceTenderId: 'card-1', method: 'card', amount: eur(3500), accountId: null, reference: 'TRX-9' },
      {
        sourceTenderId: 'card-1',
        method: 'store-credit',
        amount: eur(500),
        accountId: 'exchange:X1',
        reference: null,
      },
      {
        sourceTenderId: 'cash-1',
        method: 'store-credit',
        amount: eur(2000),
        accountId: 'exchange:X1',
        reference: null,
      },
    ]);
    expect(kept.value.total).toEqual(eur(6000));
    expect(paidOut(kept.value, 'exchange:X1')).toEqual([kept.value.refunds[0]]);
  });

  it('keeps all of it when the new articles cost as much, and refuses to keep more than the refund', () => {
    const all = keepForExchange(returnBoth(), eur(6000), 'exchange:X1');
    expect(all.ok && paidOut(all.value, 'exchange:X1')).toEqual([]);
    expect(keepForExchange(returnBoth(), eur(6001), 'exchange:X1')).toEqual({
      ok: false,
      error: { code: 'credit-exceeds-refund', credit: eur(6001), refund: eur(6000) },
    });
  });
});

describe('the store return policy', () => {
  it('asks a manager above the limit and always without a receipt', () => {
    expect(refundApprovalNeed(DEFAULT_RETURN_POLICY, eur(15_000), true)).toBeNull();
    expect(refundApprovalNeed(DEFAULT_RETURN_POLICY, eur(15_001), true)).toBe('refund-over-limit');
    expect(refundApprovalNeed(DEFAULT_RETURN_POLICY, eur(100), false)).toBe('refund-without-receipt');
  });

  it('sends a voucher part back onto the voucher, or in cash when it has no code', () => {
    const withVoucher: ReturnableSource = {
      ...SALE,
      payments: [
        { tenderId: 'v-1', type: 'voucher', amount: eur(6000), accountId: null, reference: 'KDO-42' },
      ],
    };
    expect(voucherAccountOf(withVoucher)).toBe('voucher:KDO-42');
    expect(refundPolicyFor(DEFAULT_RETURN_POLICY, withVoucher, { to: 'original' })).toEqual({
      type: 'original-tenders',
      voucherPortionTo: 'store-credit',
      storeCreditAccountId: 'voucher:KDO-42',
    });
    expect(refundPolicyFor(DEFAULT_RETURN_POLICY, SALE, { to: 'original' })).toEqual({
      type: 'original-tenders',
      voucherPortionTo: 'cash',
      storeCreditAccountId: null,
    });
    expect(
      refundPolicyFor(DEFAULT_RETURN_POLICY, SALE, { to: 'store-credit', accountId: 'credit:1' }),
    ).toEqual({
      type: 'store-credit',
      accountId: 'credit:1',
    });
  });
});
