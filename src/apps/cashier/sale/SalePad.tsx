import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { editDigits, Numpad } from '../../../ui/kit';
import type { SaleEditing } from './sale-editing';

/**
 * The numpad beside the basket: digits, then "×" for the next item's
 * quantity ("3 ×" then a scan or a quick key), or "Qté" for the line's.
 */
export function SalePad({
  pending,
  disabled,
  onTimes,
  onLineQuantity,
  onClearPending,
}: {
  readonly pending: number | undefined;
  readonly disabled: boolean;
  readonly onTimes: (quantity: number) => boolean;
  readonly onLineQuantity: (quantity: number) => boolean;
  readonly onClearPending: () => void;
}) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const use = (action: (n: number) => boolean) => {
    if (digits !== '' && action(Number(digits))) setDigits('');
  };
  return (
    <section className="sale-pad" data-testid="sale-pad" aria-label={t('saleEdit.quantity.label')}>
      <p className="sale-typed" aria-live="polite">
        <output data-testid="sale-pad-typed">{digits === '' ? '—' : digits}</output>
        {pending !== undefined && (
          <button
            type="button"
            className="pending-quantity"
            data-testid="pending-quantity"
            title={t('saleEdit.quantity.clearPending')}
            onClick={onClearPending}
          >
            {t('saleEdit.quantity.pendingHint', { quantity: pending })}
          </button>
        )}
      </p>
      <Numpad
        label={t('saleEdit.quantity.label')}
        testId="sale-pad-keys"
        doubleZero={false}
        disabled={disabled}
        onKey={(key) => setDigits((d) => editDigits(d, key, { maxLength: 4 }))}
      />
      <div className="sale-pad-actions">
        <button
          type="button"
          data-testid="sale-pad-times"
          disabled={disabled || digits === ''}
          onClick={() => use(onTimes)}
        >
          ×
        </button>
        <button
          type="button"
          data-testid="sale-pad-line-quantity"
          disabled={disabled || digits === ''}
          onClick={() => use(onLineQuantity)}
        >
          {t('saleEdit.line.quantity')}
        </button>
      </div>
    </section>
  );
}

/** The sale pad wired to the line edit flow: "×" for the next item, "Qté" for the line. */
export function SalePadFor({ editing }: { readonly editing: SaleEditing }) {
  const pending = useStore(editing.lineEdit.store, (s) => s.pendingQuantity);
  return (
    <SalePad
      pending={pending}
      disabled={false}
      onTimes={editing.lineEdit.setPendingQuantity}
      onLineQuantity={editing.lineEdit.setQuantity}
      onClearPending={editing.lineEdit.clearPendingQuantity}
    />
  );
}
