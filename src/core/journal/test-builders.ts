import { approveDiscount, setBasketDiscount, setLineDiscount } from '../cart/cart-discounts';
import { addProduct, voidLine } from '../cart/cart-lines';
import { aKgProduct, aProduct, eur, idSequence, unwrap, YOGURTS_3_FOR_2 } from '../cart/test-builders';
import { EXAMPLE_KIOSK_INPUT, exampleHandover } from '../orders/example-orders';
import type { OrderHandover } from '../orders/handover';
import type { KioskOrder } from '../orders/kiosk-order';
import { placeKioskOrder } from '../orders/place-kiosk-order';
import type { CompletedReturn } from '../returns/completed-return';
import { createReturn } from '../returns/create-return';
import type { RefundPolicy } from '../returns/refund-policy';
import { returnableSourceFromSale } from '../returns/returnable-source';
import { anOnlineOrder, returnDetails, returning, WRONG_SIZE } from '../returns/test-builders';
import type { CompletedSale } from '../sale/completed-sale';
import { aSale } from '../sale/test-builders';
import { appendEntry } from './append-entry';
import type { JournalEntry } from './journal-entry';

// Real sale, return and handover records for the journal tests, built through
// the sale, returns and orders builders (never written by hand), so that they
// are exactly what the till journals and what the payload schemas accept.
// Pure, so it type-checks with the core; a failing step throws (a broken fixture).

const APPROVAL = { approverStaffId: 'manager-1', approvedAt: '2025-10-09T10:13:30+02:00' };
const VOID = { byStaffId: 'cashier-7', at: '2025-10-09T10:13:00+02:00', reason: 'scanné deux fois' };
const TERMINAL = {
  terminalId: 'TPE-01',
  transactionRef: '0042-7781',
  authorisationCode: 'A1B2C3',
  maskedPan: '************1234',
  scheme: 'CB',
};
const creme = aProduct({ id: 'creme-brulee', name: 'Crème brûlée « maison » 2×125 g', priceMinor: 349 });
const pull = aProduct({ id: 'pull', name: 'Pull laine — Ø 1', category: 'clothing', priceMinor: 4590 });

/** The ids a builder mints: one range per record, so no two records share an id. */
const idsFrom = (slot: number) => idSequence(1_760_000_000_000 + slot * 60_000);

/** Three pieces paid by card: the plainest sale. */
/** A till's journal of `count` plain sales (aPlainSale 0, 1, …), chained, with fixed ids and times. */
export function aSaleChain(
  count: number,
  till: { readonly storeCode: string; readonly tillCode: string; readonly tillId: string },
): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let n = 0; n < count; n++) {
    const head = entries.at(-1);
    const appended = appendEntry(
      head ? { sequence: head.sequence, hash: head.hash } : null,
      {
        kind: 'sale.completed',
        payload: aPlainSale(n),
        id: `0195509b-0000-7000-8000-${String(n).padStart(12, '0')}`,
        recordedAt: '2026-12-07T09:00:00.000Z',
      } as never,
      till,
    );
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    entries.push(appended.value.entry);
  }
  return entries;
}

export const aPlainSale = (slot = 0): CompletedSale =>
  aSale(idsFrom(slot)).withLines(3).paidBy('card').complete();

/** A promotion, a weighed line, a voided line, non-ASCII names; part card (with terminal data), rest cash with change. */
export function aBusySale(slot = 1): CompletedSale {
  return aSale(idsFrom(slot))
    .withPromotions(YOGURTS_3_FOR_2)
    .with(aProduct(), 3)
    .with(aKgProduct(), { weightGrams: 1234 })
    .with(creme)
    .andThen((cart) => unwrap(voidLine(cart, cart.lines[2]?.lineId ?? '', VOID)))
    .paidWith((_, tenderId) => ({ type: 'card', tenderId, amount: eur(150), terminal: TERMINAL }))
    .paidBy('cash')
    .complete();
}

