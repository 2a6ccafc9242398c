import { describe, expect, it } from 'vitest';
import { money } from '../core/money';
import { addTender, startPayment } from '../core/sale';
import { cardTenderFrom } from './card-tender';
import { newId } from './ids';
import { receiptJobId } from './receipt-printing';

const approved = {
  status: 'approved' as const,
  paymentId: 'p-1',
  kind: 'payment' as const,
  amountMinor: 1_234,
  currency: 'EUR',
  reference: '000123',
  cardBrand: 'Girocard',
  maskedPan: 'XXXXXXXXXXXX1234',
  terminalReceipt: ['KUNDENBELEG'],
};

describe('card tender from the terminal outcome', () => {
  it('records the terminal reference, scheme and masked card number; the core accepts it', () => {
    const tender = cardTenderFrom(approved, newId());
    expect(tender).toMatchObject({
      type: 'card',
      amount: { minor: 1_234, currency: 'EUR' },
      terminal: { transactionRef: '000123', scheme: 'Girocard', maskedPan: '************1234' },
    });
    const paid = addTender(startPayment(money(1_234, 'EUR')), tender);
    expect(paid.ok).toBe(true);
  });

  it('leaves out a card number the record would refuse rather than lose the payment', () => {
    const tender = cardTenderFrom({ ...approved, maskedPan: '12' }, newId());
    expect(tender.type === 'card' && tender.terminal?.maskedPan).toBeNull();
    expect(tender.type === 'card' && tender.terminal?.transactionRef).toBe('000123');
  });
});

describe('receipt print job id', () => {
  it('is the same for every retry of one receipt and a valid job id', () => {
    expect(receiptJobId('PAR01-01-000042', 'x')).toBe('receipt:PAR01-01-000042');
    expect(receiptJobId('', '0190f0c2-aaaa')).toBe('receipt:0190f0c2-aaaa');
  });
});
