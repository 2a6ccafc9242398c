import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../../../core/cart';
import { useFormat } from '../../../i18n/use-format';
import { describedReason, type ReasonCode } from '../../../state/sale-reasons';

/** Under a basket line: the promotions it gets (name and amount), its discount and a changed price. */
export function LineDetails({ priced }: { readonly priced: PricedLine }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { line, promotions, lineDiscount } = priced;
  const discount = line.discount;
  const override = line.priceOverride;
  if (promotions.length === 0 && lineDiscount.minor === 0 && !override) return null;
  const reason = (r: { reasonCode: string; note?: string }) =>
    describedReason({ reasonCode: r.reasonCode as ReasonCode, ...(r.note ? { note: r.note } : {}) });
  return (
    <ul className="line-details" data-testid="line-details">
      {promotions.map((p) => (
        <li key={p.promotionId} className="line-promotion" data-testid="line-promotion">
          <span>{p.label}</span>
          <span className="line-amount">−{format.money(p.amount)}</span>
        </li>
      ))}
      {discount && lineDiscount.minor > 0 && (
        <li className="line-discount" data-testid="line-discount">
          <span>
            {t('saleEdit.discount.onLine', {
              what:
                discount.value.type === 'percentage'
                  ? format.percent(discount.value.bps / 10_000)
                  : format.money(discount.value.amount),
              reason: reason(discount),
            })}
          </span>
          <span className="line-amount">−{format.money(lineDiscount)}</span>
        </li>
      )}
      {override && (
        <li className="line-override" data-testid="line-price-override">
          <span>
            {t('saleEdit.price.changed', { price: format.money(override.originalUnitPrice) })} (
            {reason(override)})
          </span>
        </li>
      )}
    </ul>
  );
}
