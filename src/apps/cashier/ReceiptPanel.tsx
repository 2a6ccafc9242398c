import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../i18n/use-format';
import type { ReceiptDesk } from '../../state/receipt-desk';
import type { CompletedSaleView } from '../../state/sale-store';

/**
 * The sale is done. Under the AGEC law the receipt is printed only on
 * request: the cashier asks "Ticket ?" (Papier / QR / Non; P, Q, N on the
 * keyboard), unless a legal exception or the store's setting decided. The
 * receipt always shows on screen, and a copy on paper later is a DUPLICATA.
 */
export function ReceiptPanel({
  completed,
  desk,
  behindDialog = false,
}: {
  completed: CompletedSaleView;
  desk: ReceiptDesk;
  /** A window is open over the till (an exchange paid the sale from the return window): focus once it closes. */
  behindDialog?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { receipt, print, problem } = useStore(desk.store);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const asking = receipt?.choice === 'pending';
  useEffect(() => {
    if (asking && !behindDialog) firstChoice.current?.focus();
  }, [asking, behindDialog]);
  const onChoiceKey = (event: React.KeyboardEvent) => {
    const key = event.key.toLowerCase();
    if (key === 'p') void desk.choosePaper();
    else if (key === 'q') void desk.chooseDigital();
    else if (key === 'n') desk.chooseNone();
    else return;
    event.preventDefault();
  };
  return (
    <section className="receipt" data-testid="sale-completed">
      <p className="change">
        {t('till.receipt.change')} :{' '}
        <strong data-testid="change-due">{format.money(completed.change)}</strong>
      </p>
      <p>
        {t('till.receipt.label')} <span data-testid="receipt-number">{completed.receiptNumber}</span>
      </p>
      {problem && (
        <p className="error" role="alert" data-testid="receipt-problem">
          {problem}
        </p>
      )}
      {asking && (
        <fieldset className="receipt-choice" data-testid="receipt-choice" onKeyDown={onChoiceKey}>
          <legend className="receipt-question">{t('receiptDesk.question')}</legend>
          <button
            ref={firstChoice}
            type="button"
            data-testid="receipt-choice-paper"
            aria-keyshortcuts="P"
            onClick={() => void desk.choosePaper()}
          >
            <u>{t('receiptDesk.paper').slice(0, 1)}</u>
            {t('receiptDesk.paper').slice(1)}
          </button>
          <button
            type="button"
            data-testid="receipt-choice-qr"
            aria-keyshortcuts="Q"
            onClick={() => void desk.chooseDigital()}
          >
            <u>{t('receiptDesk.qr').slice(0, 1)}</u>
            {t('receiptDesk.qr').slice(1)}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="receipt-choice-none"
            aria-keyshortcuts="N"
            onClick={desk.chooseNone}
          >
            <u>{t('receiptDesk.none').slice(0, 1)}</u>
            {t('receiptDesk.none').slice(1)}
          </button>
        </fieldset>
      )}
      {receipt?.decision.action === 'print' && receipt.decision.exception && (
        <p className="receipt-exception" data-testid="receipt-exception">
          {t(`receiptDesk.exceptions.${receipt.decision.exception}`)}
        </p>
      )}
      {receipt?.choice === 'digital' && receipt.qrSvg && (
        <figure className="receipt-qr" data-testid="receipt-qr" data-url={receipt.digitalUrl}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.qrSvg)}`}
            alt={t('receiptDesk.qrAlt')}
            width={220}
            height={220}
          />
          <figcaption>{t('receiptDesk.qrCaption')}</figcaption>
        </figure>
      )}
      {receipt?.choice === 'none' && <p data-testid="receipt-declined">{t('receiptDesk.declined')}</p>}
      {print && (
        <p
          className={`print-status print-${print.status}`}
          data-testid="print-status"
          data-state={print.status}
          role="status"
        >
          {print.message}{' '}
          {print.status === 'queued' && (
            <button type="button" data-testid="reprint" onClick={() => void desk.retryPrint()}>
              {t('till.reprint')}
            </button>
          )}
        </p>
      )}
      {receipt && !asking && (receipt.choice !== 'paper' || print?.status === 'printed') && (
        <p>
          <button
            type="button"
            className="secondary"
            data-testid="receipt-paper-later"
            onClick={() => void desk.choosePaper()}
          >
            {receipt.originalSent
              ? receipt.reprints > 0
                ? t('receiptDesk.duplicateAgain', { count: receipt.reprints })
                : t('receiptDesk.duplicate')
              : t('receiptDesk.printLater')}
          </button>
        </p>
      )}
      {/* The receipt as printed, the card terminal's slips after it. */}
      {/* Scrolls when long: focusable so a keyboard can scroll it too (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
      <pre className="receipt-preview" data-testid="receipt-preview" tabIndex={0}>
        {completed.receiptText}
      </pre>
      <p>{t('till.receipt.nextSale')}</p>
    </section>
  );
}
