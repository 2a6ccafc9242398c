import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../core/catalog/product';
import { money } from '../../../core/money';
import type { QuickKeyItem } from '../../../data/quick-key-products';
import { useFormat } from '../../../i18n/use-format';
import { Dialog, editDigits, Numpad } from '../../../ui/kit';

/** The grid of quick keys: one large button per item without a label. */
export function QuickKeysDialog({
  keys,
  onPress,
  onClose,
}: {
  readonly keys: readonly QuickKeyItem[];
  readonly onPress: (item: QuickKeyItem) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog title={t('saleEdit.quickKeys.title')} onClose={onClose} testId="quick-keys" wide>
      {keys.length === 0 ? (
        <p data-testid="quick-keys-none">{t('saleEdit.quickKeys.none')}</p>
      ) : (
        <div className="quick-keys-grid">
          {keys.map((item) => {
            const price = format.money(money(item.product.priceMinor, item.product.currency));
            return (
              <button
                key={item.product.id}
                type="button"
                className="quick-key"
                data-testid={`quick-key-${item.product.id}`}
                onClick={() => onPress(item)}
              >
                <span className="quick-key-label">{item.label}</span>
                <span className="quick-key-price">
                  {item.product.unit === 'kg' ? t('saleEdit.quickKeys.perKg', { price }) : price}
                </span>
              </button>
            );
          })}
        </div>
      )}
    </Dialog>
  );
}

/** The weight of an item sold by weight, typed in grams (this till reads no scale). */
export function WeighDialog({
  product,
  onWeigh,
  onClose,
}: {
  readonly product: Product;
  readonly onWeigh: (grams: number) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [digits, setDigits] = useState('');
  return (
    <Dialog
      title={t('saleEdit.quickKeys.weighTitle', { name: product.name })}
      onClose={onClose}
      testId="weigh-dialog"
    >
      <p>{t('saleEdit.quickKeys.weighHint')}</p>
      <p className="sale-typed" aria-live="polite">
        <span className="kit-field-label">{t('saleEdit.quickKeys.weighLabel')}</span>
        <output data-testid="weigh-typed">{digits === '' ? '—' : `${format.count(Number(digits))} g`}</output>
      </p>
      <Numpad
        label={t('saleEdit.quickKeys.weighLabel')}
        testId="weigh-pad"
        doubleZero={false}
        onKey={(key) => setDigits((d) => editDigits(d, key, { maxLength: 7 }))}
        onEnter={() => digits !== '' && onWeigh(Number(digits))}
        enterLabel={t('saleEdit.quickKeys.weigh')}
        enterDisabled={digits === ''}
      />
    </Dialog>
  );
}
