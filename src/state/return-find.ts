import { looksLikeProjectCode, parseProjectCode } from '../core/barcodes/project-codes';
import { parseDigitalReceiptToken } from '../core/receipts/digital-receipt';
import { err, ok, type Result } from '../core/result';
import { returnableSourceFromOrder } from '../core/returns/order-source';
import type { ReturnableSource } from '../core/returns/returnable-source';
import type { StoreSettings } from '../core/settings/store-settings';
import { verifyOrderTokenOffline } from '../data/order-token-verifier';
import {
  findOnlineOrder,
  findOwnSaleById,
  findOwnSaleByReceipt,
  ownReturnsOf,
  refundedByTenderOf,
  type TillCodes,
  unitsReturned,
} from '../data/return-sources';
import type { TillDatabase } from '../data/till-database';
import { orderReturnWords, orderTokenWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';

// Finding what the customer brings back, from what the cashier scanned or
// typed: a receipt's QR (POS1:R:<receipt number>), a digital receipt's
// address, a receipt number, an order confirmation's QR (POS1:P:<pickup
// code>) or a web order number. This till's sales come from its journal and
// online orders from the replicated orders, both offline; the order is
// trusted only once its signed token verifies. Other tills' sales go to the
// store's sales feed (`findStoreSale`, returnable-sales.ts).

export interface FoundSource {
  readonly source: ReturnableSource;
  /** The original receipt number (a sale), printed on the return receipt; null for an order. */
  readonly receiptNumber: string | null;
  /** Units already returned per source line, here and (from the feed) at the other tills. */
  readonly alreadyReturned: Readonly<Record<string, number>>;
  /** Minor units already refunded per payment (tender id), here and at the other tills. */
  readonly alreadyRefunded: Readonly<Record<string, number>>;
}

/** What the store's other tills are known to have returned and refunded of a source. */
interface Elsewhere {
  readonly alreadyReturned: Readonly<Record<string, number>>;
  readonly alreadyRefunded: Readonly<Record<string, number>>;
}
const NOWHERE: Elsewhere = { alreadyReturned: {}, alreadyRefunded: {} };

export type StoreSaleQuery = ({ readonly receiptNumber: string } | { readonly saleId: string }) & {
  /** Only what this till holds (its journal and the store feed): no wait on the network. */
  readonly localOnly?: boolean;
};

/** The store's other tills' sales (store-sales helper): found, or why not, in words. */
export type FindStoreSale = (query: StoreSaleQuery) => Promise<Result<FoundSource, string>>;

export type FindQuery =
  | { readonly kind: 'receipt'; readonly receiptNumber: string }
  | { readonly kind: 'journal-entry'; readonly entryId: string }
  | { readonly kind: 'pickup'; readonly pickupCode: string }
  | { readonly kind: 'order-number'; readonly webOrderId: string };

const RECEIPT_NUMBER = /^[A-Z0-9]{2,8}-[A-Z0-9]{1,4}-\d{6,15}$/i;

/** A receipt's own QR code (POS1:R:<receipt number>): a sale brought back, never an article. */
export function isReceiptCode(raw: string): boolean {
  const text = raw.trim();
  if (!looksLikeProjectCode(text)) return false;
  const code = parseProjectCode(text);
  return code.ok && code.value.kind === 'receipt';
}

/** What the scanned or typed text names, or why it names nothing. */
export function readFindInput(raw: string): Result<FindQuery, string> {
  const text = raw.trim();
  if (text === '') return err(t('returns.find.empty'));
  const digital = /\/receipts\/v1\/([^/?#]+)/.exec(text);
  if (digital?.[1]) {
    const token = parseDigitalReceiptToken(digital[1]);
    if (token) return ok({ kind: 'journal-entry', entryId: token.entryId });
  }
  if (looksLikeProjectCode(text)) {
    const code = parseProjectCode(text);
    if (!code.ok) return err(t('returns.find.unreadableCode'));
    if (code.value.kind === 'receipt')
      return ok({ kind: 'receipt', receiptNumber: code.value.receiptNumber });
    if (code.value.kind === 'pickup') return ok({ kind: 'pickup', pickupCode: code.value.pickupCode });
    return err(t('returns.find.kioskTicket'));
  }
  if (RECEIPT_NUMBER.test(text)) return ok({ kind: 'receipt', receiptNumber: text.toUpperCase() });
  return ok({ kind: 'order-number', webOrderId: text });
}

export interface FindServices {
  readonly db: TillDatabase;
  readonly till: TillCodes;
  readonly settings: StoreSettings | undefined;
  readonly findStoreSale?: FindStoreSale | undefined;
}

async function withOwnReturns(
  db: TillDatabase,
  source: ReturnableSource,
  receiptNumber: string | null,
  elsewhere: Elsewhere = NOWHERE,
): Promise<FoundSource> {
  const own = await ownReturnsOf(db, source.source);
  const here = unitsReturned(own);
  const refundedHere = refundedByTenderOf(own);
  const alreadyReturned: Record<string, number> = {};
  const alreadyRefunded: Record<string, number> = {};
  // The feed counts this till's synced returns too: the larger count is the safe one.
  for (const line of source.lines) {
    alreadyReturned[line.lineId] = Math.max(
      here[line.lineId] ?? 0,
      elsewhere.alreadyReturned[line.lineId] ?? 0,
    );
  }
  for (const payment of source.payments) {
    alreadyRefunded[payment.tenderId] = Math.max(
      refundedHere[payment.tenderId] ?? 0,
      elsewhere.alreadyRefunded[payment.tenderId] ?? 0,
    );
  }
  return { source, receiptNumber, alreadyReturned, alreadyRefunded };
}

/**
 * This till's own sale may have been returned at another till too: what the
 * store feed (or the server) says of it, or nothing when neither knows.
 */
async function elsewhereOf(services: FindServices, saleId: string): Promise<Elsewhere> {
  if (!services.findStoreSale) return NOWHERE;
  // The feed alone: returning this till's own sale must not wait on a link that may be down.
  const found = await services.findStoreSale({ saleId, localOnly: true });
  return found.ok ? found.value : NOWHERE;
}

/** The source a query names, or why there is none, in the cashier's words. */
export async function findReturnSource(
  services: FindServices,
  query: FindQuery,
): Promise<Result<FoundSource, string>> {
  const { db, till } = services;
  switch (query.kind) {
    case 'receipt': {
      const own = await findOwnSaleByReceipt(db, till, query.receiptNumber);
      if (own) {
        const elsewhere = await elsewhereOf(services, own.source.source.id);
        return ok(await withOwnReturns(db, own.source, own.receiptNumber, elsewhere));
      }
      return otherTill(services, { receiptNumber: query.receiptNumber });
    }
    case 'journal-entry': {
      const doc = await db.journal.findOne(query.entryId).exec();
      const entry = doc?.toMutableJSON();
      if (entry?.kind !== 'sale.completed') return err(t('returns.find.notFound'));
      const own = await findOwnSaleById(db, (entry.payload as { saleId: string }).saleId);
      if (!own) return err(t('returns.find.notFound'));
      const elsewhere = await elsewhereOf(services, own.source.source.id);
      return ok(await withOwnReturns(db, own.source, own.receiptNumber, elsewhere));
    }
    case 'pickup':
    case 'order-number': {
      const found = await findOnlineOrder(
        db,
        query.kind === 'pickup' ? { pickupCode: query.pickupCode } : { webOrderId: query.webOrderId },
      );
      if (!found.ok) {
        return err(
          found.error === 'order-not-found' ? t('returns.find.orderNotFound') : orderTokenWords('malformed'),
        );
      }
      if (!services.settings) return err(t('returns.find.noSettings'));
      const verified = await verifyOrderTokenOffline(found.value, services.settings.orderSigningKey);
      if (!verified.ok) return err(orderTokenWords(verified.error));
      const source = returnableSourceFromOrder(found.value);
      if (!source.ok) return err(orderReturnWords(source.error));
      return ok(await withOwnReturns(db, source.value, null));
    }
  }
}

async function otherTill(
  services: FindServices,
  query: StoreSaleQuery,
): Promise<Result<FoundSource, string>> {
  if (!services.findStoreSale) return err(t('returns.find.notFound'));
  const found = await services.findStoreSale(query);
  if (!found.ok) return found;
  return ok(await withOwnReturns(services.db, found.value.source, found.value.receiptNumber, found.value));
}
