import { createStore } from 'zustand/vanilla';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import {
  DEFAULT_UNCOLLECTED_DAYS,
  type DeskGroup,
  type DeskQueue,
  deskQueue,
} from '../core/orders/pickup-queue';
import type { PickupPort } from './pickup-port';

// The pickup desk's order list: the store's click-and-collect orders as they
// replicate, in the desk's groups (core/orders/pickup-queue.ts), the group on
// show, how many wait, and how old the data is. The clock ticks so that an
// order becomes overdue, and the age grows, without anything else changing.

export interface PickupListState {
  readonly orders: readonly ClickCollectOrder[];
  readonly group: DeskGroup;
  readonly now: number;
  readonly uncollectedDays: number;
  /** When the desk last finished a sync; undefined = not since it started. */
  readonly lastSyncAt: number | undefined;
}

export interface PickupListView extends DeskQueue {
  readonly shown: readonly ClickCollectOrder[];
  /** Minutes since the last sync, undefined when there was none. */
  readonly dataAgeMinutes: number | undefined;
}

const TICK_MS = 15_000;

export function pickupListView(state: PickupListState): PickupListView {
  const queue = deskQueue(state.orders, state.now, state.uncollectedDays);
  return {
    ...queue,
    shown: queue.groups[state.group],
    dataAgeMinutes:
      state.lastSyncAt === undefined
        ? undefined
        : Math.max(0, Math.floor((state.now - state.lastSyncAt) / 60_000)),
  };
}

export function createPickupListStore(port: PickupPort) {
  const store = createStore<PickupListState>()(() => ({
    orders: [],
    group: 'ready',
    now: port.now(),
    uncollectedDays: DEFAULT_UNCOLLECTED_DAYS,
    lastSyncAt: port.lastSyncAt(),
  }));
  const tick = () => store.setState({ now: port.now(), lastSyncAt: port.lastSyncAt() });
  return {
    store,
    /** Follows the orders and the clock; returns the stop. */
    start(tickMs = TICK_MS): () => void {
      const stopOrders = port.watchOrders((orders) => {
        store.setState({ orders });
        tick();
      });
      void port.settings().then((settings) => {
        if (settings?.pickupUncollectedDays)
          store.setState({ uncollectedDays: settings.pickupUncollectedDays });
      });
      const timer = setInterval(tick, tickMs);
      return () => {
        stopOrders();
        clearInterval(timer);
      };
    },
    tick,
    showGroup(group: DeskGroup): void {
      store.setState({ group });
    },
    orders: () => store.getState().orders,
  };
}
export type PickupListStore = ReturnType<typeof createPickupListStore>;