/** An approved line discount, a basket discount, a price-label line; part voucher (face above amount), rest store credit. */
export function aDiscountedSale(slot = 2): CompletedSale {
  const ids = idsFrom(slot);
  return aSale(ids)
    .with(pull, 2)
    .with(creme)
    .andThen((cart) =>
      unwrap(
        addProduct(
          cart,
          aKgProduct(),
          { embeddedPrice: eur(1873) },
          { lineId: ids(), scannedCode: '2123450018731' },
        ),
      ),
    )
    .andThen((cart) => {
      const lineId = cart.lines[0]?.lineId ?? '';
      const request = {
        value: { type: 'percentage', bps: 2500 },
        reasonCode: 'damaged-pack',
        grantedByStaffId: 'cashier-7',
      } as const;
      return unwrap(approveDiscount(unwrap(setLineDiscount(cart, lineId, request)), lineId, APPROVAL));
    })
    .andThen((cart) =>
      unwrap(
        setBasketDiscount(cart, {
          value: { type: 'amount', amount: eur(300) },
          reasonCode: 'loyalty',
          grantedByStaffId: 'cashier-7',
        }),
      ),
    )
    .paidWith((_, tenderId) => ({
      type: 'voucher',
      tenderId,
      amount: eur(1500),
      code: 'BON-2025-0042',
      faceValue: eur(2000),
    }))
    .paidBy('store-credit')
    .complete();
}

const ORIGINAL_TENDERS: RefundPolicy = {
  type: 'original-tenders',
  voucherPortionTo: 'store-credit',
  storeCreditAccountId: 'client-0042',
};

/** A return of `units` of each of the sale's returnable lines (at most what was bought). */
export function aReturnOf(
  sale: CompletedSale,
  slot: number,
  units = 1,
  policy = ORIGINAL_TENDERS,
): CompletedReturn {
  const source = returnableSourceFromSale(sale);
  const lines = source.lines.map((l, i) =>
    returning(
      l.lineId,
      Math.min(units, l.quantity),
      i === 0 ? { code: 'other', note: 'cadeau en double' } : WRONG_SIZE,
      i > 0,
    ),
  );
  return unwrap(
    createReturn({ details: returnDetails(idsFrom(slot)()), source, previousReturns: [], lines, policy }),
  );
}

/** One dress of the example online order, refunded in cash. */
export const anOnlineOrderReturn = (slot = 9): CompletedReturn =>
  unwrap(
    createReturn({
      details: returnDetails(idsFrom(slot)()),
      source: anOnlineOrder(),
      previousReturns: [],
      lines: [returning('l1', 1, WRONG_SIZE)],
      policy: { type: 'cash' },
    }),
  );

/** Handovers of the example click-and-collect order, one per way of identifying the customer. */
export function someHandovers(): readonly OrderHandover[] {
  return [
    exampleHandover('0195509b-0000-7003-8000-00000000000a', [{ lineId: 'l1', quantity: 1 }]),
    exampleHandover(
      '0195509b-0000-7004-8000-00000000000b',
      [
        { lineId: 'l2', quantity: 3 },
        { lineId: 'l3', quantity: 1 },
      ],
      { identification: { method: 'id-checked', document: 'passport' }, staffId: 'staff-7' },
    ),
    exampleHandover('0195509b-0000-7005-8000-00000000000c', [{ lineId: 'l3', quantity: 1 }], {
      identification: { method: 'order-number-typed', webOrderId: 'WEB-100234' },
    }),
  ];
}

/** The example kiosk order as a kiosk places it: submitted, or paid on its terminal with `cardReference`. */
export function aPlacedKioskOrder(cardReference?: string): KioskOrder {
  const placed = placeKioskOrder(
    { ...EXAMPLE_KIOSK_INPUT, paymentMethod: cardReference ? 'at-kiosk' : 'at-till' },
    {
      placedAt: '2025-03-01T10:16:00+01:00',
      ...(cardReference ? { payment: { type: 'kiosk-card', cardReference } } : {}),
    },
  );
  return unwrap(placed);
}

/** A small pool of each record kind, for property tests to pick from. */
export function samplePayloads(): {
  readonly sales: readonly CompletedSale[];
  readonly returns: readonly CompletedReturn[];
  readonly handovers: readonly OrderHandover[];
  readonly kioskOrders: readonly KioskOrder[];
} {
  const busy = aBusySale();
  const discounted = aDiscountedSale();
  return {
    sales: [aPlainSale(), busy, discounted],
    returns: [aReturnOf(busy, 10), aReturnOf(discounted, 11, 2), anOnlineOrderReturn()],
    handovers: someHandovers(),
    kioskOrders: [aPlacedKioskOrder(), aPlacedKioskOrder('TPE-0042-7781')],
  };
}
