import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { OrderHandover } from '../core/orders/handover';
import type { ClickCollectEvent } from '../core/orders/transition-click-collect-order';
import type { ReceiptDocument } from '../core/receipts';
import type { Result } from '../core/result';
import type { StoreSettings } from '../core/settings/store-settings';
import type { OrderHandoverError } from '../data/order-handover';
import type { OrderStatusMoveError } from '../data/order-status-move';
import type { OfflineOrderTokenProblem } from '../data/order-token-verifier';
import type { PickupRefusalJournal } from './pickup-refusal-log';
import type { ReceiptPrintState } from './receipt-printing';

// What the pickup desk's stores need from the till, and nothing more: the
// store's click-and-collect orders as they replicate, the data paths that
// move them (status moves, handovers, offline token checks), the catalog's
// names for a wrong item, the printer, a clock and ids. The till's version is
// pickup-till-port.ts; the stores' tests use the same one over a memory database.

export interface PickupPort extends PickupRefusalJournal {
  /** Calls back with every click-and-collect order of this store, now and on each change; returns the stop. */
  watchOrders(onOrders: (orders: readonly ClickCollectOrder[]) => void): () => void;
  order(orderId: string): Promise<ClickCollectOrder | undefined>;
  settings(): Promise<StoreSettings | undefined>;
  verify(
    order: ClickCollectOrder,
    key: StoreSettings['orderSigningKey'],
  ): Promise<Result<unknown, OfflineOrderTokenProblem>>;
  move(orderId: string, event: ClickCollectEvent): Promise<Result<ClickCollectOrder, OrderStatusMoveError>>;
  handOver(
    handover: OrderHandover,
    stamp: { readonly id: string; readonly recordedAt: string },
  ): Promise<Result<ClickCollectOrder, OrderHandoverError>>;
  /** The pieces scanned so far while preparing an order, as kept on this desk (unchecked). */
  pickedSoFar(orderId: string): Promise<unknown>;
  /** Keeps the pieces scanned while preparing an order; `undefined` forgets them. */
  keepPicked(orderId: string, counts: Readonly<Record<string, number>> | undefined): Promise<void>;
  /** Names of the store's staff known to this desk, by id (for the handovers listed in an order). */
  staffNames(): Promise<ReadonlyMap<string, string>>;
  /** The catalog's name of a scanned code, for a wrong item (undefined: not in the catalog). */
  productName(raw: string): Promise<string | undefined>;
  /** The sequence of one of this desk's journal entries (numbers its slip), undefined when absent. */
  entrySequence(entryId: string): Promise<number | undefined>;
  print(jobId: string, document: ReceiptDocument): Promise<ReceiptPrintState>;
  /** This desk: its registration id and codes. */
  readonly till: { readonly tillId: string; readonly storeCode: string; readonly tillCode: string };
  /** When this desk last finished a sync with the server (undefined: not since it started). */
  lastSyncAt(): number | undefined;
  now(): number;
  newId(): string;
}
