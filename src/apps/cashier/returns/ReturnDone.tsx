import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isExchangeAccount } from '../../../core/returns/exchange-account';
import { useFormat } from '../../../i18n/use-format';
import type { DoneReturn, ReturnStore } from '../../../state/return-store';

/** The return is journalled: what to hand back, and the return receipt (paper, QR or nothing). */
export function ReturnDone({ returns, done }: { readonly returns: ReturnStore; readonly done: DoneReturn }) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipt = done.receipt;
  const asking = receipt?.choice === 'pending';
  // The question takes the focus: the customer's answer is one touch or one key (P, Q, N) away.
  const firstChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);
  const onChoiceKey = (event: React.KeyboardEvent) => {
    const choice = { p: 'paper', q: 'digital', n: 'none' } as const;
    const picked = choice[event.key.toLowerCase() as keyof typeof choice];
    if (!picked) return;
    event.preventDefault();
    void returns.receiptChoice(picked);
  };
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
      {asking && (
        <fieldset
          className="return-receipt-choice"
          data-testid="return-receipt-choice"
          onKeyDown={onChoiceKey}
        >
          <legend>{t('returns.receipt.question')}</legend>
          <button
            ref={firstChoice}
            type="button"
            data-testid="return-receipt-paper"
            aria-keyshortcuts="P"
            onClick={() => void returns.receiptChoice('paper')}
          >
            {t('returns.receipt.paper')}
          </button>
          <button
            type="button"
            data-testid="return-receipt-qr"
            aria-keyshortcuts="Q"
            onClick={() => void returns.receiptChoice('digital')}
          >
            {t('returns.receipt.digital')}
          </button>
          <button
            type="button"
            data-testid="return-receipt-none"
            aria-keyshortcuts="N"
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
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
        <pre data-testid="return-receipt-text" className="receipt-preview" tabIndex={0}>
          {receipt.text}
        </pre>
      )}
      <button type="button" data-testid="return-new" onClick={returns.open}>
        {t('returns.done.new')}
      </button>
    </section>
  );
}
