import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../core/cart';
import { useFormat } from '../../../i18n/use-format';
import { PRICE_REASONS, type ReasonChoice } from '../../../state/sale-reasons';
import { AmountKeypad, Dialog } from '../../../ui/kit';
import { ReasonPicker } from './ReasonPicker';

/** A new unit price for one line, with a reason; the approval (if the policy asks) follows. */
export function PriceDialog({
  line,
  busy,
  onApply,
  onClose,
}: {
  readonly line: CartLine;
  readonly busy: boolean;
  readonly onApply: (unitPriceMinor: number, reason: ReasonChoice) => Promise<boolean>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [minor, setMinor] = useState(0);
  const [reason, setReason] = useState<ReasonChoice>({ code: 'damaged', note: '' });
  const apply = async () => {
    if (await onApply(minor, reason)) onClose();
  };
  const perKg = line.measure.kind === 'weight';
  return (
    <Dialog
      title={t('saleEdit.price.title', { name: line.name })}
      onClose={onClose}
      testId="price-dialog"
      wide
      actions={
        <button type="button" data-testid="price-apply" disabled={busy} onClick={() => void apply()}>
          {t('saleEdit.price.apply')}
        </button>
      }
    >
      <div className="sale-dialog-columns">
        <div>
          <p data-testid="price-current">
            {t('saleEdit.price.was', {
              price: perKg
                ? t('saleEdit.quickKeys.perKg', { price: format.money(line.unitPrice) })
                : format.money(line.unitPrice),
            })}
          </p>
          <AmountKeypad
            value={minor}
            onChange={setMinor}
            currency={line.unitPrice.currency}
            label={t(perKg ? 'saleEdit.price.labelPerKg' : 'saleEdit.price.label')}
            testId="price-amount"
            autoFocus
            disabled={busy}
            onEnter={() => void apply()}
            enterLabel={t('saleEdit.price.apply')}
          />
        </div>
        <ReasonPicker reasons={PRICE_REASONS} value={reason} onChange={setReason} testId="price-reason" />
      </div>
    </Dialog>
  );
}
