import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../core/money';
import type { DiscountInput } from '../../../state/discount-flow';
import { DISCOUNT_REASONS, type ReasonChoice } from '../../../state/sale-reasons';
import { AmountKeypad, Dialog, editDigits, Numpad } from '../../../ui/kit';
import { ReasonPicker } from './ReasonPicker';

/** A discount on a line or on the basket: a percentage or an amount, with a reason. */
export function DiscountDialog({
  title,
  currency,
  busy,
  hasDiscount,
  onApply,
  onRemove,
  onClose,
}: {
  readonly title: string;
  readonly currency: CurrencyCode;
  readonly busy: boolean;
  readonly hasDiscount: boolean;
  readonly onApply: (input: DiscountInput, reason: ReasonChoice) => Promise<boolean>;
  readonly onRemove: () => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'percentage' | 'amount'>('percentage');
  const [percent, setPercent] = useState('');
  const [minor, setMinor] = useState(0);
  const [reason, setReason] = useState<ReasonChoice>({ code: 'loyalty', note: '' });
  const input: DiscountInput =
    kind === 'percentage'
      ? { type: 'percentage', bps: Number(percent || '0') * 100 }
      : { type: 'amount', minor };
  const apply = () => void onApply(input, reason);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="discount-dialog"
      wide
      actions={
        <>
          <button type="button" data-testid="discount-apply" disabled={busy} onClick={apply}>
            {t('saleEdit.discount.apply')}
          </button>
          {hasDiscount && (
            <button type="button" className="secondary" data-testid="discount-remove" onClick={onRemove}>
              {t('saleEdit.discount.remove')}
            </button>
          )}
        </>
      }
    >
      <div className="sale-dialog-columns">
        <div>
          <fieldset className="sale-choices sale-kind" data-testid="discount-kind">
            <legend className="kit-field-label">{t('saleEdit.discount.kind')}</legend>
            {(['percentage', 'amount'] as const).map((k) => (
              <label key={k} className="sale-choice" data-testid={`discount-kind-${k}`}>
                <input type="radio" name="discount-kind" checked={kind === k} onChange={() => setKind(k)} />
                {t(`saleEdit.discount.${k}`)}
              </label>
            ))}
          </fieldset>
          {kind === 'percentage' ? (
            <>
              <p className="sale-typed" data-testid="discount-percent-typed" aria-live="polite">
                <span className="kit-field-label">{t('saleEdit.discount.percentLabel')}</span>
                <output>{percent === '' ? '—' : `${percent} %`}</output>
              </p>
              <Numpad
                label={t('saleEdit.discount.percentLabel')}
                testId="discount-percent-pad"
                doubleZero={false}
                disabled={busy}
                onKey={(key) => setPercent((p) => editDigits(p, key, { maxLength: 3 }))}
                onEnter={apply}
                enterLabel={t('saleEdit.discount.apply')}
              />
            </>
          ) : (
            <AmountKeypad
              value={minor}
              onChange={setMinor}
              currency={currency}
              label={t('saleEdit.discount.amountLabel')}
              testId="discount-amount"
              disabled={busy}
              onEnter={apply}
              enterLabel={t('saleEdit.discount.apply')}
            />
          )}
        </div>
        <ReasonPicker
          reasons={DISCOUNT_REASONS}
          value={reason}
          onChange={setReason}
          testId="discount-reason"
        />
      </div>
    </Dialog>
  );
}
