import { createStore } from 'zustand/vanilla';
import type { Money } from '../core/money';
import { pickupOrderBasket } from '../core/orders/pickup-basket';
import { orderAmount } from '../core/orders/pickup-payment';
import { findPickupOrderToPay, type PickupOrderToPayRefusal } from '../data/pickup-order-to-pay';
import type { TillDatabase } from '../data/till-database';
import type { BasketPort } from './basket-port';
import { newId } from './ids';

// The till's side of "paid at a till" for a click-and-collect order
// (docs/pickup.md): the pickup desk sends the customer to the till; the
// cashier scans the QR of their confirmation (POS1:P:<code>). The order is
// found and checked offline (signature, still due), becomes the basket at
// the signed prices (nothing added, nothing voided), and is paid with any
// tender. The sale names the order (SaleLinks.clickCollectOrder): the server
// writes the payment on the order once, and the desk sees it paid.

export type PickupAtTillRefusal = PickupOrderToPayRefusal | 'basket-busy' | 'basket';

export interface PickupAtTillState {
  readonly phase: 'idle' | 'loaded' | 'refused';
  readonly refusal: PickupAtTillRefusal | undefined;
  readonly order:
    | {
        readonly orderId: string;
        readonly webOrderId: string;
        readonly pieces: number;
        readonly total: Money;
      }
    | undefined;
}

export function createPickupOrderAtTillStore(services: {
  readonly db: TillDatabase;
  readonly basket: BasketPort;
}) {
  const { db, basket } = services;
  const store = createStore<PickupAtTillState>()(() => ({
    phase: 'idle',
    refusal: undefined,
    order: undefined,
  }));
  const refuse = (refusal: PickupAtTillRefusal): false => {
    store.setState({ phase: 'refused', refusal });
    return false;
  };
  const syncWithBasket = (): void => {
    if (store.getState().phase === 'loaded' && !basket.current().links.clickCollectOrder)
      store.setState({ phase: 'idle', order: undefined });
  };
  basket.onChange(syncWithBasket);

  return {
    store,

    /** A scan of a pickup QR at the sale screen. True when its order is now the basket. */
    async scan(raw: string): Promise<boolean> {
      const found = await findPickupOrderToPay(db, raw);
      if (!found.ok) return refuse(found.error);
      const order = found.value;
      const open = basket.current();
      const hasLines = open.cart.lines.some((l) => l.voided === null);
      if (open.paying || open.holdsMoney || (hasLines && !open.links.clickCollectOrder))
        return refuse('basket-busy');
      const cart = pickupOrderBasket({
        empty: await basket.emptyCart(),
        order,
        lineIds: order.lines.map(() => newId()),
        categoryOf: () => undefined,
      });
      if (!cart.ok) return refuse('basket');
      basket.replaceBasket(cart.value, {
        clickCollectOrder: { orderId: order.id, pickupCode: order.pickupCode },
      });
      store.setState({
        phase: 'loaded',
        refusal: undefined,
        order: {
          orderId: order.id,
          webOrderId: order.webOrderId,
          pieces: order.lines.reduce((n, l) => n + l.quantity, 0),
          total: orderAmount(order),
        },
      });
      return true;
    },

    /** Drops the order from the basket; not once money was taken. */
    async clear(): Promise<void> {
      const open = basket.current();
      if (open.links.clickCollectOrder && !open.paying && !open.holdsMoney)
        basket.replaceBasket(await basket.emptyCart(), {});
      store.setState({ phase: 'idle', refusal: undefined, order: undefined });
    },

    dismiss(): void {
      if (store.getState().phase === 'refused') store.setState({ phase: 'idle', refusal: undefined });
    },

    syncWithBasket,
  };
}
export type PickupOrderAtTillStore = ReturnType<typeof createPickupOrderAtTillStore>;
