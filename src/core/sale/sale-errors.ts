import type { CurrencyCode, Money } from '../money';
import type { TenderType } from './tender';

// Invalid cashier actions at the payment step, as values for the UI to explain.

export type TenderError =
  | { readonly code: 'invalid-tender'; readonly message: string }
  | { readonly code: 'currency-mismatch'; readonly expected: CurrencyCode; readonly actual: CurrencyCode }
  | { readonly code: 'duplicate-tender-id'; readonly tenderId: string }
  | { readonly code: 'tender-not-found'; readonly tenderId: string }
  /** Nothing is left to pay: a completed sale takes no more tenders. */
  | { readonly code: 'payment-already-settled' }
  | { readonly code: 'tender-amount-not-positive'; readonly tenderType: TenderType }
  /** Only cash may be handed over in excess. */
  | { readonly code: 'tender-exceeds-remaining'; readonly tenderType: TenderType; readonly remaining: Money }
  | { readonly code: 'voucher-amount-exceeds-face-value'; readonly faceValue: Money };

export type CompleteSaleError =
  | { readonly code: 'invalid-sale-details'; readonly message: string }
  /** No line left once voided lines are set aside. */
  | { readonly code: 'empty-sale' }
  /** lineId null: the basket discount. */
  | { readonly code: 'discount-awaiting-approval'; readonly lineId: string | null }
  /** The cart changed after the payment was started. */
  | { readonly code: 'payment-due-mismatch'; readonly due: Money; readonly total: Money }
  | { readonly code: 'tenders-do-not-cover-total'; readonly remaining: Money }
  /** The record failed its own schema: a bug, reported rather than journaled. */
  | { readonly code: 'invalid-sale-record'; readonly message: string };
