import type { Cart } from '../core/cart';
import type { Money } from '../core/money';
import type { Tender } from '../core/sale';
import type { SaleLinks } from '../core/sale/sale-links';

/**
 * What the ticket and voucher flows need of the open sale (sale-store.ts
 * implements it): read the basket, replace it with links, tender a voucher.
 * The flows never reach into the sale store's state.
 */
export interface BasketPort {
  current(): {
    readonly cart: Cart;
    readonly links: SaleLinks;
    /** A payment is open (the payment panel shows). */
    readonly paying: boolean;
    /** Money was taken on the sale (kept cash, tenders, a card attempt). */
    readonly holdsMoney: boolean;
    /** What is left to pay while paying. */
    readonly remaining: Money | undefined;
    /** Tenders taken on this sale and not journaled yet (payment, and cash kept on the basket). */
    readonly tenders: readonly Tender[];
  };
  /** A fresh empty cart of this till (currency, discount policy, promotions). */
  emptyCart(): Promise<Cart>;
  /** Replaces the basket (a new sale when the last one was completed). */
  replaceBasket(cart: Cart, links: SaleLinks): void;
  /** Tenders `amount` of voucher `code`, whose balance the till knew as `known`. */
  payVoucher(code: string, amount: Money, known: Money): Promise<void>;
  /** Calls `listener` after every change of the open sale (paid, dropped, replaced); returns the way to stop. */
  onChange(listener: () => void): () => void;
}
