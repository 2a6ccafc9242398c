/**
 * Why the till refuses to sell or take a gift voucher, as the cashier is
 * told (voucher flow). A cart's own refusal keeps its cart error words.
 */
export type VoucherRefusal =
  | 'voucher-amount-out-of-range'
  | 'voucher-code-in-basket'
  /** Not something a voucher code can be (6-32 letters, digits, dashes). */
  | 'invalid-code'
  /** No till of this store sold this code, as far as this till knows. */
  | 'unknown-voucher'
  /** Nothing left on it. */
  | 'voucher-empty'
  /** A code already sold: a voucher card is sold once. */
  | 'code-already-sold'
  /** No payment is open (redeem from the payment panel). */
  | 'no-payment'
  /** A basket paying a kiosk ticket takes no other article. */
  | 'basket-busy';
