import { createStore } from 'zustand/vanilla';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { allCounted, type ItemCounts, type WantedPieces } from '../core/orders/pickup-scan';
import { t } from '../i18n/i18n';
import { scanOrderItem } from './pickup-item-scan';
import type { PickupPort } from './pickup-port';
import { statusMoveWords } from './pickup-words';

// Preparing a click-and-collect order: the clerk opens it (it moves to
// "picking"), scans each piece to mark it picked, and marks the order ready
// once every piece is scanned. Each move goes through the data path once
// (moveOrderStatus): a second "ready" is refused on the till and never sent.
// The pieces scanned are kept on the desk after each scan, so an order left
// half-picked (another customer, a reload) opens again where it was.

export interface PickupPrepareState {
  readonly order: ClickCollectOrder | undefined;
  readonly counts: ItemCounts;
  readonly busy: boolean;
  /** The last scan, in words. */
  readonly message: string | undefined;
  readonly problem: string | undefined;
  /** Set once the order is marked ready. */
  readonly ready: boolean;
}

const initial: PickupPrepareState = {
  order: undefined,
  counts: {},
  busy: false,
  message: undefined,
  problem: undefined,
  ready: false,
};

export function wantedToPick(order: ClickCollectOrder): WantedPieces {
  return new Map(order.lines.map((line) => [line.lineId, line.quantity]));
}

/**
 * Counts kept for an order, checked against it: only its lines, whole pieces, never more than ordered.
 * Anything else (an older shape, an order whose lines changed) is dropped piece by piece.
 */
export function keptCounts(order: ClickCollectOrder, stored: unknown): ItemCounts {
  if (typeof stored !== 'object' || stored === null) return {};
  const wanted = wantedToPick(order);
  const counts: Record<string, number> = {};
  for (const [lineId, value] of Object.entries(stored)) {
    const most = wanted.get(lineId);
    if (most === undefined || !Number.isInteger(value) || value <= 0) continue;
    counts[lineId] = Math.min(value, most);
  }
  return counts;
}

export function createPickupPrepareStore(port: PickupPort) {
  const store = createStore<PickupPrepareState>()(() => initial);
  const current = () => store.getState().order;
  return {
    store,

    /** Opens an order to prepare; one still "received" moves to "picking". */
    async open(order: ClickCollectOrder): Promise<void> {
      store.setState({ ...initial, order });
      if (order.status === 'picking') {
        const counts = keptCounts(order, await port.pickedSoFar(order.id));
        if (current()?.id === order.id) store.setState({ counts });
      }
      if (order.status !== 'received') return;
      const moved = await port.move(order.id, { type: 'start-picking' });
      if (moved.ok) store.setState({ order: moved.value });
      else store.setState({ problem: statusMoveWords(moved.error) });
    },

    close(): void {
      store.setState(initial);
    },

    async scan(raw: string): Promise<void> {
      const { order, counts, ready } = store.getState();
      if (!order || ready) return;
      const outcome = await scanOrderItem(port, order, wantedToPick(order), counts, raw);
      if (outcome.ok) {
        store.setState({ counts: outcome.counts, message: outcome.words, problem: undefined });
        await port.keepPicked(order.id, outcome.counts);
      } else store.setState({ problem: outcome.words, message: undefined });
    },

    /** Every piece scanned: the order is ready, once. */
    async markReady(): Promise<boolean> {
      const { order, counts, busy } = store.getState();
      if (!order || busy) return false;
      if (!allCounted(wantedToPick(order), counts)) {
        store.setState({ problem: t('pickupApp.prepare.notAllPicked') });
        return false;
      }
      store.setState({ busy: true });
      const moved = await port.move(order.id, { type: 'mark-ready' });
      if (!moved.ok) {
        store.setState({ busy: false, problem: statusMoveWords(moved.error) });
        return false;
      }
      await port.keepPicked(order.id, undefined);
      if (current()?.id !== order.id) return true;
      store.setState({
        busy: false,
        order: moved.value,
        ready: true,
        problem: undefined,
        message: t('pickupApp.prepare.markedReady'),
      });
      return true;
    },
  };
}
export type PickupPrepareStore = ReturnType<typeof createPickupPrepareStore>;
