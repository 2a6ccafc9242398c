import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import { useFormat } from '../../i18n/use-format';
import type { PickupPaymentStore } from '../../state/pickup-payment-store';

/**
 * An order the web shop did not charge, at the handover: pay by card on the
 * desk's terminal, or at a till; nothing is handed over before
 * (pickup-payment-store.ts). Shown while the order is due; once paid, one line says how.
 */
export function PayPanel({
  payment,
  order,
  staffId,
}: {
  payment: PickupPaymentStore;
  order: ClickCollectOrder;
  staffId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(payment.store);
  if (state.orderId !== order.id || state.phase === 'idle') return null;
  if (state.phase === 'paid') {
    // Paid online: nothing to say at the handover (the usual case).
    if (state.paid?.kind === 'paid-online' && !state.problem) return null;
    return (
      <p className="pickup-paid" role="status" data-testid="pickup-pay-paid">
        {state.problem ? `${state.problem} ` : ''}
        {state.message}
      </p>
    );
  }
  const busy = state.phase === 'charging';
  return (
    <section className="pickup-step pickup-pay" aria-labelledby="pickup-pay-title" data-testid="pickup-pay">
      <h3 id="pickup-pay-title">{t('pickupApp.pay.title')}</h3>
      {state.amount ? (
        <p className="pickup-due" data-testid="pickup-pay-due">
          {t('pickupApp.pay.due', { amount: format.money(state.amount) })}
        </p>
      ) : null}
      <p className="pickup-hint">{t('pickupApp.pay.dueHint')}</p>
      <p className="error" role="alert" data-testid="pickup-pay-problem">
        {state.problem ?? ''}
      </p>
      <p className="pickup-message" role="status" data-testid="pickup-pay-message">
        {state.message ?? ''}
      </p>
      {state.phase === 'at-till' ? (
        <p className="pickup-till-code" data-testid="pickup-pay-code">
          {t('pickupApp.pay.atTillCode', { code: order.pickupCode })}
        </p>
      ) : null}
      <div className="pickup-actions">
        {state.phase === 'unknown' ? (
          <button type="button" onClick={() => void payment.checkCard()} data-testid="pickup-pay-check">
            {t('pickupApp.pay.check')}
          </button>
        ) : state.phase === 'at-till' ? (
          <button
            type="button"
            className="secondary"
            onClick={payment.backToChoice}
            data-testid="pickup-pay-back"
          >
            {t('pickupApp.pay.backToChoice')}
          </button>
        ) : (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => void payment.payByCard(staffId)}
              data-testid="pickup-pay-card"
            >
              {t('pickupApp.pay.byCard')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void payment.sendToTill()}
              data-testid="pickup-pay-till"
            >
              {t('pickupApp.pay.atTill')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
