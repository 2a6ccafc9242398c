import { z } from 'zod';
import { MAX_LINE_QUANTITY, unitsOf } from '../cart/cart-line';
import {
  type Immutable,
  opaqueIdSchema,
  storeCodeSchema,
  tillCodeSchema,
  timestampSchema,
} from '../cart/record-values';
import { productIdSchema, productNameSchema } from '../catalog/product';
import { uuidV7Schema } from '../ids';
import { formatReceiptNumber, receiptNumberSchema } from '../journal/receipt-number';
import { currencyCodeSchema } from '../money';
import type { CompletedSale } from '../sale/completed-sale';
import { paymentReferenceSchema } from '../sale/tender';
import { vatRateBpsSchema } from '../tax';
import { type ReturnableSource, returnableSourceFromSale, TENDER_TYPES } from './returnable-source';

// A sale of the store in the compact form the server brings to every till of
// the store (the `sales` collection, docs/sync-protocol.md section 4): only
// what a return needs, amounts as integer minor units of the sale's currency,
// plus what the server has seen returned of each line and the double returns
// it recorded against the sale. A till finds another till's sale here with no
// network, for the store's window (`storeSalesDays` in the settings).

/** How long a sale stays in the store's feed when the settings say nothing. */
export const DEFAULT_STORE_SALES_DAYS = 30;
export const MAX_STORE_SALES_DAYS = 400;

const minorSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const storeSaleLineSchema = z.strictObject({
  lineId: opaqueIdSchema,
  productId: productIdSchema,
  name: productNameSchema,
  vatRateBps: vatRateBpsSchema,
  /** Units sold (a weighed or price-labelled item is one unit). */
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** What the customer paid for the whole line, in minor units. */
  netPaid: minorSchema,
  /** Units of this line the server has seen returned (by `returnIds`). May exceed `quantity`: a double return. */
  returned: z.number().int().min(0).max(1_000_000),
});
export type StoreSaleLine = Immutable<z.infer<typeof storeSaleLineSchema>>;

export const storeSalePaymentSchema = z.strictObject({
  tenderId: opaqueIdSchema,
  type: z.enum(TENDER_TYPES),
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Card transaction reference or voucher code; store-credit: the account id. */
  reference: paymentReferenceSchema.nullable(),
  /**
   * Minor units the server has seen refunded against this payment (by `returnIds`),
   * so that another till does not refund the same card or voucher twice. Absent: none.
   */
  refunded: minorSchema.optional(),
});
export type StoreSalePayment = Immutable<z.infer<typeof storeSalePaymentSchema>>;

/** One return of the sale, as an incident names it. */
export const returnMentionSchema = z.strictObject({
  returnId: uuidV7Schema,
  receiptNumber: receiptNumberSchema,
  tillCode: tillCodeSchema,
  createdAt: timestampSchema,
});
export type ReturnMention = Immutable<z.infer<typeof returnMentionSchema>>;

/** A double return the server recorded (journal_incidents, code `double-return`). */
export const storeSaleIncidentSchema = z.strictObject({
  /** The server's incident id (GET /admin/v1/incidents). */
  incidentId: z.number().int().min(1),
  recordedAt: timestampSchema,
  /** The lines returned more times than they were sold. */
  lines: z
    .array(
      z.strictObject({
        lineId: opaqueIdSchema,
        name: productNameSchema,
        sold: z.number().int().min(0),
        returned: z.number().int().min(1),
      }),
    )
    .min(1),
  /** Every return of those lines: at least two. */
  returns: z.array(returnMentionSchema).min(2),
});
export type StoreSaleIncident = Immutable<z.infer<typeof storeSaleIncidentSchema>>;

export const storeSaleSchema = z.strictObject({
  /** The sale id. */
  id: uuidV7Schema,
  storeCode: storeCodeSchema,
  tillCode: tillCodeSchema,
  receiptNumber: receiptNumberSchema,
  /** The sale's completedAt. */
  soldAt: timestampSchema,
  /** When it leaves the feed: soldAt (or the latest incident) + the store's window. The server's clock. */
  expiresAt: timestampSchema,
  currency: currencyCodeSchema,
  lines: z.array(storeSaleLineSchema),
  payments: z.array(storeSalePaymentSchema),
  /** The returns counted in `returned`: a till adds only its own returns that are not in this list. */
  returnIds: z.array(uuidV7Schema).max(1000),
  incidents: z.array(storeSaleIncidentSchema).max(100),
  /** incidents.length, indexed so a till lists flagged sales without reading the feed. */
  incidentCount: z.number().int().min(0).max(100),
});
export type StoreSale = Immutable<z.infer<typeof storeSaleSchema>>;

