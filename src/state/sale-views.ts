import type { Money } from '../core/money';

// What the sale screens show of a sale: the finished sale and a card payment under way.

export interface CompletedSaleView {
  readonly receiptNumber: string;
  readonly receiptText: string;
  readonly change: Money;
  readonly total: Money;
}

/**
 * A card payment on the terminal. `outcome-unknown`: the link broke before
 * the terminal answered; only asking the terminal (recover) settles it, and
 * no other tender is taken meanwhile, since the card may have been charged.
 */
export interface CardAttempt {
  readonly paymentId: string;
  readonly phase: 'in-progress' | 'outcome-unknown' | 'recovering';
  /** What the terminal tells the customer, or what the till is doing. */
  readonly message: string;
}
