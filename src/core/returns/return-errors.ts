import type { Money } from '../money';

// Why a return was refused, naming the line when it is about one.

export type ReturnError =
  | { readonly code: 'invalid-return-details'; readonly message: string }
  | { readonly code: 'invalid-source'; readonly message: string }
  | { readonly code: 'invalid-policy'; readonly message: string }
  | { readonly code: 'empty-return' }
  | { readonly code: 'unknown-line'; readonly lineId: string }
  | { readonly code: 'duplicate-line'; readonly lineId: string }
  | { readonly code: 'invalid-quantity'; readonly lineId: string; readonly quantity: number }
  | { readonly code: 'invalid-reason'; readonly lineId: string; readonly message: string }
  /** More than bought minus already returned. */
  | {
      readonly code: 'quantity-exceeds-returnable';
      readonly lineId: string;
      readonly requested: number;
      readonly returnable: number;
    }
  | { readonly code: 'previous-return-of-another-source'; readonly returnId: string }
  | { readonly code: 'previous-return-unknown-line'; readonly returnId: string; readonly lineId: string }
  | { readonly code: 'store-credit-account-required' }
  | { readonly code: 'refund-exceeds-payments'; readonly shortBy: Money }
  /** The record failed its own schema: a bug, reported rather than journaled. */
  | { readonly code: 'invalid-return-record'; readonly message: string };
