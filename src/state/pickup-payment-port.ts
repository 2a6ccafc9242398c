import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Cart } from '../core/cart/cart';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { Result } from '../core/result';
import type { CompletedSale } from '../core/sale';
import type { JournalWriteError } from '../data/journal-writer';
import type { OwnOrderSale } from '../data/pickup-order-sales';

/** A card payment at the desk whose outcome is not settled yet: kept before the terminal hears of it. */
export interface PendingDeskCard {
  readonly orderId: string;
  readonly paymentId: string;
  readonly saleId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly staffId: string;
  readonly startedAt: string;
}

// What paying an order at the pickup desk needs from the till: the terminal
// (through the bridge only), the order as it replicates, this desk's own
// sales of orders, the journal for the sale, a durable place for the card
// attempt in progress (a reload asks the terminal about it).
export interface PickupPaymentPort {
  readonly bridge: PosBridge | undefined;
  /** Whether the hardware host answered lately (a lost answer may then hide a charge). */
  hostUp(): boolean;
  watchOrder(orderId: string, onOrder: (order: ClickCollectOrder | undefined) => void): () => void;
  emptyCart(): Promise<Cart>;
  ownSale(orderId: string): Promise<OwnOrderSale | undefined>;
  journalSale(
    sale: CompletedSale,
    stamp: { readonly id: string; readonly recordedAt: string },
  ): Promise<Result<{ readonly receiptNumber: string | null }, JournalWriteError>>;
  readonly pending: {
    read(): Promise<PendingDeskCard | undefined>;
    save(pending: PendingDeskCard): Promise<void>;
    clear(): Promise<void>;
  };
  readonly till: { readonly tillId: string; readonly storeCode: string; readonly tillCode: string };
  now(): number;
  newId(): string;
}
