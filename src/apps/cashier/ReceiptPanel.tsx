import { formatMoney } from '../../core/money';
import type { CompletedSaleView } from '../../state/sale-store';

export function ReceiptPanel({ completed }: { completed: CompletedSaleView }) {
  return (
    <section className="receipt" data-testid="sale-completed">
      <p className="change">
        Rendu : <strong data-testid="change-due">{formatMoney(completed.change, 'fr-FR')}</strong>
      </p>
      <p>
        Ticket <span data-testid="receipt-number">{completed.receiptNumber}</span>
      </p>
      <pre className="receipt-preview" data-testid="receipt-preview">
        {completed.receiptText}
      </pre>
      <p>Scannez l’article suivant pour commencer une nouvelle vente.</p>
    </section>
  );
}
