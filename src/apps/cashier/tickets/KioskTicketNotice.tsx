import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { kioskTicketRefusalWords } from '../../../i18n/error-words';
import { useFormat } from '../../../i18n/use-format';
import type { KioskTicketStore } from '../../../state/kiosk-ticket';
import { OrderAtTillNotice } from './OrderAtTillNotice';

/** Above the basket: the kiosk order being paid, or its ticket being checked or refused. */
export function KioskTicketNotice({ tickets, locked }: { tickets: KioskTicketStore; locked: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(tickets.store);
  return (
    <OrderAtTillNotice
      testId="kiosk-ticket"
      checking={state.phase === 'checking' ? t('tickets.checking') : undefined}
      loaded={
        state.phase === 'loaded' && state.order
          ? {
              label: t('tickets.kioskOrder'),
              summary: t('tickets.loaded', {
                order: state.order.shortId,
                count: state.order.pieces,
                total: format.money(state.order.total),
              }),
              clearLabel: t('tickets.clear'),
            }
          : undefined
      }
      refused={
        state.phase === 'refused' && state.refusal
          ? { title: t('tickets.refusedTitle'), reason: kioskTicketRefusalWords(state.refusal) }
          : undefined
      }
      locked={locked}
      onClear={() => void tickets.clear()}
      onDismiss={tickets.dismiss}
    />
  );
}
