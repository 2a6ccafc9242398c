import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { piecesToRestock } from '../../state/pickup-return-store';
import { Dialog } from '../../ui/kit';
import type { PickupDesk } from './use-pickup-desk';

/** "Return this order to stock?": what goes back to the shelves, and the confirmation. */
export function RestockDialog({ parts }: { parts: PickupDesk }) {
  const { t } = useTranslation();
  const { restock } = parts;
  const state = useStore(restock.store);
  const order = state.asking;
  if (!order) return null;
  return (
    <Dialog
      title={t('pickupApp.restock.title', { number: order.webOrderId })}
      onClose={restock.cancel}
      testId="pickup-restock-dialog"
      actions={
        <button
          type="button"
          disabled={state.busy}
          onClick={() => void restock.confirm()}
          data-testid="pickup-restock-confirm"
        >
          {t('pickupApp.restock.confirm')}
        </button>
      }
    >
      <p>{t('pickupApp.restock.pieces', { count: piecesToRestock(order) })}</p>
      {state.problem ? (
        <p className="error" role="alert" data-testid="pickup-restock-problem">
          {state.problem}
        </p>
      ) : null}
    </Dialog>
  );
}
