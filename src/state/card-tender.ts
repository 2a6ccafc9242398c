import type { PaymentOutcome, RecoveredPayment } from '../core/bridge/bridge-methods';
import { money } from '../core/money';
import type { TenderInput } from '../core/sale';
import { cardTerminalRefSchema } from '../core/sale/tender';
import { t } from '../i18n/i18n';

type Approved = Extract<PaymentOutcome, { status: 'approved' }>;

/** A maskedPan as the sale record accepts it ("************1234"), or null. */
function maskedPanOf(pan: string | undefined): string | null {
  if (!pan) return null;
  const cleaned = pan.replace(/[^0-9*]/g, (ch) => (/[xX•]/.test(ch) ? '*' : ''));
  return /^[0-9* ]{4,23}$/.test(cleaned) ? cleaned : null;
}

/**
 * The card tender an approved terminal outcome pays: the terminal's reference
 * goes on the sale record (refunds need it), fields the record would refuse
 * are left out rather than failing a sale the customer already paid.
 */
export function cardTenderFrom(outcome: Approved, tenderId: string): TenderInput {
  const ref = cardTerminalRefSchema.safeParse({
    terminalId: null,
    transactionRef: outcome.reference,
    authorisationCode: null,
    maskedPan: maskedPanOf(outcome.maskedPan),
    scheme: outcome.cardBrand?.trim() || null,
  });
  return {
    type: 'card',
    tenderId,
    amount: money(outcome.amountMinor, outcome.currency),
    terminal: ref.success
      ? ref.data
      : { terminalId: null, transactionRef: null, authorisationCode: null, maskedPan: null, scheme: null },
  };
}

/**
 * Why a card payment paid nothing, and what to do, in the cashier's words. The
 * terminal's own reason (often English, with result codes) is for the logs.
 */
export function cardNotPaidWords(outcome: Exclude<PaymentOutcome | RecoveredPayment, Approved>): string {
  return t(`sale.card.${outcome.status}`);
}
