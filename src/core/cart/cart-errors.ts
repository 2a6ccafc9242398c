import type { CurrencyCode } from '../money';

// Invalid cashier actions come back as values the UI can explain; they are
// never thrown. Each error names the line it is about when there is one.

export type CartError =
  | { readonly code: 'product-inactive'; readonly productId: string }
  /** A catalog field the sale record cannot carry (e.g. ill-formed text in the name). */
  | { readonly code: 'invalid-product'; readonly productId: string; readonly message: string }
  | { readonly code: 'currency-mismatch'; readonly expected: CurrencyCode; readonly actual: CurrencyCode }
  | { readonly code: 'invalid-quantity'; readonly quantity: number }
  | { readonly code: 'invalid-weight'; readonly grams: number }
  | { readonly code: 'invalid-embedded-price'; readonly minor: number }
  /** Pieces asked for a product sold by weight, or a weight for a product sold by the piece. */
  | { readonly code: 'unit-mismatch'; readonly productId: string; readonly soldBy: 'piece' | 'kg' }
  | { readonly code: 'invalid-line-id'; readonly lineId: string }
  | { readonly code: 'invalid-scanned-code'; readonly scannedCode: string }
  | { readonly code: 'duplicate-line-id'; readonly lineId: string }
  | { readonly code: 'line-not-found'; readonly lineId: string }
  | { readonly code: 'line-voided'; readonly lineId: string }
  | { readonly code: 'not-a-pieces-line'; readonly lineId: string }
  | { readonly code: 'invalid-void'; readonly lineId: string; readonly message: string }
  | { readonly code: 'invalid-discount'; readonly message: string }
  | { readonly code: 'invalid-approval'; readonly message: string }
  /** A hand-set price the line cannot carry (negative, unsafe, a bad reason code). */
  | { readonly code: 'invalid-price-override'; readonly lineId: string; readonly message: string }
  /** lineId null: the basket discount. */
  | { readonly code: 'no-discount-to-approve'; readonly lineId: string | null };
