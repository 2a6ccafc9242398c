import { type FormEvent, useState } from 'react';
import { formatMoney, parseMoney } from '../../core/money';
import { type Payment, remainingDue } from '../../core/sale';

const QUICK_NOTES_MINOR = [500, 1_000, 2_000, 5_000];

/** Cash tender: exact amount, common notes, or an amount typed in. Change comes from the core. */
export function PaymentPanel(props: {
  payment: Payment;
  onCash: (givenMinor: number) => Promise<void>;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const due = remainingDue(props.payment);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoney(typed, due.currency);
    if (!parsed.ok) {
      setTypedError('Montant invalide (ex. 20,00)');
      return;
    }
    setTypedError(undefined);
    setTyped('');
    await props.onCash(parsed.value.minor);
  };
  return (
    <section className="payment" data-testid="payment-panel">
      <p className="due">
        À payer : <strong data-testid="amount-due">{formatMoney(due, 'fr-FR')}</strong>
      </p>
      <div className="quick-cash">
        <button type="button" data-testid="pay-exact" onClick={() => void props.onCash(due.minor)}>
          Espèces : compte juste
        </button>
        {QUICK_NOTES_MINOR.filter((note) => note > due.minor).map((note) => (
          <button
            key={note}
            type="button"
            data-testid={`pay-note-${note}`}
            onClick={() => void props.onCash(note)}
          >
            {formatMoney({ minor: note, currency: due.currency }, 'fr-FR')}
          </button>
        ))}
      </div>
      <form onSubmit={submit}>
        <label htmlFor="cash-given">Espèces reçues</label>
        <input
          id="cash-given"
          data-testid="cash-given"
          inputMode="decimal"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit">Valider</button>
      </form>
      {typedError && <p className="error">{typedError}</p>}
      <button type="button" className="secondary" onClick={props.onCancel}>
        Retour au panier
      </button>
    </section>
  );
}
