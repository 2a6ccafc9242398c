import type { PosBridge } from '../core/bridge/pos-bridge';
import { err, ok, type Result } from '../core/result';
import type { RefundAllocation } from '../core/returns/refund-policy';
import { t } from '../i18n/i18n';
import { cardNotPaidWords } from './card-tender';
import { bridgeErrorWords } from './device-words';
import { newId } from './ids';

/**
 * Gives a card part of a refund back through the terminal, naming the
 * original payment (its terminal reference), and answers the terminal's slip.
 * A refund whose outcome is unknown is asked about once (recover); the
 * return is journalled only after an approved refund.
 */
export async function refundOnCard(
  bridge: PosBridge | undefined,
  part: RefundAllocation,
): Promise<Result<string[], string>> {
  if (!bridge) return err(t('returns.refund.noTerminal'));
  const paymentId = newId();
  const started = await bridge.startPayment({
    paymentId,
    kind: 'refund',
    amountMinor: part.amount.minor,
    currency: part.amount.currency,
    ...(part.reference === null ? {} : { originalReference: part.reference }),
  });
  let outcome = started.ok ? started.value : undefined;
  if (!started.ok) {
    if (started.error.code !== 'outcome-unknown') {
      return err(t('returns.refund.cardFailed', { words: bridgeErrorWords(started.error) }));
    }
    const recovered = await bridge.recoverPayment(paymentId);
    if (!recovered.ok) return err(t('returns.refund.cardUnknown'));
    if (recovered.value.status === 'not-started') return err(t('returns.refund.cardNotStarted'));
    outcome = recovered.value;
  }
  if (outcome === undefined) return err(t('returns.refund.cardUnknown'));
  if (outcome.status !== 'approved')
    return err(t('returns.refund.cardRefused', { words: cardNotPaidWords(outcome) }));
  return ok([...outcome.terminalReceipt]);
}
