import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import type { KioskOrderTotals } from '../../../core/orders/kiosk-order-totals';
import { useFormat } from '../../../i18n/use-format';

/** The total VAT included, the VAT per rate, and a delivery fee when there is one. */
export function Totals({ totals }: { readonly totals: KioskOrderTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fee = totals.deliveryFee;
  const total = totals.total;
  return (
    <dl className="kiosk-totals" data-testid="kiosk-totals">
      {fee ? (
        <div className="kiosk-fee-row">
          <dt>{t('kioskApp.totals.goods')}</dt>
          <dd data-testid="kiosk-goods-total">{format.money(totals.goods)}</dd>
        </div>
      ) : null}
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
