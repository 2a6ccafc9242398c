import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import { cartTotals } from '../../../state/kiosk-path';
import { Busy } from '../../../ui/kit';
import { useKiosk, useKioskState } from '../kiosk-context';
import { useKioskFormat } from '../kiosk-format';
import { PaymentChecking } from './PaymentChecking';
import { Totals } from './Totals';

// Pay: by card on the kiosk's terminal, or at a till with a printed ticket.
// While the terminal works, nothing else can be touched; an unknown outcome
// is checked with the terminal, never charged again.

export function PayScreen({ cardAvailable }: { readonly cardAvailable: boolean }) {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const when = useKioskFormat();
  const format = useFormat();
  const path = useKioskState((s) => s.path);
  const quote = useKioskState((s) => s.quote);
  const pickupDate = useKioskState((s) => s.pickupDate);
  const stores = useKioskState((s) => s.pickupStores);
  const payment = useKioskState((s) => s.payment);
  const busy = payment.phase !== 'idle';
  const delivery = path.fulfilment?.type === 'home-delivery';
  // A till rings up goods, not a delivery fee: a delivery that costs something is paid by card here.
  const cardOnly = delivery && (quote?.fee.minor ?? 0) > 0;
  const storeName =
    path.fulfilment?.type === 'store-pickup'
      ? (stores.find((s) => s.code === (path.fulfilment as { storeCode: string }).storeCode)?.name ?? '')
      : '';
  const phaseWords =
    payment.phase === 'charging'
      ? (payment.message ?? t('kioskApp.pay.followTerminal'))
      : t(`kioskApp.pay.phase.${payment.phase === 'idle' ? 'placing' : payment.phase}`);

  return (
    <section className="kiosk-pay" aria-labelledby="kiosk-pay-title" data-testid="kiosk-pay">
      <h1 id="kiosk-pay-title">{t('kioskApp.pay.title')}</h1>
      <Busy active={busy} label={phaseWords} testId="kiosk-pay-busy">
        <div className="kiosk-pay-summary">
          <p data-testid="kiosk-pay-fulfilment">
            {delivery
              ? quote
                ? t('kioskApp.pay.deliveredBy', { day: when.day(quote.deliveryBy) })
                : t('kioskApp.delivery.home')
              : pickupDate
                ? t('kioskApp.pay.pickupAt', { name: storeName, day: when.day(pickupDate) })
                : t('kioskApp.delivery.pickup')}
          </p>
          <Totals totals={cartTotals(path.cart, delivery ? quote?.fee : undefined)} />
          {delivery && quote?.untilFree ? (
            <p className="kiosk-hint" data-testid="kiosk-until-free">
              {t('kioskApp.delivery.untilFree', { amount: format.money(quote.untilFree) })}
            </p>
          ) : null}
        </div>
        <div className="kiosk-pay-options">
          <button
            type="button"
            className="kiosk-primary kiosk-pay-option"
            data-testid="kiosk-pay-card"
            disabled={busy || !cardAvailable}
            onClick={() => void kiosk.payByCard()}
          >
            {t('kioskApp.pay.card')}
          </button>
          {cardOnly ? null : (
            <button
              type="button"
              className="kiosk-primary kiosk-pay-option"
              data-testid="kiosk-pay-till"
              disabled={busy}
              onClick={() => void kiosk.payAtTill()}
            >
              {t('kioskApp.pay.till')}
            </button>
          )}
        </div>
        {cardOnly ? (
          <p className="kiosk-hint" data-testid="kiosk-delivery-card-only">
            {cardAvailable ? t('kioskApp.pay.deliveryCardOnly') : t('kioskApp.notice.delivery-card-only')}
          </p>
        ) : null}
        {!cardAvailable ? (
          <p className="kiosk-notice-inline" data-testid="kiosk-card-unavailable">
            {t('kioskApp.notice.card-unavailable')}
          </p>
        ) : null}
        <div className="kiosk-actions">
          <button
            type="button"
            className="kiosk-secondary"
            disabled={busy}
            onClick={() => kiosk.go('contact')}
          >
            {t('kioskApp.nav.back')}
          </button>
        </div>
      </Busy>
      <PaymentChecking />
    </section>
  );
}
