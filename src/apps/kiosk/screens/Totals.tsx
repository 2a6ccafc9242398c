import { useTranslation } from 'react-i18next';
import { addMoney, type Money, money } from '../../../core/money';
import type { OrderTotals } from '../../../core/orders/order-line';
import { useFormat } from '../../../i18n/use-format';

/** The total VAT included, the VAT per rate, and a delivery fee when there is one. */
export function Totals({ totals, fee }: { readonly totals: OrderTotals; readonly fee?: Money | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = fee ? addMoney(totals.total, fee) : totals.total;
  return (
    <dl className="kiosk-totals" data-testid="kiosk-totals">
      {fee ? (
        <div className="kiosk-fee-row">
          <dt>{t('kioskApp.totals.deliveryFee')}</dt>
          <dd data-testid="kiosk-delivery-fee">
            {fee.minor === 0 ? t('kioskApp.totals.free') : format.money(fee)}
          </dd>
        </div>
      ) : null}
      <div className="kiosk-total-row">
        <dt>{t('kioskApp.totals.total')}</dt>
        <dd data-testid="kiosk-total">{format.money(total)}</dd>
      </div>
      {totals.vat.rates.map((rate) => (
        <div key={rate.rateBps} className="kiosk-vat-row">
          <dt>{t('kioskApp.totals.vat', { rate: format.count(rate.rateBps / 100) })}</dt>
          <dd data-testid="kiosk-vat">{format.money(money(rate.vat.minor, rate.vat.currency))}</dd>
        </div>
      ))}
    </dl>
  );
}
