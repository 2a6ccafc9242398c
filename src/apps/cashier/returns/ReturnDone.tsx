import { useTranslation } from 'react-i18next';
import { isExchangeAccount } from '../../../core/returns/exchange-account';
import { useFormat } from '../../../i18n/use-format';
import type { DoneReturn, ReturnStore } from '../../../state/return-store';

/** The return is journalled: what to hand back, and the return receipt (paper, QR or nothing). */
export function ReturnDone({ returns, done }: { readonly returns: ReturnStore; readonly done: DoneReturn }) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipt = done.receipt;
  const credit = done.record.refunds
    .filter((r) => r.method === 'store-credit' && !isExchangeAccount(r.accountId))
    .reduce((sum, r) => sum + r.amount.minor, 0);
  return (
    <section data-testid="return-done" className="return-done">
      <h3>{t('returns.done.title')}</h3>
      <p>
        {t('returns.done.receiptNumber')} :{' '}
        <strong data-testid="return-receipt-number">{done.receiptNumber}</strong>
      </p>
      {done.cashOut.minor > 0 && (
        <p className="return-cash">
          {t('returns.done.cash')} :{' '}
          <strong data-testid="return-cash-out">{format.money(done.cashOut)}</strong>
        </p>
      )}
      {done.cardOut.minor > 0 && (
        <p>
          {t('returns.done.card')} :{' '}
          <strong data-testid="return-card-out">{format.money(done.cardOut)}</strong>
        </p>
      )}
      {credit > 0 && (
        <p>
          {t('returns.done.credit')} :{' '}
          <strong data-testid="return-credit">
            {format.money({ minor: credit, currency: done.record.currency })}
          </strong>
        </p>
      )}
      {done.exchangeCredit.minor > 0 && (
        <p>
          {t('returns.done.exchangeCredit')} :{' '}
          <strong data-testid="return-exchange-credit">{format.money(done.exchangeCredit)}</strong>
        </p>
      )}
      {receipt?.choice === 'pending' && (
        <fieldset data-testid="return-receipt-choice">
          <legend>{t('returns.receipt.question')}</legend>
          <button
            type="button"
            data-testid="return-receipt-paper"
            onClick={() => void returns.receiptChoice('paper')}
          >
            {t('returns.receipt.paper')}
          </button>
          <button
            type="button"
            data-testid="return-receipt-qr"
            onClick={() => void returns.receiptChoice('digital')}
          >
            {t('returns.receipt.digital')}
          </button>
          <button
            type="button"
            data-testid="return-receipt-none"
            onClick={() => void returns.receiptChoice('none')}
          >
            {t('returns.receipt.none')}
          </button>
        </fieldset>
      )}
      {receipt?.qrSvg && (
        <figure className="receipt-qr" data-testid="return-receipt-qr-code" data-url={receipt.digitalUrl}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.qrSvg)}`}
            alt={t('returns.receipt.qr')}
            width={220}
            height={220}
          />
        </figure>
      )}
      {receipt?.print && (
        <p role="status" data-testid="return-print-status" data-state={receipt.print.status}>
          {receipt.print.message}
        </p>
      )}
      {receipt && (
        <pre data-testid="return-receipt-text" className="receipt-preview">
          {receipt.text}
        </pre>
      )}
      <button type="button" data-testid="return-new" onClick={returns.open}>
        {t('returns.done.new')}
      </button>
    </section>
  );
}
