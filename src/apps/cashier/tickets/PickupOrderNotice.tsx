import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../../i18n/use-format';
import type { PickupOrderAtTillStore } from '../../../state/pickup-order-at-till';
import { OrderAtTillNotice } from './OrderAtTillNotice';

/** Above the basket: the click-and-collect order being paid at the till, or its pickup QR refused. */
export function PickupOrderNotice({ orders, locked }: { orders: PickupOrderAtTillStore; locked: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(orders.store);
  return (
    <OrderAtTillNotice
      testId="pickup-order"
      loaded={
        state.phase === 'loaded' && state.order
          ? {
              label: t('tickets.pickupOrder'),
              summary: t('tickets.pickupLoaded', {
                order: state.order.webOrderId,
                count: state.order.pieces,
                total: format.money(state.order.total),
              }),
              clearLabel: t('tickets.pickupClear'),
            }
          : undefined
      }
      refused={
        state.phase === 'refused' && state.refusal
          ? { title: t('tickets.pickupRefusedTitle'), reason: t(`tickets.pickupRefused.${state.refusal}`) }
          : undefined
      }
      locked={locked}
      onClear={() => void orders.clear()}
      onDismiss={orders.dismiss}
    />
  );
}
