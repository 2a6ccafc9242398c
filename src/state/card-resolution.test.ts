import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvePaymentParams } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { aProduct } from '../core/cart/test-builders';
import { err, ok } from '../core/result';
import { findProductByBarcode } from '../data/product-lookup';
import type { TillDatabase } from '../data/till-database';
import { createApprovalStore } from './approval-store';
import { createReceiptDesk } from './receipt-desk';
import { createSaleStore } from './sale-store';
import {
  asSignedIn,
  CAMILLE,
  identity,
  journalOf,
  journalWriter,
  MARC,
  staffTill,
  until,
} from './staff-access.test-support';

// A card payment whose outcome the terminal can no longer tell, settled by a
// manager through the till's approvals (not a PIN field of its own): the
// approval is journalled naming the manager and the decision, and the host
// hears the decision under the manager's id.

const YAOURT = aProduct({ id: 'yaourt', barcode: '3017620422003', priceMinor: 1_200 });

/** A terminal that took the card, then can tell nothing about it; `resolved` records the decisions. */
function unknowingTerminal() {
  const resolved: ResolvePaymentParams[] = [];
  const bridge = {
    onHostConnection: () => () => undefined,
    onPaymentProgress: () => () => undefined,
    showOnDisplay: async () => ok({ done: true }),
    openDrawer: async () => ok({ done: true }),
    startPayment: async () => err({ code: 'outcome-unknown', message: 'no answer', retryable: true }),
    recoverPayment: async () => err({ code: 'outcome-unknown', message: 'another ECR', retryable: false }),
    async resolvePayment(params: ResolvePaymentParams) {
      resolved.push(params);
      return ok({
        status: 'approved' as const,
        paymentId: params.paymentId,
        kind: 'payment' as const,
        amountMinor: YAOURT.priceMinor,
        currency: 'EUR',
        reference: 'manual',
        terminalReceipt: [],
      });
    },
  } as unknown as PosBridge;
  return { bridge, resolved };
}

describe('a manager settles a card payment of unknown outcome', () => {
  let db: TillDatabase;
  beforeEach(async () => {
    db = await staffTill('card-resolution');
    await db.catalog.put([YAOURT]);
  });
  afterEach(() => db.close());

  async function saleWithUnknownCard() {
    const terminal = unknowingTerminal();
    const services = {
      db,
      journal: journalWriter(db),
      findProductByBarcode: (code: string) => findProductByBarcode(db.catalog, code),
      sync: { identity } as never,
      bridge: terminal.bridge,
      config: { syncUrl: 'http://127.0.0.1:8787' } as never,
    };
    const sale = createSaleStore(services, createReceiptDesk(services));
    const approvals = createApprovalStore(services);
    await sale.signInAs(asSignedIn(CAMILLE));
    await sale.scan(YAOURT.barcode);
    sale.startPayment();
    await sale.payCard();
    expect(sale.store.getState().card?.phase).toBe('outcome-unknown');
    return { sale, approvals, resolved: terminal.resolved };
  }

  it('asks a manager’s PIN in the approval prompt, journals the approval, then tells the host', async () => {
    const { sale, approvals, resolved } = await saleWithUnknownCard();
    const paymentId = sale.store.getState().card?.paymentId;
    const deciding = sale.resolveCardPayment('charged', approvals);
    await until(() => approvals.store.getState().pending !== undefined);
    const pending = approvals.store.getState().pending;
    expect(pending).toMatchObject({ action: 'card-resolution', reason: 'Carte débitée', amountMinor: 1_200 });
    // A cashier may not decide; the manager is the one approver offered.
    expect(pending?.approvers.map((a) => a.id)).toEqual([MARC.id]);
    await approvals.submitPin('1111');
    expect(approvals.store.getState().pending?.problem).toMatch(/^Code PIN incorrect/);
    expect(resolved).toEqual([]);
    await approvals.submitPin('3333');
    await deciding;

    expect(resolved).toEqual([{ paymentId, resolution: 'charged', approvedBy: MARC.id }]);
    const journal = await journalOf(db);
    expect(journal.map((e) => e.kind)).toEqual(['manager.approval', 'sale.completed']);
    expect(journal[0]?.payload).toEqual({
      approverStaffId: MARC.id,
      requestedByStaffId: CAMILLE.id,
      subject: { type: 'card-resolution', paymentId, resolution: 'charged' },
      reason: 'Carte débitée',
    });
    expect(sale.store.getState().card).toBeUndefined();
  });

  it('cancelled, nothing is decided: the payment stays unknown and nothing is journalled', async () => {
    const { sale, approvals, resolved } = await saleWithUnknownCard();
    const deciding = sale.resolveCardPayment('not-charged', approvals);
    await until(() => approvals.store.getState().pending !== undefined);
    approvals.cancel();
    await deciding;
    expect(resolved).toEqual([]);
    expect(sale.store.getState().card?.phase).toBe('outcome-unknown');
    expect(await journalOf(db)).toEqual([]);
  });
});
