import { z } from 'zod';
import type { PaymentKind, PaymentOutcome, RecoveredPayment } from '../../../src/core/bridge/bridge-methods';
import { minorDigits } from '../../../src/core/money/currency';

// The few nexo (Terminal API) messages the till sends, as plain JSON, and
// the answers read back through small schemas: the library's own typings
// describe every field as present, which the terminal does not promise.

export type NexoIds = {
  readonly saleId: string;
  readonly poiId: string;
};

/** Identifies one payment for later questions: the header's ServiceID and the sale's transaction id. */
export type PaymentIds = {
  readonly serviceId: string;
  readonly transactionId: string;
  readonly timeStamp: string;
};

function header(ids: NexoIds, category: string, serviceId: string) {
  return {
    ProtocolVersion: '3.0',
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Request',
    SaleID: ids.saleId,
    POIID: ids.poiId,
    ServiceID: serviceId,
  };
}

export function toDecimal(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

export function paymentRequest(
  ids: NexoIds,
  payment: PaymentIds,
  kind: PaymentKind,
  amountMinor: number,
  currency: string,
  originalReference?: string,
) {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(ids, 'Payment', payment.serviceId),
      PaymentRequest: {
        SaleData: {
          SaleTransactionID: { TransactionID: payment.transactionId, TimeStamp: payment.timeStamp },
        },
        PaymentTransaction: {
          AmountsReq: { Currency: currency, RequestedAmount: toDecimal(amountMinor, currency) },
          // A referenced refund names the original payment (its PSP reference).
          ...(kind === 'refund' && originalReference !== undefined
            ? { OriginalPOITransaction: { POITransactionID: { TransactionID: originalReference } } }
            : {}),
        },
        // An unreferenced refund is a payment of type Refund.
        ...(kind === 'refund' ? { PaymentData: { PaymentType: 'Refund' } } : {}),
      },
    },
  };
}

export function abortRequest(ids: NexoIds, serviceId: string, payment: PaymentIds) {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(ids, 'Abort', serviceId),
      AbortRequest: {
        AbortReason: 'MerchantAbort',
        MessageReference: { MessageCategory: 'Payment', SaleID: ids.saleId, ServiceID: payment.serviceId },
      },
    },
  };
}

export function transactionStatusRequest(ids: NexoIds, serviceId: string, payment: PaymentIds) {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(ids, 'TransactionStatus', serviceId),
      TransactionStatusRequest: {
        ReceiptReprintFlag: true,
        DocumentQualifier: ['CustomerReceipt'],
        MessageReference: { MessageCategory: 'Payment', SaleID: ids.saleId, ServiceID: payment.serviceId },
      },
    },
  };
}

const responseSchema = z.looseObject({
  Result: z.string(),
  ErrorCondition: z.string().optional(),
  AdditionalResponse: z.string().optional(),
});

