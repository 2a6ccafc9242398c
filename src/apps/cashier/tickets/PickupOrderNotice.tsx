import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../../i18n/use-format';
import type { PickupOrderAtTillStore } from '../../../state/pickup-order-at-till';
import { Dialog } from '../../../ui/kit';

/**
 * Above the basket: the click-and-collect order being paid at the till (with
 * the way to drop it before any money is taken), and a refused pickup QR in
 * words, in a dialog the cashier closes.
 */
export function PickupOrderNotice({ orders, locked }: { orders: PickupOrderAtTillStore; locked: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(orders.store);
  return (
    <>
      {state.phase === 'loaded' && state.order && (
        <section className="kiosk-ticket" data-testid="pickup-order" aria-label={t('tickets.pickupOrder')}>
          <p role="status" data-testid="pickup-order-summary">
            {t('tickets.pickupLoaded', {
              order: state.order.webOrderId,
              count: state.order.pieces,
              total: format.money(state.order.total),
            })}
          </p>
          {!locked && (
            <button
              type="button"
              className="secondary"
              data-testid="pickup-order-clear"
              onClick={() => void orders.clear()}
            >
              {t('tickets.pickupClear')}
            </button>
          )}
        </section>
      )}
      {state.phase === 'refused' && state.refusal && (
        <Dialog
          title={t('tickets.pickupRefusedTitle')}
          testId="pickup-order-refused"
          onClose={orders.dismiss}
          cancelLabel={t('tickets.dismiss')}
        >
          <p role="alert" data-testid="pickup-order-refusal">
            {t(`tickets.pickupRefused.${state.refusal}`)}
          </p>
        </Dialog>
      )}
    </>
  );
}