export interface StoreSaleEnvelope {
  readonly storeCode: string;
  readonly tillCode: string;
  readonly sequence: number;
}

/** The feed's form of a sale entry (envelope for the store, till and receipt number), returns not yet counted. */
export function storeSaleOf(envelope: StoreSaleEnvelope, sale: CompletedSale, expiresAt: string): StoreSale {
  const source = returnableSourceFromSale(sale);
  return {
    id: sale.saleId,
    storeCode: envelope.storeCode,
    tillCode: envelope.tillCode,
    receiptNumber: formatReceiptNumber(envelope),
    soldAt: sale.completedAt,
    expiresAt,
    currency: sale.currency,
    lines: source.lines.map((line) => ({
      lineId: line.lineId,
      productId: line.productId,
      name: line.name,
      vatRateBps: line.vatRateBps,
      quantity: line.quantity,
      netPaid: line.netPaid.minor,
      returned: 0,
    })),
    payments: source.payments.map((p) => ({
      tenderId: p.tenderId,
      type: p.type,
      amount: p.amount.minor,
      reference: p.type === 'store-credit' ? p.accountId : p.reference,
    })),
    returnIds: [],
    incidents: [],
    incidentCount: 0,
  };
}

/** The returnable view of a feed sale (the same as `returnableSourceFromSale` of the full record). */
export function returnableSourceFromStoreSale(sale: StoreSale): ReturnableSource {
  const money = (minor: number) => ({ minor, currency: sale.currency });
  return {
    source: { type: 'sale', id: sale.id },
    currency: sale.currency,
    lines: sale.lines.map((line) => ({
      lineId: line.lineId,
      productId: line.productId,
      name: line.name,
      vatRateBps: line.vatRateBps,
      quantity: line.quantity,
      netPaid: money(line.netPaid),
    })),
    payments: sale.payments.map((p) => ({
      tenderId: p.tenderId,
      type: p.type,
      amount: money(p.amount),
      accountId: p.type === 'store-credit' ? p.reference : null,
      reference: p.type === 'store-credit' ? null : p.reference,
    })),
  };
}

/** Minor units refunded per payment (tender id), as the server counted them. */
export function refundedByTender(sale: StoreSale): Record<string, number> {
  const refunded: Record<string, number> = {};
  for (const p of sale.payments) if (p.refunded) refunded[p.tenderId] = p.refunded;
  return refunded;
}

/** Units sold per line id (voided lines excluded: nothing of them can be returned). */
export function soldUnitsOf(sale: CompletedSale): Map<string, number> {
  return new Map(
    sale.lines.filter((line) => line.voided === null).map((line) => [line.lineId, unitsOf(line.measure)]),
  );
}

export interface ReturnOfSale {
  readonly returnId: string;
  readonly lines: readonly { readonly sourceLineId: string; readonly quantity: number }[];
}

export interface OverReturnedLine {
  readonly lineId: string;
  readonly sold: number;
  readonly returned: number;
  /** The returns of this line, in the order given. */
  readonly returnIds: readonly string[];
}

/**
 * The lines of a sale returned more times than they were sold, once every
 * return in `returns` is counted: a double return (two tills each returned
 * the same line while offline). A line the sale does not have counts as sold 0.
 */
export function overReturnedLines(
  sold: ReadonlyMap<string, number>,
  returns: readonly ReturnOfSale[],
): OverReturnedLine[] {
  const byLine = new Map<string, { returned: number; returnIds: string[] }>();
  for (const r of returns) {
    for (const line of r.lines) {
      const entry = byLine.get(line.sourceLineId) ?? { returned: 0, returnIds: [] };
      entry.returned += line.quantity;
      if (!entry.returnIds.includes(r.returnId)) entry.returnIds.push(r.returnId);
      byLine.set(line.sourceLineId, entry);
    }
  }
  return [...byLine].flatMap(([lineId, { returned, returnIds }]) => {
    const units = sold.get(lineId) ?? 0;
    return returned > units ? [{ lineId, sold: units, returned, returnIds }] : [];
  });
}

/** Adds `days` to an instant, as an ISO string in UTC. */
export function plusDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString();
}
