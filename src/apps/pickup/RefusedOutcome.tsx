import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import type { DoneHandover } from '../../state/pickup-handover-store';

/** After a handover with pieces the customer refused: their return and refund, or why it must be done at the till. */
export function RefusedOutcome({
  refused,
  busy,
  retry,
}: {
  refused: NonNullable<DoneHandover['refused']>;
  busy: boolean;
  retry: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = refused.lines.reduce((n, l) => n + l.quantity, 0);
  const { outcome } = refused;
  if (!outcome) return <p role="status">{t('returns.refund.onCard')}</p>;
  if (outcome.ok) {
    const receipt = outcome.value.receiptNumber ?? '';
    return (
      <p role="status" className="pickup-message" data-testid="pickup-refused-return">
        {outcome.value.cardOut.minor > 0
          ? t('pickupApp.refusedReturn.done', { receipt, amount: format.money(outcome.value.cardOut), count })
          : t('pickupApp.refusedReturn.doneNoCard', { receipt, count })}
      </p>
    );
  }
  return (
    <>
      <p role="alert" className="error" data-testid="pickup-refused-return">
        {t('pickupApp.refusedReturn.failed', { words: outcome.error })}
      </p>
      <div className="pickup-actions">
        <button type="button" className="secondary" disabled={busy} onClick={retry}>
          {t('pickupApp.refusedReturn.retry')}
        </button>
      </div>
    </>
  );
}
