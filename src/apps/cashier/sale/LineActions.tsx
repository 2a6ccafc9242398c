import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../core/cart';

/** The actions on the line selected (or the last one): − and +, quantity, price, discount. */
export function LineActions({
  line,
  disabled,
  onStep,
  onQuantity,
  onPrice,
  onDiscount,
}: {
  readonly line: CartLine | undefined;
  readonly disabled: boolean;
  readonly onStep: (delta: 1 | -1) => void;
  readonly onQuantity: () => void;
  readonly onPrice: () => void;
  readonly onDiscount: () => void;
}) {
  const { t } = useTranslation();
  if (!line) return null;
  const pieces = line.measure.kind === 'pieces';
  const name = line.name;
  return (
    <fieldset className="line-actions" data-testid="line-actions" disabled={disabled}>
      <legend className="line-actions-title">{t('saleEdit.line.actions', { name })}</legend>
      <button
        type="button"
        data-testid="line-minus"
        aria-label={t('saleEdit.line.minus', { name })}
        aria-keyshortcuts="-"
        disabled={!pieces}
        onClick={() => onStep(-1)}
      >
        −
      </button>
      <button
        type="button"
        data-testid="line-plus"
        aria-label={t('saleEdit.line.plus', { name })}
        aria-keyshortcuts="+"
        disabled={!pieces}
        onClick={() => onStep(1)}
      >
        +
      </button>
      <button type="button" data-testid="line-quantity" disabled={!pieces} onClick={onQuantity}>
        {t('saleEdit.line.quantity')}
      </button>
      <button type="button" data-testid="line-price" onClick={onPrice}>
        {t('saleEdit.line.price')}
      </button>
      <button type="button" data-testid="line-discount-open" onClick={onDiscount}>
        {t('saleEdit.line.discount')}
      </button>
    </fieldset>
  );
}
