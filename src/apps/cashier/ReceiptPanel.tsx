import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { formatMoney } from '../../core/money';
import type { ReceiptDesk } from '../../state/receipt-desk';
import { RECEIPT_DESK_WORDS } from '../../state/receipt-desk-words';
import type { CompletedSaleView } from '../../state/sale-store';

const words = RECEIPT_DESK_WORDS['fr-FR'];

/**
 * The sale is done. Under the AGEC law the receipt is printed only on
 * request: the cashier asks "Ticket ?" (Papier / QR / Non; P, Q, N on the
 * keyboard), unless a legal exception or the store's setting decided. The
 * receipt always shows on screen, and a copy on paper later is a DUPLICATA.
 */
export function ReceiptPanel({ completed, desk }: { completed: CompletedSaleView; desk: ReceiptDesk }) {
  const { receipt, print, problem } = useStore(desk.store);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const asking = receipt?.choice === 'pending';
  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);
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
        Rendu : <strong data-testid="change-due">{formatMoney(completed.change, 'fr-FR')}</strong>
      </p>
      <p>
        Ticket <span data-testid="receipt-number">{completed.receiptNumber}</span>
      </p>
      {problem && (
        <p className="error" role="alert" data-testid="receipt-problem">
          {problem}
        </p>
      )}
      {asking && (
        <fieldset className="receipt-choice" data-testid="receipt-choice" onKeyDown={onChoiceKey}>
          <legend className="receipt-question">{words.question}</legend>
          <button
            ref={firstChoice}
            type="button"
            data-testid="receipt-choice-paper"
            aria-keyshortcuts="P"
            onClick={() => void desk.choosePaper()}
          >
            <u>{words.paper.slice(0, 1)}</u>
            {words.paper.slice(1)}
          </button>
          <button
            type="button"
            data-testid="receipt-choice-qr"
            aria-keyshortcuts="Q"
            onClick={() => void desk.chooseDigital()}
          >
            <u>{words.qr.slice(0, 1)}</u>
            {words.qr.slice(1)}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="receipt-choice-none"
            aria-keyshortcuts="N"
            onClick={desk.chooseNone}
          >
            <u>{words.none.slice(0, 1)}</u>
            {words.none.slice(1)}
          </button>
        </fieldset>
      )}
      {receipt?.decision.action === 'print' && receipt.decision.exception && (
        <p className="receipt-exception" data-testid="receipt-exception">
          {words.exceptions[receipt.decision.exception]}
        </p>
      )}
      {receipt?.choice === 'digital' && receipt.qrSvg && (
        <figure className="receipt-qr" data-testid="receipt-qr" data-url={receipt.digitalUrl}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.qrSvg)}`}
            alt={words.qrAlt}
            width={220}
            height={220}
          />
          <figcaption>{words.qrCaption}</figcaption>
        </figure>
      )}
      {receipt?.choice === 'none' && <p data-testid="receipt-declined">{words.declined}</p>}
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
              Réimprimer
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
            {receipt.originalSent ? words.duplicate(receipt.reprints) : words.printLater}
          </button>
        </p>
      )}
      {/* The receipt as printed, the card terminal's slips after it. */}
      <pre className="receipt-preview" data-testid="receipt-preview">
        {completed.receiptText}
      </pre>
      <p>Scannez l’article suivant pour commencer une nouvelle vente.</p>
    </section>
  );
}
