import { describe, expect, it } from 'vitest';
import type { ClickCollectOrder } from '../orders/click-collect-order';
import { EXAMPLE_IDS, exampleHandover, exampleReadyOrder } from '../orders/example-orders';
import { recordHandover } from '../orders/record-handover';
import { createReturn } from './create-return';
import { returnableSourceFromOrder } from './order-source';
import { returnDetails, returning } from './test-builders';

const PAYMENTS = [
  {
    paymentId: 'psp-1',
    type: 'card',
    amount: { minor: 8329, currency: 'EUR' },
    reference: 'PSP-8831',
    accountId: null,
  },
  {
    paymentId: 'gift-1',
    type: 'voucher',
    amount: { minor: 2000, currency: 'EUR' },
    reference: 'KDO-77',
    accountId: null,
  },
] as const;

function collected(lines: { lineId: string; quantity: number }[], payments = true): ClickCollectOrder {
  const ready = { ...exampleReadyOrder(), ...(payments ? { payments: PAYMENTS } : {}) };
  const handed = recordHandover(ready, exampleHandover(EXAMPLE_IDS.handoverA, lines));
  if (!handed.ok) throw new Error(JSON.stringify(handed.error));
  return handed.value.order;
}

describe('the returnable view of an online order', () => {
  it('holds what the customer took away, at the signed prices, and the signed payments', () => {
    const source = returnableSourceFromOrder(
      collected([
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 2 },
      ]),
    );
    expect(source).toEqual({
      ok: true,
      value: {
        source: { type: 'online-order', id: 'WEB-100234' },
        currency: 'EUR',
        lines: [
          expect.objectContaining({
            lineId: 'l1',
            quantity: 1,
            netPaid: { minor: 3999, currency: 'EUR' },
            vatRateBps: 2000,
          }),
          expect.objectContaining({
            lineId: 'l2',
            quantity: 2,
            netPaid: { minor: 900, currency: 'EUR' },
            vatRateBps: 550,
          }),
        ],
        payments: [
          {
            tenderId: 'psp-1',
            type: 'card',
            amount: { minor: 8329, currency: 'EUR' },
            accountId: null,
            reference: 'PSP-8831',
          },
          {
            tenderId: 'gift-1',
            type: 'voucher',
            amount: { minor: 2000, currency: 'EUR' },
            accountId: null,
            reference: 'KDO-77',
          },
        ],
      },
    });
  });

  it('refunds the card first through createReturn, naming the PSP reference', () => {
    const source = returnableSourceFromOrder(collected([{ lineId: 'l1', quantity: 1 }]));
    if (!source.ok) throw new Error(source.error);
    const ret = createReturn({
      details: returnDetails('0195509d-0000-7000-8000-000000000001'),
      source: source.value,
      previousReturns: [],
      lines: [returning('l1', 1)],
      policy: { type: 'original-tenders', voucherPortionTo: 'cash', storeCreditAccountId: null },
    });
    expect(ret.ok && ret.value.refunds).toEqual([
      {
        sourceTenderId: 'psp-1',
        method: 'card',
        amount: { minor: 3999, currency: 'EUR' },
        accountId: null,
        reference: 'PSP-8831',
      },
    ]);
  });

  it('refuses an order not collected yet, a cancelled one, and one signed without payments', () => {
    expect(returnableSourceFromOrder({ ...exampleReadyOrder(), payments: PAYMENTS })).toEqual({
      ok: false,
      error: 'order-not-collected',
    });
    expect(
      returnableSourceFromOrder({ ...collected([{ lineId: 'l1', quantity: 1 }]), webStatus: 'cancelled' }),
    ).toEqual({
      ok: false,
      error: 'order-cancelled',
    });
    expect(returnableSourceFromOrder(collected([{ lineId: 'l1', quantity: 1 }], false))).toEqual({
      ok: false,
      error: 'order-without-payments',
    });
  });
});
