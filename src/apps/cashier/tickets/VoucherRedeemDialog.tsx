import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CurrencyCode } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import type { VoucherFlow } from '../../../state/voucher-flow';
import { AmountKeypad, Dialog } from '../../../ui/kit';
import { VoucherCodeField, VoucherProblem } from './VoucherFields';

/**
 * Paying with a gift voucher: its code scanned or typed, what the till knows
 * is left on it, and the part to take (by default all it can: what is left
 * on it, at most what is left to pay). The rest stays on the voucher.
 */
export function VoucherRedeemDialog({
  vouchers,
  currency,
}: {
  vouchers: VoucherFlow;
  currency: CurrencyCode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(vouchers.store);
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState(0);
  useEffect(() => {
    if (state.scanned === undefined) return;
    setCode(state.scanned);
    void vouchers.check(state.scanned);
  }, [state.scanned, vouchers]);
  if (state.dialog !== 'redeem') return null;
  const check = (event: FormEvent) => {
    event.preventDefault();
    void vouchers.check(code);
  };
  const take = () => void vouchers.redeem(code, amount > 0 ? amount : undefined);
  const known = state.balance?.code === code.replace(/\s+/g, '').toUpperCase() ? state.balance : undefined;
  return (
    <Dialog
      title={t('vouchers.redeemTitle')}
      testId="voucher-redeem"
      // A scanned voucher card is its code.
      onScan={(scan) => {
        vouchers.takeScan(scan.data);
        return true;
      }}
      onClose={vouchers.close}
      actions={
        <button type="button" data-testid="voucher-redeem-take" disabled={code.trim() === ''} onClick={take}>
          {t('vouchers.take')}
        </button>
      }
    >
      <form className="voucher-code-form" onSubmit={check}>
        <VoucherCodeField
          label={t('vouchers.code')}
          testId="voucher-redeem-code"
          value={code}
          onChange={setCode}
          autoFocus
        />
        <button type="submit" className="secondary" data-testid="voucher-redeem-check">
          {t('vouchers.check')}
        </button>
      </form>
      {known && (
        <p role="status" data-testid="voucher-balance">
          {t('vouchers.balance', {
            code: known.code,
            remaining: format.money(known.remaining),
            face: format.money(known.face),
          })}
        </p>
      )}
      <AmountKeypad
        value={amount}
        onChange={setAmount}
        currency={currency}
        label={t('vouchers.partAmount')}
        testId="voucher-part"
      />
      <p className="hint">{t('vouchers.partHint')}</p>
      <VoucherProblem problem={state.problem} />
    </Dialog>
  );
}
