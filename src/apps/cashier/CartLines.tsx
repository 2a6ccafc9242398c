import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PricedCart } from '../../core/cart';
import { useFormat } from '../../i18n/use-format';

type Measure = PricedCart['lines'][number]['line']['measure'];

const quantityOf = (measure: Measure, t: TFunction, count: (n: number) => string): string => {
  if (measure.kind === 'pieces') return t('till.pieces', { count: measure.quantity });
  if (measure.kind === 'weight') return t('till.kilograms', { weight: count(measure.grams / 1000) });
  return t('till.labelPrice');
};

export function CartLines({
  priced,
  onVoid,
  locked,
}: {
  priced: PricedCart;
  onVoid: (lineId: string) => void;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (priced.lines.length === 0) return <p className="empty-cart">{t('till.scanToStart')}</p>;
  return (
    <ol className="cart-lines" data-testid="cart-lines">
      {priced.lines.map(({ line, net }) => (
        <li key={line.lineId} data-testid="cart-line">
          <span className="line-name">{line.name}</span>
          <span className="line-quantity">{quantityOf(line.measure, t, format.count)}</span>
          <span className="line-amount">{format.money(net)}</span>
          {!locked && (
            <button
              type="button"
              className="void"
              onClick={() => onVoid(line.lineId)}
              aria-label={t('till.voidLine', { name: line.name })}
            >
              ✕
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