const paymentResponseSchema = z.looseObject({
  Response: responseSchema,
  POIData: z
    .looseObject({ POITransactionID: z.looseObject({ TransactionID: z.string() }).optional() })
    .optional(),
  PaymentResult: z
    .looseObject({
      AmountsResp: z.looseObject({ AuthorizedAmount: z.number() }).optional(),
      PaymentInstrumentData: z
        .looseObject({
          CardData: z
            .looseObject({ MaskedPan: z.string().optional(), PaymentBrand: z.string().optional() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  PaymentReceipt: z
    .array(
      z.looseObject({
        DocumentQualifier: z.string(),
        OutputContent: z.looseObject({
          OutputText: z.array(z.looseObject({ Text: z.string().optional() })).optional(),
        }),
      }),
    )
    .optional(),
});
type NexoPaymentResponse = z.infer<typeof paymentResponseSchema>;

const saleToPoiResponseSchema = z.looseObject({
  SaleToPOIResponse: z.looseObject({
    PaymentResponse: paymentResponseSchema.optional(),
    TransactionStatusResponse: z
      .looseObject({
        Response: responseSchema,
        RepeatedMessageResponse: z
          .looseObject({
            RepeatedResponseMessageBody: z.looseObject({ PaymentResponse: paymentResponseSchema.optional() }),
          })
          .optional(),
      })
      .optional(),
  }),
});

/** Receipt texts arrive as "key=..&name=..&value=.." form strings, one per line. */
function receiptLines(response: NexoPaymentResponse): string[] {
  const receipts = response.PaymentReceipt ?? [];
  const receipt = receipts.find((r) => r.DocumentQualifier === 'CustomerReceipt') ?? receipts[0];
  return (receipt?.OutputContent.OutputText ?? [])
    .map((line) => {
      const fields = new URLSearchParams(line.Text ?? '');
      const name = fields.get('name') ?? '';
      const value = fields.get('value') ?? '';
      return (name && value ? `${name}: ${value}` : name || value).slice(0, 80);
    })
    .filter((line) => line !== '');
}

function additional(response: NexoPaymentResponse, field: string): string | undefined {
  return new URLSearchParams(response.Response.AdditionalResponse ?? '').get(field) ?? undefined;
}

type Asked = {
  readonly paymentId: string;
  readonly kind: PaymentKind;
  readonly amountMinor: number;
  readonly currency: string;
};

function outcomeOf(asked: Asked, response: NexoPaymentResponse): PaymentOutcome {
  const terminalReceipt = receiptLines(response);
  if (response.Response.Result !== 'Failure') {
    const authorized = response.PaymentResult?.AmountsResp?.AuthorizedAmount;
    const card = response.PaymentResult?.PaymentInstrumentData?.CardData;
    const reference =
      additional(response, 'pspReference') ?? response.POIData?.POITransactionID?.TransactionID ?? 'unknown';
    return {
      status: 'approved',
      paymentId: asked.paymentId,
      kind: asked.kind,
      amountMinor:
        authorized === undefined
          ? asked.amountMinor
          : Math.round(authorized * 10 ** minorDigits(asked.currency)),
      currency: asked.currency,
      reference: reference.slice(0, 64),
      ...(card?.PaymentBrand ? { cardBrand: card.PaymentBrand.slice(0, 40) } : {}),
      ...(card?.MaskedPan ? { maskedPan: card.MaskedPan.slice(0, 32) } : {}),
      terminalReceipt,
    };
  }
  const condition = response.Response.ErrorCondition;
  if (condition === 'Aborted' || condition === 'Cancel')
    return {
      status: 'aborted',
      paymentId: asked.paymentId,
      reason: `${condition.toLowerCase()} at the terminal`,
    };
  const why = additional(response, 'refusalReason') ?? condition ?? 'refused';
  return {
    status: 'declined',
    paymentId: asked.paymentId,
    reason: `declined: ${why}`.slice(0, 200),
    terminalReceipt,
  };
}

export type ReadFailure = { readonly kind: 'unreadable' | 'in-progress'; readonly message: string };

/** The answer to a PaymentRequest. */
export function readPaymentResponse(asked: Asked, json: unknown): PaymentOutcome | ReadFailure {
  const parsed = saleToPoiResponseSchema.safeParse(json);
  const payment = parsed.success ? parsed.data.SaleToPOIResponse.PaymentResponse : undefined;
  if (!payment) return { kind: 'unreadable', message: 'the terminal answered without a payment response' };
  return outcomeOf(asked, payment);
}

/** The answer to a TransactionStatusRequest: the original outcome, not-started, or still in progress. */
export function readTransactionStatus(asked: Asked, json: unknown): RecoveredPayment | ReadFailure {
  const parsed = saleToPoiResponseSchema.safeParse(json);
  const status = parsed.success ? parsed.data.SaleToPOIResponse.TransactionStatusResponse : undefined;
  if (!status) return { kind: 'unreadable', message: 'the terminal answered without a transaction status' };
  if (status.Response.Result === 'Failure') {
    if (status.Response.ErrorCondition === 'NotFound')
      return { status: 'not-started', paymentId: asked.paymentId };
    if (status.Response.ErrorCondition === 'InProgress')
      return { kind: 'in-progress', message: 'the terminal is still processing this payment' };
    return {
      kind: 'unreadable',
      message: `transaction status failed: ${status.Response.ErrorCondition ?? 'no reason'}`,
    };
  }
  const original = status.RepeatedMessageResponse?.RepeatedResponseMessageBody.PaymentResponse;
  if (!original)
    return { kind: 'unreadable', message: 'transaction status without the original payment response' };
  return outcomeOf(asked, original);
}
