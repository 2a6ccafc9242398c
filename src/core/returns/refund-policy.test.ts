import { describe, expect, it } from 'vitest';
import { eur, idSequence, unwrap } from '../cart/test-builders';
import { aSale } from '../sale/test-builders';
import { createReturn } from './create-return';
import type { RefundPolicy } from './refund-policy';
import { returnableSourceFromSale } from './returnable-source';
import { returnDetails, returning } from './test-builders';

// Where refunds go under each policy, for a sale paid with a voucher, store credit and a card.

const ids = idSequence(1_760_400_000_000);

describe('refund policies', () => {
  const sale = aSale()
    .withLines(3) // 1,00 + 2,00 + 3,00
    .paidWith((_, tenderId) => ({
      type: 'voucher',
      tenderId,
      amount: eur(200),
      faceValue: eur(200),
      code: 'BON-7',
    }))
    .paidWith((_, tenderId) => ({ type: 'store-credit', tenderId, amount: eur(100), accountId: 'client-42' }))
    .paidBy('card')
    .complete();
  const source = returnableSourceFromSale(sale);
  const everything = source.lines.map((l) => returning(l.lineId, l.quantity));
  const returnOf = (lines: typeof everything, policy: RefundPolicy) =>
    createReturn({ details: returnDetails(ids()), source, previousReturns: [], lines, policy });

  it('unwinds card, then store credit, then voucher, each back where it came from', () => {
    const policy: RefundPolicy = {
      type: 'original-tenders',
      voucherPortionTo: 'store-credit',
      storeCreditAccountId: 'client-42',
    };
    const result = unwrap(returnOf(everything, policy));
    expect(result.refunds.map((r) => [r.method, r.amount.minor, r.accountId])).toEqual([
      ['card', 300, null],
      ['store-credit', 100, 'client-42'],
      ['store-credit', 200, 'client-42'],
    ]);
  });

  it('needs an account to turn a voucher part into store credit, or pays it in cash if the policy says so', () => {
    expect(
      returnOf(everything, {
        type: 'original-tenders',
        voucherPortionTo: 'store-credit',
        storeCreditAccountId: null,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'store-credit-account-required' },
    });
    const cash = unwrap(
      returnOf(everything, {
        type: 'original-tenders',
        voucherPortionTo: 'cash',
        storeCreditAccountId: null,
      }),
    );
    expect(cash.refunds.at(-1)).toMatchObject({ method: 'cash', amount: eur(200) });
  });

  it('pays everything in cash, or everything on one account, still saying which payment each part unwinds', () => {
    const cash = unwrap(returnOf(everything, { type: 'cash' }));
    expect(cash.refunds.map((r) => [r.method, r.sourceTenderId])).toEqual([
      ['cash', sale.tenders[2]?.tenderId],
      ['cash', sale.tenders[1]?.tenderId],
      ['cash', sale.tenders[0]?.tenderId],
    ]);
    const credit = unwrap(returnOf(everything, { type: 'store-credit', accountId: 'client-99' }));
    expect(credit.refunds.every((r) => r.method === 'store-credit' && r.accountId === 'client-99')).toBe(
      true,
    );
    expect(credit.total).toEqual(eur(600));
  });
});
