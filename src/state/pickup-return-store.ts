import { createStore } from 'zustand/vanilla';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { piecesLeft } from '../core/orders/pickup-queue';
import { t } from '../i18n/i18n';
import type { PickupPort } from './pickup-port';
import { statusMoveWords } from './pickup-words';

// Returning an order its customer did not collect to stock, at the pickup
// desk: the clerk asks, the desk says what goes back to the shelves and asks
// to confirm; confirmed, the order moves to `returned` through the same path
// as "ready" (moveOrderStatus: the desk's database, then the outbox pushes it,
// online or later). The core refuses a second return (returned is final), so
// the server and the web shop's export get one "returned" per order.

export interface PickupReturnState {
  /** The order the clerk asked to return, waiting for the confirmation. */
  readonly asking: ClickCollectOrder | undefined;
  readonly busy: boolean;
  readonly problem: string | undefined;
  /** Said once the order is returned, with that order's id. */
  readonly message: string | undefined;
  readonly returnedId: string | undefined;
}

const initial: PickupReturnState = {
  asking: undefined,
  busy: false,
  problem: undefined,
  message: undefined,
  returnedId: undefined,
};

/** Pieces that go back to stock: what is left to hand over. */
export function piecesToRestock(order: ClickCollectOrder): number {
  return [...piecesLeft(order).values()].reduce((sum, n) => sum + n, 0);
}

export function createPickupReturnStore(port: Pick<PickupPort, 'move'>) {
  const store = createStore<PickupReturnState>()(() => initial);
  return {
    store,
    ask(order: ClickCollectOrder): void {
      store.setState({ ...initial, asking: order });
    },
    cancel(): void {
      store.setState(initial);
    },
    /** Confirmed: the order is returned to stock (true), or the refusal is said (false). */
    async confirm(): Promise<boolean> {
      const { asking, busy } = store.getState();
      if (!asking || busy) return false;
      store.setState({ busy: true, problem: undefined });
      const moved = await port.move(asking.id, { type: 'return' });
      if (!moved.ok) {
        store.setState({ busy: false, problem: statusMoveWords(moved.error) });
        return false;
      }
      store.setState({
        ...initial,
        returnedId: asking.id,
        message: t('pickupApp.restock.done', { number: asking.webOrderId }),
      });
      return true;
    },
  };
}
export type PickupReturnStore = ReturnType<typeof createPickupReturnStore>;
