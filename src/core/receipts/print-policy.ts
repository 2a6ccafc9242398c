import type { ReceiptPrintMode } from '../settings/store-settings';

// When a till prints the customer's receipt. Since 1 August 2023 (loi AGEC,
// Code de l'environnement L. 541-15-10 and D. 541-371) a receipt or card slip
// is printed only when the customer asks for it. The store's setting says
// whether the till asks (the default, and what the law asks of a French
// store), always prints (for a store the law does not cover), or never
// prints. Some papers print whatever the setting, because the law excepts them:
// - a receipt carrying the legal-guarantee mention (durable goods);
// - the slip of a card refund, and of a cancelled card payment;
// the decree also excepts a kiosk ticket the customer needs to collect the
// goods. Those are the exceptions a till applies without asking.

export type ReceiptException = 'legal-guarantee' | 'card-refund' | 'card-cancelled' | 'collection-ticket';

export type PrintDecision =
  /** Print now, without asking; `exception` says which legal exception, null when the setting says always. */
  | { readonly action: 'print'; readonly exception: ReceiptException | null }
  /** Ask the customer: paper, digital (QR) or nothing. */
  | { readonly action: 'ask' }
  /** Print nothing; the receipt stays available (screen, QR, reprint on request). */
  | { readonly action: 'none' };

export function decideReceiptPrint(
  mode: ReceiptPrintMode,
  exceptions: readonly ReceiptException[],
): PrintDecision {
  const exception = exceptions[0];
  if (exception !== undefined) return { action: 'print', exception };
  switch (mode) {
    case 'always':
      return { action: 'print', exception: null };
    case 'never':
      return { action: 'none' };
    case 'ask':
      return { action: 'ask' };
  }
}
