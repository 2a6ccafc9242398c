import type { PosBridge } from '../core/bridge/pos-bridge';
import { receiptNumberOf } from '../core/journal/journal-entry';
import { type Money, sumMoney } from '../core/money';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { HandoverLine } from '../core/orders/handover';
import { err, ok, type Result } from '../core/result';
import type { CompletedReturn } from '../core/returns/completed-return';
import { createReturn } from '../core/returns/create-return';
import { paidOut } from '../core/returns/exchange-credit';
import { returnableSourceFromOrder } from '../core/returns/order-source';
import { DEFAULT_RETURN_POLICY, refundApprovalNeed, refundPolicyFor } from '../core/returns/return-policy';
import { type ReturnableSource, returnableSourceFromSale } from '../core/returns/returnable-source';
import type { StoreSettings } from '../core/settings/store-settings';
import type { JournalWriter } from '../data/journal-writer';
import { ownSaleOfOrder } from '../data/pickup-order-sales';
import { ownReturnsOf } from '../data/return-sources';
import type { TillDatabase } from '../data/till-database';
import { journalErrorWords, returnErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import { refundOnCard } from './return-refund';

// Items the customer refuses at the pickup desk (docs/pickup.md, "Refused at
// the desk"): they were handed over with the rest, and come straight back
// through the till's return flow, the core's createReturn, with reason
// `refused-at-pickup`, no restock (order goods move no stock: see
// project-handovers.ts), refunded to the original payments by the store's
// return policy, card parts on this desk's terminal before the return is
// journaled (as the till's return store does). The source is what paid:
// - the web shop's signed payments: the order as a returnable source
//   (returnableSourceFromOrder: what was handed over, at the signed prices);
// - this desk's own sale (paid at pickup by card): that sale.
// An order paid at a till, a refund beyond the policy's limit (a manager's
// approval) or a part to pay back in cash (the desk has no drawer) is left
// to the till's return flow, said in words; the handover stays recorded.

export interface RefusedReturnServices {
  readonly db: TillDatabase;
  readonly journal: JournalWriter;
  readonly bridge: PosBridge | undefined;
  readonly till: { readonly storeCode: string; readonly tillCode: string };
}

export interface RefusedReturnDone {
  readonly record: CompletedReturn;
  readonly receiptNumber: string | null;
  readonly cardOut: Money;
}

/** The returnable source of the order and how order lines map onto its lines. */
async function sourceOf(
  db: TillDatabase,
  order: ClickCollectOrder,
): Promise<
  Result<{ source: ReturnableSource; lineOf: (orderLineId: string) => string | undefined }, string>
> {
  if (order.payments !== undefined) {
    const source = returnableSourceFromOrder(order);
    if (!source.ok) return err(t('pickupApp.refusedReturn.notReturnable'));
    return ok({ source: source.value, lineOf: (id) => id });
  }
  const own = await ownSaleOfOrder(db, order.id);
  if (!own) return err(t('pickupApp.refusedReturn.paidElsewhere'));
  // The desk's sale has one line per order line, in order (pickupOrderSale).
  const byOrderLine = new Map(order.lines.map((line, i) => [line.lineId, own.sale.lines[i]?.lineId]));
  return ok({ source: returnableSourceFromSale(own.sale), lineOf: (id) => byOrderLine.get(id) });
}

export async function returnRefusedAtPickup(
  services: RefusedReturnServices,
  input: {
    /** The order after the handover that included the refused pieces. */
    readonly order: ClickCollectOrder;
    readonly refused: readonly HandoverLine[];
    readonly staffId: string;
    readonly returnId: string;
    readonly entryId: string;
    readonly at: string;
  },
): Promise<Result<RefusedReturnDone, string>> {
  const { db } = services;
  const found = await sourceOf(db, input.order);
  if (!found.ok) return found;
  const { source, lineOf } = found.value;
  const lines = [];
  for (const line of input.refused) {
    const sourceLineId = lineOf(line.lineId);
    if (!sourceLineId) return err(t('pickupApp.refusedReturn.notReturnable'));
    lines.push({
      sourceLineId,
      quantity: line.quantity,
      restock: false,
      reason: { code: 'refused-at-pickup', note: null } as const,
    });
  }
  const settings = (await db.settings.findOne().exec())?.toMutableJSON() as StoreSettings | undefined;
  const policy = settings?.returnPolicy ?? DEFAULT_RETURN_POLICY;
  const built = createReturn({
    details: {
      returnId: input.returnId,
      storeCode: services.till.storeCode,
      tillCode: services.till.tillCode,
      staffId: input.staffId,
      createdAt: input.at,
    },
    source,
    previousReturns: await ownReturnsOf(db, source.source),
    lines,
    policy: refundPolicyFor(policy, source, { to: 'original' }),
  });
  if (!built.ok) return err(returnErrorWords(built.error));
  const record = built.value;
  if (refundApprovalNeed(policy, record.total, true)) return err(t('pickupApp.refusedReturn.needsManager'));
  const out = paidOut(record, null);
  if (out.some((part) => part.method === 'cash')) return err(t('pickupApp.refusedReturn.cashAtTill'));
  for (const part of out.filter((p) => p.method === 'card')) {
    const refunded = await refundOnCard(services.bridge, part);
    if (!refunded.ok) return err(refunded.error);
  }
  const entry = await services.journal.append({
    kind: 'return.completed',
    payload: record,
    id: input.entryId,
    recordedAt: input.at,
  });
  if (!entry.ok) return err(t('returns.refund.notJournalled', { words: journalErrorWords(entry.error) }));
  return ok({
    record,
    receiptNumber: receiptNumberOf(entry.value),
    cardOut: sumMoney(
      out.filter((p) => p.method === 'card').map((p) => p.amount),
      record.currency,
    ),
  });
}
