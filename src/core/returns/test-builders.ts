import { eur } from '../cart/test-builders';
import type { ReturnDetails, ReturnLineRequest } from './create-return';
import type { ReturnReason } from './return-reason';
import type { ReturnableSource } from './returnable-source';

// Fixtures for the returns tests. Pure, so it type-checks with the core.

export const returnDetails = (returnId: string): ReturnDetails => ({
  returnId,
  storeCode: 'PAR01',
  tillCode: '03',
  staffId: 'cashier-7',
  createdAt: '2025-10-12T16:00:00+02:00',
});

export const CHANGED_MIND: ReturnReason = { code: 'changed-mind', note: null };
export const WRONG_SIZE: ReturnReason = { code: 'wrong-size', note: null };

export const returning = (
  sourceLineId: string,
  quantity: number,
  reason: ReturnReason = CHANGED_MIND,
  restock = true,
): ReturnLineRequest => ({ sourceLineId, quantity, restock, reason });

/** Order WEB-10042: 2 dresses at 44,99 € and a belt at 19,90 €, paid 109,88 € by card online. */
export function anOnlineOrder(): ReturnableSource {
  return {
    source: { type: 'online-order', id: 'WEB-10042' },
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        productId: 'robe-lin',
        name: 'Robe en lin',
        vatRateBps: 2000,
        quantity: 2,
        netPaid: eur(8998),
      },
      {
        lineId: 'l2',
        productId: 'ceinture',
        name: 'Ceinture cuir',
        vatRateBps: 2000,
        quantity: 1,
        netPaid: eur(1990),
      },
    ],
    payments: [
      { tenderId: 'psp-pay-1', type: 'card', amount: eur(10988), accountId: null, reference: 'psp-abc-123' },
    ],
  };
}
