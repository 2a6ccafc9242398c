import { createStore } from 'zustand/vanilla';
import type { Money } from '../core/money';
import { ticketBasket } from '../core/tickets/ticket-basket';
import type { KioskTicketRefusal } from '../core/tickets/ticket-refusal';
import { verifyKioskTicket } from '../data/kiosk-ticket-signing';
import type { TillDatabase } from '../data/till-database';
import { recentLocalSales } from '../data/vouchers';
import type { BasketPort } from './basket-port';
import { newId } from './ids';

// The till's side of "pay at the till" (docs/kiosk-tickets.md): the cashier
// scans the kiosk's ticket; it is checked offline (signature by a device key
// of this store), refused in words when forged, altered, foreign or already
// paid here; otherwise its order becomes the basket, with the signed prices
// and VAT rates, and is paid like any sale. The sale names the order
// (SaleLinks.kioskOrder) and the server marks the order paid.

export interface KioskTicketState {
  readonly phase: 'idle' | 'checking' | 'loaded' | 'refused';
  readonly refusal: KioskTicketRefusal | undefined;
  /** The order on the basket, while loaded. */
  readonly order:
    | { readonly orderId: string; readonly shortId: string; readonly pieces: number; readonly total: Money }
    | undefined;
}

export interface KioskTicketServices {
  readonly db: TillDatabase;
  readonly basket: BasketPort;
}

/** The last characters of an order id, as the kiosk prints it under the QR code. */
export const shortOrderId = (orderId: string): string => orderId.replace(/-/g, '').slice(-8).toUpperCase();

export function createKioskTicketStore(services: KioskTicketServices) {
  const { db, basket } = services;
  const store = createStore<KioskTicketState>()(() => ({
    phase: 'idle',
    refusal: undefined,
    order: undefined,
  }));
  const refuse = (refusal: KioskTicketRefusal): false => {
    store.setState({ phase: 'refused', refusal });
    return false;
  };
  /** The sale moved on (paid, or another basket): forget the order shown. */
  const syncWithBasket = (): void => {
    const { phase } = store.getState();
    if (phase === 'loaded' && !basket.current().links.kioskOrder)
      store.setState({ phase: 'idle', order: undefined });
  };
  // Paying completes the sale in the sale store, not here: follow it, so a paid order is not still shown
  // as the one to take (with a button to drop it).
  basket.onChange(syncWithBasket);

  async function alreadyPaid(orderId: string): Promise<'already-paid' | 'not-payable' | undefined> {
    const sales = await recentLocalSales(db);
    if (sales.some(({ sale }) => sale.kioskOrder?.orderId === orderId)) return 'already-paid';
    // The server's copy, if the kiosk's order has reached this till.
    const known = (await db.orders.findOne(orderId).exec())?.toMutableJSON() as
      | { kind?: string; status?: string }
      | undefined;
    if (known?.kind !== 'kiosk' || known.status === 'submitted') return undefined;
    return known.status === 'cancelled' ? 'not-payable' : 'already-paid';
  }

  return {
    store,

    /** A scan that `isKioskTicketText` recognised. True when its order is now the basket. */
    async scanTicket(raw: string): Promise<boolean> {
      store.setState({ phase: 'checking', refusal: undefined });
      const settings = (await db.settings.findOne().exec())?.toMutableJSON();
      if (!settings) return refuse('no-settings');
      const verified = await verifyKioskTicket(raw, settings);
      if (!verified.ok) return refuse(verified.error);
      const ticket = verified.value;
      const paid = await alreadyPaid(ticket.payload.o);
      if (paid) return refuse(paid);
      const open = basket.current();
      const hasLines = open.cart.lines.some((l) => l.voided === null);
      if (open.paying || open.holdsMoney || (hasLines && !open.links.kioskOrder))
        return refuse('basket-busy');
      const products = await db.catalog.getMany(ticket.payload.l.map((l) => l[0]));
      const cart = ticketBasket({
        empty: await basket.emptyCart(),
        payload: ticket.payload,
        lineIds: ticket.payload.l.map(() => newId()),
        categoryOf: (id) => products.get(id)?.category,
      });
      if (!cart.ok) return refuse(cart.error.code);
      basket.replaceBasket(cart.value, {
        kioskOrder: {
          orderId: ticket.payload.o,
          kioskId: ticket.payload.k,
          ticketSha256: ticket.payloadSha256,
        },
      });
      store.setState({
        phase: 'loaded',
        refusal: undefined,
        order: {
          orderId: ticket.payload.o,
          shortId: shortOrderId(ticket.payload.o),
          pieces: ticket.payload.l.reduce((n, l) => n + l[3], 0),
          total: { minor: ticket.payload.n, currency: ticket.payload.c },
        },
      });
      return true;
    },

    /** Drops the kiosk order from the basket (the customer changed their mind); not once money was taken. */
    async clear(): Promise<void> {
      const open = basket.current();
      if (open.links.kioskOrder && !open.paying && !open.holdsMoney)
        basket.replaceBasket(await basket.emptyCart(), {});
      store.setState({ phase: 'idle', refusal: undefined, order: undefined });
    },

    /** The refusal was read. */
    dismiss(): void {
      if (store.getState().phase === 'refused') store.setState({ phase: 'idle', refusal: undefined });
    },

    syncWithBasket,
  };
}

export type KioskTicketStore = ReturnType<typeof createKioskTicketStore>;
