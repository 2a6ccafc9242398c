import type { PaymentOutcome, RecoveredPayment } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { cardReferenceSchema } from '../core/orders/kiosk-order';

// A card payment at the kiosk, with the cashier's rules for an unknown
// outcome (sale-store.ts, payCard): one payment id per attempt, a link
// broken after the request left means "ask the terminal" (payment.recover),
// never "charge again". The caller keeps the attempt (the pending payment)
// before calling, so a reload asks the terminal about the same id.

export type KioskCardResult =
  | {
      readonly kind: 'paid';
      readonly cardReference: string;
      readonly terminalReceipt: readonly string[];
      /** The terminal's own answer, for a sale's card tender (cardTenderFrom). */
      readonly approved: Extract<PaymentOutcome | RecoveredPayment, { status: 'approved' }>;
    }
  | { readonly kind: 'declined' }
  | { readonly kind: 'cancelled' }
  /** No card was charged, and the terminal cannot be used now (absent, unreachable, busy). */
  | { readonly kind: 'unavailable' }
  /** The terminal could not say: the card may have been charged. Ask again; never charge again. */
  | { readonly kind: 'unknown' };

export interface KioskCardRequest {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
}

/**
 * The order's proof of payment from the terminal's reference: order ids
 * allow A-Z a-z 0-9 . _ : - (a ZVT reference "zvt/123/45" becomes
 * "zvt:123:45"); a reference that would still not do (or could be read as a
 * card number) names the payment id instead, which the host's payment
 * journal ties to the terminal's transaction.
 */
export function kioskCardReference(reference: string, paymentId: string): string {
  const cleaned = reference
    .trim()
    .replace(/[^A-Za-z0-9._:-]/g, ':')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  if (cardReferenceSchema.safeParse(cleaned).success) return cleaned;
  return `payment:${paymentId}`.slice(0, 64);
}

function settle(outcome: PaymentOutcome | RecoveredPayment): KioskCardResult {
  switch (outcome.status) {
    case 'approved':
      return {
        kind: 'paid',
        cardReference: kioskCardReference(outcome.reference, outcome.paymentId),
        terminalReceipt: outcome.terminalReceipt,
        approved: outcome,
      };
    case 'declined':
      return { kind: 'declined' };
    case 'aborted':
      return { kind: 'cancelled' };
    case 'not-started':
      return { kind: 'unavailable' };
  }
}

/** Asks the terminal what became of `paymentId`; unknown again when it cannot answer. */
export async function recoverKioskCard(bridge: PosBridge, paymentId: string): Promise<KioskCardResult> {
  const recovered = await bridge.recoverPayment(paymentId);
  return recovered.ok ? settle(recovered.value) : { kind: 'unknown' };
}

/**
 * Charges the card. `hostWasUp`: whether the hardware host answered when the
 * request left: then a lost link or a time-out may hide a charge, and only
 * recovery settles it.
 */
export interface ChargeOptions {
  readonly hostWasUp: boolean;
  /** What the terminal tells the customer ("Insert card"). */
  readonly onProgress?: (message: string) => void;
}

export async function chargeKioskCard(
  bridge: PosBridge,
  request: KioskCardRequest,
  { hostWasUp, onProgress }: ChargeOptions,
): Promise<KioskCardResult> {
  const stop = bridge.onPaymentProgress((progress) => {
    if (progress.paymentId === request.paymentId) onProgress?.(progress.message);
  });
  try {
    const result = await bridge.startPayment({
      paymentId: request.paymentId,
      kind: 'payment',
      amountMinor: request.amountMinor,
      currency: request.currency,
    });
    if (result.ok) return settle(result.value);
    const lostOnTheWay = hostWasUp && ['host-unreachable', 'timeout'].includes(result.error.code);
    if (result.error.code === 'outcome-unknown' || lostOnTheWay)
      return recoverKioskCard(bridge, request.paymentId);
    return { kind: 'unavailable' };
  } finally {
    stop();
  }
}
