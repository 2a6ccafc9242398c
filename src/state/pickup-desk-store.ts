import { createStore } from 'zustand/vanilla';
import { t } from '../i18n/i18n';
import { findPickupOrder } from './pickup-find';
import type { PickupHandoverStore } from './pickup-handover-store';
import type { PickupListStore } from './pickup-list-store';
import type { PickupPort } from './pickup-port';
import type { PickupPrepareStore } from './pickup-prepare-store';
import type { PickupRefusalLog } from './pickup-refusal-log';
import type { SignedInStaff } from './staff-sign-in';

// What the pickup desk shows and where a scan goes: the list (a scan finds an
// order), an order's details, the orders a search matched, preparing an order
// (a scan picks an item) or handing one over (a scan checks the customer's
// code, then an item). The flows themselves are the prepare and handover stores.

export type DeskView =
  | { readonly kind: 'list' }
  | { readonly kind: 'order'; readonly orderId: string }
  | { readonly kind: 'matches'; readonly orderIds: readonly string[] }
  | { readonly kind: 'prepare' }
  | { readonly kind: 'handover' };

export interface PickupDeskState {
  readonly staff: SignedInStaff | undefined;
  readonly view: DeskView;
  /** A refusal or a hint from the last search, in words. */
  readonly notice: string | undefined;
}

export interface PickupDeskParts {
  readonly port: PickupPort;
  readonly list: PickupListStore;
  readonly refusals: PickupRefusalLog;
  readonly prepare: PickupPrepareStore;
  readonly handover: PickupHandoverStore;
}

export function createPickupDeskStore(parts: PickupDeskParts) {
  const { list, prepare, handover } = parts;
  const store = createStore<PickupDeskState>()(() => ({
    staff: undefined,
    view: { kind: 'list' },
    notice: undefined,
  }));
  const orderById = (id: string) => list.orders().find((o) => o.id === id);
  const closeFlows = () => {
    prepare.close();
    handover.close();
  };

  const api = {
    store,
    signInAs(staff: SignedInStaff): void {
      store.setState({ staff, view: { kind: 'list' }, notice: undefined });
    },
    /** Someone else PINned in at the lock (a manager): the desk is theirs, the order on screen stays. */
    resumeAs(staff: SignedInStaff): void {
      store.setState({ staff });
    },
    signOut(): void {
      closeFlows();
      store.setState({ staff: undefined, view: { kind: 'list' }, notice: undefined });
    },

    /** What was scanned or typed in the search field. */
    async find(raw: string): Promise<void> {
      const found = await findPickupOrder(
        { port: parts.port, refusals: parts.refusals, orders: list.orders },
        raw,
      );
      closeFlows();
      if (found.kind === 'refused') return store.setState({ view: { kind: 'list' }, notice: found.words });
      if (found.kind === 'matches') {
        return store.setState({
          view: { kind: 'matches', orderIds: found.orders.map((o) => o.id) },
          notice: t('pickupApp.find.matches', { count: found.orders.length }),
        });
      }
      const { order, identification } = found;
      // The customer's own code opens the handover of an order waiting for them.
      if (
        identification &&
        (order.status === 'ready-for-pickup' || order.status === 'partially-handed-over')
      ) {
        store.setState({ view: { kind: 'handover' }, notice: undefined });
        await handover.open(order, identification, raw);
        return;
      }
      store.setState({ view: { kind: 'order', orderId: order.id }, notice: undefined });
    },

    select(orderId: string): void {
      closeFlows();
      store.setState({ view: { kind: 'order', orderId }, notice: undefined });
    },

    async prepareOrder(orderId: string): Promise<void> {
      const order = orderById(orderId);
      if (!order) return;
      store.setState({ view: { kind: 'prepare' }, notice: undefined });
      await prepare.open(order);
    },

    async handOverOrder(orderId: string): Promise<void> {
      const order = orderById(orderId);
      if (!order) return;
      store.setState({ view: { kind: 'handover' }, notice: undefined });
      await handover.open(order, undefined, order.webOrderId);
    },

    back(): void {
      closeFlows();
      store.setState({ view: { kind: 'list' }, notice: undefined });
    },

    /** A scanner's code: to the flow on screen, else a search. */
    async scan(raw: string): Promise<void> {
      if (!store.getState().staff) return;
      const { view } = store.getState();
      if (view.kind === 'prepare') return prepare.scan(raw);
      if (view.kind === 'handover' && handover.store.getState().step !== 'done') return handover.scan(raw);
      return api.find(raw);
    },

    orderById,
  };
  return api;
}
export type PickupDeskStore = ReturnType<typeof createPickupDeskStore>;
