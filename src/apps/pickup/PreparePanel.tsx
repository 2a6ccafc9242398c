import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { allCounted } from '../../core/orders/pickup-scan';
import { wantedToPick } from '../../state/pickup-prepare-store';
import { ItemChecklist } from './ItemChecklist';
import type { PickupDesk } from './use-pickup-desk';

/** Preparing an order: scan each piece, then mark it ready. */
export function PreparePanel({ parts }: { parts: PickupDesk }) {
  const { t } = useTranslation();
  const { desk, prepare } = parts;
  const state = useStore(prepare.store);
  const order = state.order;
  if (!order) return null;
  const wanted = wantedToPick(order);
  const complete = allCounted(wanted, state.counts);
  return (
    <article
      className="pickup-flow"
      data-testid="pickup-prepare-panel"
      aria-labelledby="pickup-prepare-title"
    >
      <h2 id="pickup-prepare-title">{t('pickupApp.prepare.title', { number: order.webOrderId })}</h2>
      <p className="pickup-hint">{t('pickupApp.prepare.hint')}</p>
      <ItemChecklist order={order} wanted={wanted} counts={state.counts} doneKey="pickupApp.prepare.picked" />
      <p className="pickup-message" role="status" data-testid="pickup-prepare-message">
        {state.message ?? ''}
      </p>
      <p className="error" role="alert" data-testid="pickup-prepare-problem">
        {state.problem ?? ''}
      </p>
      <div className="pickup-actions pickup-main-actions">
        <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-back">
          {t('pickupApp.order.close')}
        </button>
        {!state.ready ? (
          <button
            type="button"
            disabled={!complete || state.busy}
            aria-describedby={complete ? undefined : 'pickup-mark-ready-why'}
            onClick={() => void prepare.markReady()}
            data-testid="pickup-mark-ready"
          >
            {t('pickupApp.prepare.markReady')}
          </button>
        ) : null}
        {!state.ready && !complete ? (
          <span id="pickup-mark-ready-why" className="pickup-why">
            {t('pickupApp.prepare.notAllPicked')}
          </span>
        ) : null}
      </div>
    </article>
  );
}
