import { useTranslation } from 'react-i18next';
import { useKiosk, useKioskState } from '../kiosk-context';

// A card payment whose outcome the terminal has not told yet (the link broke,
// or the kiosk was reloaded during the charge): the kiosk asks the terminal
// again, never charges again, and the customer is told not to pay twice. A
// charged card whose order could not be recorded: staff take over.

export function PaymentChecking() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const phase = useKioskState((s) => s.payment.phase);
  if (phase === 'checking')
    return (
      <div className="kiosk-checking" data-testid="kiosk-payment-checking">
        <p role="alert">{t('kioskApp.notice.card-unknown')}</p>
        <button
          type="button"
          className="kiosk-primary"
          data-testid="kiosk-payment-check"
          onClick={() => void kiosk.checkPayment()}
        >
          {t('kioskApp.pay.checkAgain')}
        </button>
      </div>
    );
  if (phase === 'stuck')
    return (
      <p className="kiosk-checking" role="alert" data-testid="kiosk-payment-stuck">
        {t('kioskApp.notice.paid-not-recorded')}
      </p>
    );
  return null;
}
