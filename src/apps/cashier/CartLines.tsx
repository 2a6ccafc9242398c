import type { PricedCart } from '../../core/cart';
import { formatMoney } from '../../core/money';

const quantityOf = (measure: PricedCart['lines'][number]['line']['measure']): string => {
  if (measure.kind === 'pieces') return `${measure.quantity} ×`;
  if (measure.kind === 'weight') return `${(measure.grams / 1000).toLocaleString('fr-FR')} kg`;
  return 'prix étiquette';
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
  if (priced.lines.length === 0) return <p className="empty-cart">Scannez un article pour commencer.</p>;
  return (
    <ol className="cart-lines" data-testid="cart-lines">
      {priced.lines.map(({ line, net }) => (
        <li key={line.lineId} data-testid="cart-line">
          <span className="line-name">{line.name}</span>
          <span className="line-quantity">{quantityOf(line.measure)}</span>
          <span className="line-amount">{formatMoney(net, 'fr-FR')}</span>
          {!locked && (
            <button
              type="button"
              className="void"
              onClick={() => onVoid(line.lineId)}
              aria-label={`Annuler ${line.name}`}
            >
              ✕
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
