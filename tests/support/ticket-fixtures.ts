import { createCart } from '../../src/core/cart/cart';
import { priceCart } from '../../src/core/cart/cart-pricing';
import { idSequence, STORE_POLICY, unwrap } from '../../src/core/cart/test-builders';
import { money } from '../../src/core/money';
import { EXAMPLE_KIOSK_INPUT } from '../../src/core/orders/example-orders';
import type { KioskOrder } from '../../src/core/orders/kiosk-order';
import { placeKioskOrder } from '../../src/core/orders/place-kiosk-order';
import { completeSale } from '../../src/core/sale/complete-sale';
import type { CompletedSale } from '../../src/core/sale/completed-sale';
import { addTender, remainingDue, startPayment } from '../../src/core/sale/payment';
import type { SaleLinks } from '../../src/core/sale/sale-links';
import type { DecodedKioskTicket } from '../../src/core/tickets/kiosk-ticket';
import { ticketBasket } from '../../src/core/tickets/ticket-basket';
import { addVoucherLine } from '../../src/core/vouchers/sell-voucher';
import { generateDeviceKeyPair, signKioskTicket } from '../../src/data/kiosk-ticket-signing';

// Fixtures for kiosk tickets and gift vouchers, built through the real
// builders: an order to pay at the till, its signed ticket, and the sales a
// till completes for a ticket or a voucher.

const emptyCart = () => createCart({ currency: 'EUR', discountPolicy: STORE_POLICY, promotions: [] });

/** A kiosk order to pay at the till, as the kiosk places it (status submitted). */
export function orderToPayAtTill(id: string, kioskId: string, storeCode = 'PAR01'): KioskOrder {
  const placed = placeKioskOrder(
    {
      ...EXAMPLE_KIOSK_INPUT,
      id,
      kioskId,
      storeCode,
      paymentMethod: 'at-till',
      fulfilment: { type: 'store-pickup' },
    },
    { placedAt: new Date().toISOString() },
  );
  return unwrap(placed);
}

/** A kiosk's key pair and the ticket it signs for `order`; `publicX` is what it registers. */
export async function signedTicket(
  order: KioskOrder,
  key?: Awaited<ReturnType<typeof generateDeviceKeyPair>>,
) {
  const pair = key ?? (await generateDeviceKeyPair());
  const text = unwrap(await signKioskTicket(order, pair.privateKey));
  return { text, ...pair };
}

export interface SaleIdentity {
  readonly storeCode: string;
  readonly tillCode: string;
}

/** Distinct ids per till: each fixture till gets its own time base. */
export const idsFor = (base: number) => idSequence(1_770_000_000_000 + base * 1_000_000);

function details(nextId: () => string, till: SaleIdentity) {
  const now = new Date().toISOString();
  return {
    saleId: nextId(),
    storeCode: till.storeCode,
    tillCode: till.tillCode,
    staffId: 'staff-camille',
    startedAt: now,
    completedAt: now,
  };
}

/** The sale a till completes for a verified ticket, paid by card. */
export function ticketSale(
  ticket: DecodedKioskTicket,
  till: SaleIdentity,
  nextId: () => string,
): CompletedSale {
  const cart = unwrap(
    ticketBasket({
      empty: emptyCart(),
      payload: ticket.payload,
      lineIds: ticket.payload.l.map(() => nextId()),
      categoryOf: () => undefined,
    }),
  );
  const total = priceCart(cart).totals.total;
  const payment = unwrap(
    addTender(startPayment(total), { type: 'card', tenderId: nextId(), amount: total, terminal: null }),
  );
  const links: SaleLinks = {
    kioskOrder: { orderId: ticket.payload.o, kioskId: ticket.payload.k, ticketSha256: ticket.payloadSha256 },
  };
  return unwrap(completeSale(cart, payment, details(nextId, till), links));
}

/** A sale of one gift voucher worth `minor`, paid in cash. */
export function voucherSale(
  code: string,
  minor: number,
  till: SaleIdentity,
  nextId: () => string,
): CompletedSale {
  const sold = unwrap(
    addVoucherLine(emptyCart(), [], { lineId: nextId(), amountMinor: minor, code, name: "Bon d'achat" }),
  );
  const payment = unwrap(
    addTender(startPayment(money(minor, 'EUR')), {
      type: 'cash',
      tenderId: nextId(),
      given: money(minor, 'EUR'),
    }),
  );
  return unwrap(completeSale(sold.cart, payment, details(nextId, till), { vouchersIssued: sold.issued }));
}

/** A sale of one voucher-sold-looking open-price item paid `spend` by voucher `code` (faceValue: the balance the till knew), the rest by card. */
export function voucherSpendSale(
  code: string,
  spend: number,
  known: number,
  priceMinor: number,
  till: SaleIdentity,
  nextId: () => string,
): CompletedSale {
  // Any basket will do: one open-price line at the full rate.
  const cart = unwrap(
    addVoucherLine(emptyCart(), [], {
      lineId: nextId(),
      amountMinor: priceMinor,
      code: 'IGNORED-LINE',
      name: 'Article',
    }),
  ).cart;
  const withVat = {
    ...cart,
    lines: cart.lines.map((l) => ({ ...l, vatRateBps: 2000, productId: 'P-KETTLE', name: 'Bouilloire' })),
  };
  let payment = startPayment(priceCart(withVat).totals.total);
  payment = unwrap(
    addTender(payment, {
      type: 'voucher',
      tenderId: nextId(),
      amount: money(spend, 'EUR'),
      code,
      faceValue: money(known, 'EUR'),
    }),
  );
  const rest = remainingDue(payment);
  if (rest.minor > 0)
    payment = unwrap(addTender(payment, { type: 'card', tenderId: nextId(), amount: rest, terminal: null }));
  return unwrap(completeSale(withVat, payment, details(nextId, till)));
}
