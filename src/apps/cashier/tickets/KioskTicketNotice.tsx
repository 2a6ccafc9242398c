import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { kioskTicketRefusalWords } from '../../../i18n/error-words';
import { useFormat } from '../../../i18n/use-format';
import type { KioskTicketStore } from '../../../state/kiosk-ticket';
import { Dialog } from '../../../ui/kit';

/**
 * Above the basket: the kiosk order being paid (with the way to drop it
 * before any money is taken), and a refused ticket in words, in a dialog the
 * cashier closes.
 */
export function KioskTicketNotice({ tickets, locked }: { tickets: KioskTicketStore; locked: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(tickets.store);
  return (
    <>
      {state.phase === 'checking' && (
        <p role="status" className="kiosk-ticket-checking" data-testid="kiosk-ticket-checking">
          {t('tickets.checking')}
        </p>
      )}
      {state.phase === 'loaded' && state.order && (
        <section className="kiosk-ticket" data-testid="kiosk-ticket" aria-label={t('tickets.kioskOrder')}>
          <p role="status" data-testid="kiosk-ticket-summary">
            {t('tickets.loaded', {
              order: state.order.shortId,
              lines: state.order.lines,
              total: format.money(state.order.total),
            })}
          </p>
          {!locked && (
            <button
              type="button"
              className="secondary"
              data-testid="kiosk-ticket-clear"
              onClick={() => void tickets.clear()}
            >
              {t('tickets.clear')}
            </button>
          )}
        </section>
      )}
      {state.phase === 'refused' && state.refusal && (
        <Dialog
          title={t('tickets.refusedTitle')}
          testId="kiosk-ticket-refused"
          onClose={tickets.dismiss}
          cancelLabel={t('tickets.dismiss')}
        >
          <p role="alert" data-testid="kiosk-ticket-refusal">
            {kioskTicketRefusalWords(state.refusal)}
          </p>
        </Dialog>
      )}
    </>
  );
}
