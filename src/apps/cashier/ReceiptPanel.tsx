import { formatMoney } from '../../core/money';
import type { ReceiptPrintState } from '../../state/receipt-printing';
import type { CompletedSaleView } from '../../state/sale-store';

/** The sale is done; the receipt shows on screen and goes to the printer, and waits there if it must. */
export function ReceiptPanel({
  completed,
  print,
  onReprint,
}: {
  completed: CompletedSaleView;
  print: ReceiptPrintState | undefined;
  onReprint: () => Promise<void>;
}) {
  return (
    <section className="receipt" data-testid="sale-completed">
      <p className="change">
        Rendu : <strong data-testid="change-due">{formatMoney(completed.change, 'fr-FR')}</strong>
      </p>
      <p>
        Ticket <span data-testid="receipt-number">{completed.receiptNumber}</span>
      </p>
      {print && (
        <p
          className={`print-status print-${print.status}`}
          data-testid="print-status"
          data-state={print.status}
          role="status"
        >
          {print.message}{' '}
          {print.status === 'queued' && (
            <button type="button" data-testid="reprint" onClick={() => void onReprint()}>
              Réimprimer
            </button>
          )}
        </p>
      )}
      {/* The receipt as printed, the card terminal's slips after it. */}
      {/* Scrolls when long: focusable so a keyboard can scroll it too (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
      <pre className="receipt-preview" data-testid="receipt-preview" tabIndex={0}>
        {completed.receiptText}
      </pre>
      <p>Scannez l’article suivant pour commencer une nouvelle vente.</p>
    </section>
  );
}
