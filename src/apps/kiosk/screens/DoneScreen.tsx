import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kioskWords } from '../../../i18n/kiosk-words';
import { useFormat } from '../../../i18n/use-format';
import { useKiosk, useKioskState } from '../kiosk-context';
import { useKioskFormat } from '../kiosk-format';

// The confirmation: the order number, the pickup code or the delivery date,
// and the receipt printed or sent by email. Paid at the till: the ticket is
// printed, and its QR code is on the screen too.

export function DoneScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const format = useFormat();
  const when = useKioskFormat();
  const placed = useKioskState((s) => s.placed);
  const [qr, setQr] = useState<string | undefined>();
  const ticket = placed?.ticket;
  useEffect(() => {
    if (!ticket) return;
    void QRCode.toString(ticket, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(setQr);
  }, [ticket]);
  if (!placed) return null;
  const atTill = placed.method === 'at-till';
  return (
    <section className="kiosk-done" aria-labelledby="kiosk-done-title" data-testid="kiosk-done">
      <h1 id="kiosk-done-title">{atTill ? t('kioskApp.done.titleTill') : t('kioskApp.done.titlePaid')}</h1>
      <p className="kiosk-order-number">
        {t('kioskApp.done.orderNumber')} <strong data-testid="kiosk-order-number">{placed.number}</strong>
      </p>
      {placed.fulfilment === 'store-pickup' ? (
        <p data-testid="kiosk-done-ready">
          {t('kioskApp.done.pickup', { name: placed.storeName ?? '', day: when.day(placed.readyBy) })}{' '}
          {t('kioskApp.done.pickupCode')} <strong data-testid="kiosk-pickup-code">{placed.number}</strong>
        </p>
      ) : (
        <p data-testid="kiosk-done-ready">{t('kioskApp.done.delivery', { day: when.day(placed.readyBy) })}</p>
      )}
      <p data-testid="kiosk-done-total">
        {atTill
          ? t('kioskApp.done.toPay', { amount: format.money(placed.total) })
          : t('kioskApp.done.paid', { amount: format.money(placed.total) })}
      </p>
      {placed.stockUnconfirmed ? (
        <p className="kiosk-notice-inline" data-testid="kiosk-done-unconfirmed">
          {kioskWords('refusal', 'server-unreachable')}
        </p>
      ) : null}
      {atTill ? (
        <div className="kiosk-done-ticket" data-testid="kiosk-ticket">
          <p role="status" data-testid="kiosk-ticket-status">
            {placed.ticketPrinted ? t('kioskApp.done.ticketPrinted') : t('kioskApp.done.ticketOnScreen')}
          </p>
          {qr ? (
            <img
              className="kiosk-ticket-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`}
              alt={t('kioskApp.done.ticketQr', { number: placed.number })}
              data-testid="kiosk-ticket-qr"
            />
          ) : null}
        </div>
      ) : (
        <fieldset className="kiosk-plain kiosk-receipt">
          <legend className="visually-hidden">{t('kioskApp.done.receiptLabel')}</legend>
          <button
            type="button"
            className="kiosk-secondary"
            data-testid="kiosk-receipt-print"
            disabled={placed.receipt === 'printing' || placed.receipt === 'printed'}
            onClick={() => void kiosk.printReceipt()}
          >
            {t('kioskApp.done.printReceipt')}
          </button>
          {placed.hasEmail ? (
            <button
              type="button"
              className="kiosk-secondary"
              data-testid="kiosk-receipt-email"
              disabled={
                placed.receipt === 'emailing' ||
                placed.receipt === 'emailed' ||
                placed.receipt === 'email-queued'
              }
              onClick={() => void kiosk.emailReceipt()}
            >
              {t('kioskApp.done.emailReceipt')}
            </button>
          ) : null}
          <p role="status" data-testid="kiosk-receipt-status">
            {placed.receipt === 'none' || placed.receipt === 'emailing'
              ? ''
              : t(`kioskApp.done.receipt.${placed.receipt}`)}
          </p>
        </fieldset>
      )}
      <button
        type="button"
        className="kiosk-primary"
        data-testid="kiosk-finish"
        onClick={() => kiosk.reset()}
      >
        {t('kioskApp.done.finish')}
      </button>
    </section>
  );
}
