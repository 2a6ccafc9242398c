import { describe, expect, it } from 'vitest';
import { paymentRequest, readPaymentResponse, readTransactionStatus, toDecimal } from './nexo-messages';

const ids = { saleId: 'till-1', poiId: 'V400m-1' };
const payment = { serviceId: 'S1', transactionId: 'sale-1', timeStamp: '2026-11-23T08:00:00.000Z' };
const asked = { paymentId: 'sale-1', kind: 'payment' as const, amountMinor: 1250, currency: 'JPY' };

describe('nexo messages', () => {
  it('sends amounts as decimals in the currency unit', () => {
    expect(toDecimal(1234, 'EUR')).toBe(12.34);
    expect(toDecimal(1250, 'JPY')).toBe(1250);
    expect(toDecimal(1234, 'KWD')).toBe(1.234);
  });

  it('asks for a refund as a payment of type Refund', () => {
    const request = paymentRequest(ids, payment, 'refund', 300, 'EUR').SaleToPOIRequest;
    expect(request.MessageHeader).toEqual(
      expect.objectContaining({
        MessageCategory: 'Payment',
        ServiceID: 'S1',
        SaleID: 'till-1',
        POIID: 'V400m-1',
      }),
    );
    expect(request.PaymentRequest.PaymentData).toEqual({ PaymentType: 'Refund' });
    expect(request.PaymentRequest.PaymentTransaction.AmountsReq).toEqual({
      Currency: 'EUR',
      RequestedAmount: 3,
    });
  });

  it('names the original payment of a referenced refund, and only of a refund', () => {
    const refund = paymentRequest(ids, payment, 'refund', 300, 'EUR', 'PSP-881').SaleToPOIRequest;
    expect(refund.PaymentRequest.PaymentTransaction).toEqual({
      AmountsReq: { Currency: 'EUR', RequestedAmount: 3 },
      OriginalPOITransaction: { POITransactionID: { TransactionID: 'PSP-881' } },
    });
    const sale = paymentRequest(ids, payment, 'payment', 300, 'EUR', 'PSP-881').SaleToPOIRequest;
    expect(sale.PaymentRequest.PaymentTransaction).toEqual({
      AmountsReq: { Currency: 'EUR', RequestedAmount: 3 },
    });
  });

  it('reads an approval with its receipt lines and an aborted payment', () => {
    const approved = {
      SaleToPOIResponse: {
        PaymentResponse: {
          Response: { Result: 'Success', AdditionalResponse: 'pspReference=ABC123&other=x' },
          PaymentResult: { AmountsResp: { AuthorizedAmount: 1250 } },
          PaymentReceipt: [
            {
              DocumentQualifier: 'CashierReceipt',
              OutputContent: { OutputText: [{ Text: 'name=MERCHANT' }] },
            },
            {
              DocumentQualifier: 'CustomerReceipt',
              OutputContent: {
                OutputText: [{ Text: 'name=Total&value=1250%20JPY' }, { Text: '' }, { Text: 'name=THANKS' }],
              },
            },
          ],
        },
      },
    };
    expect(readPaymentResponse(asked, approved)).toEqual({
      status: 'approved',
      paymentId: 'sale-1',
      kind: 'payment',
      amountMinor: 1250,
      currency: 'JPY',
      reference: 'ABC123',
      terminalReceipt: ['Total: 1250 JPY', 'THANKS'],
    });
    const aborted = {
      SaleToPOIResponse: { PaymentResponse: { Response: { Result: 'Failure', ErrorCondition: 'Aborted' } } },
    };
    expect(readPaymentResponse(asked, aborted)).toEqual(expect.objectContaining({ status: 'aborted' }));
    expect(readPaymentResponse(asked, {})).toEqual(expect.objectContaining({ kind: 'unreadable' }));
  });

  it('reads a transaction status: not found, in progress', () => {
    const status = (condition: string) => ({
      SaleToPOIResponse: {
        TransactionStatusResponse: { Response: { Result: 'Failure', ErrorCondition: condition } },
      },
    });
    expect(readTransactionStatus(asked, status('NotFound'))).toEqual({
      status: 'not-started',
      paymentId: 'sale-1',
    });
    expect(readTransactionStatus(asked, status('InProgress'))).toEqual(
      expect.objectContaining({ kind: 'in-progress' }),
    );
  });
});
