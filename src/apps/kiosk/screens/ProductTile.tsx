import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../core/catalog/product';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';

/**
 * One product in a list: its name and price; the whole tile opens the product page. Memoised: a new list of
 * results re-renders only the tiles of products it did not show already (give it a steady `onOpen`).
 */
export const ProductTile = memo(function ProductTile({
  product,
  onOpen,
}: {
  readonly product: Product;
  readonly onOpen: (product: Product) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const price = format.money(money(product.priceMinor, product.currency as 'EUR'));
  return (
    <li>
      <button
        type="button"
        className="kiosk-product-tile"
        data-testid="kiosk-result"
        data-product-id={product.id}
        onClick={() => onOpen(product)}
      >
        <span className="kiosk-product-tile-name">{product.name}</span>
        <span className="kiosk-product-tile-price">
          {product.unit === 'kg' ? t('kioskApp.product.perKg', { price }) : price}
        </span>
      </button>
    </li>
  );
});
