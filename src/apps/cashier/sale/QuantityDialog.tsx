import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../core/cart';
import { Dialog, editDigits, Numpad } from '../../../ui/kit';

/** The quantity of one line, typed on the numpad. */
export function QuantityDialog({
  line,
  onApply,
  onClose,
}: {
  readonly line: CartLine;
  readonly onApply: (quantity: number) => boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const apply = () => {
    if (digits !== '' && onApply(Number(digits))) onClose();
  };
  return (
    <Dialog
      title={t('saleEdit.quantity.title', { name: line.name })}
      onClose={onClose}
      testId="quantity-dialog"
    >
      <p className="sale-typed" data-testid="quantity-typed" aria-live="polite">
        <span className="kit-field-label">{t('saleEdit.quantity.label')}</span>
        <output>{digits === '' ? '—' : digits}</output>
      </p>
      <Numpad
        label={t('saleEdit.quantity.label')}
        testId="quantity-pad"
        doubleZero={false}
        onKey={(key) => setDigits((d) => editDigits(d, key, { maxLength: 4 }))}
        onEnter={apply}
        enterLabel={t('saleEdit.quantity.apply')}
        enterDisabled={digits === ''}
      />
    </Dialog>
  );
}
