import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CurrencyCode } from '../../../core/money';
import type { VoucherFlow } from '../../../state/voucher-flow';
import { AmountKeypad, Dialog } from '../../../ui/kit';
import { VoucherCodeField, VoucherProblem } from './VoucherFields';

/**
 * Selling a gift voucher: the amount typed on the keypad, and the code of the
 * voucher card scanned (or typed); left empty, the till makes a new code,
 * printed on the receipt.
 */
export function VoucherSaleDialog({ vouchers, currency }: { vouchers: VoucherFlow; currency: CurrencyCode }) {
  const { t } = useTranslation();
  const state = useStore(vouchers.store);
  const [amount, setAmount] = useState(0);
  const [code, setCode] = useState('');
  useEffect(() => {
    if (state.scanned !== undefined) setCode(state.scanned);
  }, [state.scanned]);
  if (state.dialog !== 'sell') return null;
  const add = () => void vouchers.sell(amount, code);
  return (
    <Dialog
      title={t('vouchers.sellTitle')}
      testId="voucher-sale"
      // A scanned voucher card is its code.
      onScan={(scan) => {
        vouchers.takeScan(scan.data);
        return true;
      }}
      onClose={vouchers.close}
    >
      <AmountKeypad
        value={amount}
        onChange={setAmount}
        currency={currency}
        label={t('vouchers.amount')}
        testId="voucher-amount"
        // The pad's enter key (and Enter in the field) puts the voucher on the basket.
        onEnter={add}
        enterLabel={t('vouchers.add')}
        enterDisabled={amount === 0}
        autoFocus
      />
      <VoucherCodeField
        label={t('vouchers.cardCode')}
        labelClassName="voucher-code-label"
        testId="voucher-sale-code"
        value={code}
        onChange={setCode}
      />
      <p className="hint">{t('vouchers.cardCodeHint')}</p>
      <VoucherProblem problem={state.problem} />
    </Dialog>
  );
}
