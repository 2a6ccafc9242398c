import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, parseMoney } from '../../core/money';
import { type Payment, remainingDue } from '../../core/sale';
import type { CardAttempt } from '../../state/sale-store';

const QUICK_NOTES_MINOR = [500, 1_000, 2_000, 5_000];

/**
 * Cash tender (exact amount, common notes, or an amount typed in; change
 * comes from the core) and card tender on the terminal. While a card payment
 * runs or its outcome is unknown, no other tender can be taken.
 */
export function PaymentPanel(props: {
  payment: Payment;
  card: CardAttempt | undefined;
  cardAvailable: boolean;
  onCash: (givenMinor: number) => Promise<void>;
  onCard: () => Promise<void>;
  onAbortCard: () => Promise<void>;
  onCheckCard: () => Promise<void>;
  onResolveCard: (managerPin: string, resolution: 'charged' | 'not-charged') => Promise<void>;
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
  const { card } = props;
  const taken = <TendersTaken payment={props.payment} />;
  if (card) {
    return (
      <section className="payment" data-testid="payment-panel">
        <p className="due">
          À payer : <strong data-testid="amount-due">{formatMoney(due, 'fr-FR')}</strong>
        </p>
        {taken}
        <div className="card-attempt" data-testid="card-attempt" data-phase={card.phase} role="status">
          <p data-testid="card-message">{card.message}</p>
          {card.phase === 'in-progress' && (
            <button
              type="button"
              className="secondary"
              data-testid="abort-card"
              onClick={() => void props.onAbortCard()}
            >
              Annuler le paiement carte
            </button>
          )}
          {card.phase === 'outcome-unknown' && (
            <>
              <p>La carte a peut-être été débitée : vérifiez auprès du terminal avant tout autre paiement.</p>
              <button type="button" data-testid="check-card" onClick={() => void props.onCheckCard()}>
                Vérifier le paiement
              </button>
              <ManagerCardDecision onResolve={props.onResolveCard} />
            </>
          )}
        </div>
      </section>
    );
  }
  return (
    <section className="payment" data-testid="payment-panel">
      <p className="due">
        À payer : <strong data-testid="amount-due">{formatMoney(due, 'fr-FR')}</strong>
      </p>
      {taken}
      {props.cardAvailable && (
        <button type="button" className="pay-card" data-testid="pay-card" onClick={() => void props.onCard()}>
          Carte bancaire
        </button>
      )}
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
      {props.payment.tenders.every((t) => t.type === 'cash') && (
        <button type="button" className="secondary" data-testid="back-to-basket" onClick={props.onCancel}>
          Retour au panier
        </button>
      )}
    </section>
  );
}

/** What the customer has already handed over on this sale: it stays on it, whatever happens next. */
function TendersTaken({ payment }: { payment: Payment }) {
  const { t: words } = useTranslation();
  if (payment.tenders.length === 0) return null;
  return (
    <ul className="tenders-taken" data-testid="tenders-taken">
      {payment.tenders.map((t) => (
        <li key={t.tenderId} data-testid="tender-taken">
          {t.type === 'cash' ? words('openSale.cashTaken') : words('openSale.cardTaken')} :{' '}
          {formatMoney(t.type === 'cash' ? t.given : t.amount, 'fr-FR')}
        </li>
      ))}
    </ul>
  );
}

/**
 * When the terminal itself can no longer tell (another transaction came
 * after), a manager checks the terminal's journal and decides; the PIN field
 * is cleared after each try.
 */
function ManagerCardDecision(props: {
  onResolve: (managerPin: string, resolution: 'charged' | 'not-charged') => Promise<void>;
}) {
  const [pin, setPin] = useState('');
  const decide = (resolution: 'charged' | 'not-charged') => {
    const typed = pin;
    setPin('');
    void props.onResolve(typed, resolution);
  };
  return (
    <details className="manager-card-decision" data-testid="manager-card-decision">
      <summary>Décision du responsable</summary>
      <p>Si le terminal ne sait plus, vérifiez son journal puis indiquez si la carte a été débitée.</p>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label="Code PIN responsable"
        data-testid="manager-pin"
        value={pin}
        onChange={(event) => setPin(event.target.value)}
      />
      <button
        type="button"
        data-testid="resolve-charged"
        disabled={pin.length < 4}
        onClick={() => decide('charged')}
      >
        Carte débitée
      </button>
      <button
        type="button"
        data-testid="resolve-not-charged"
        disabled={pin.length < 4}
        onClick={() => decide('not-charged')}
      >
        Pas débitée
      </button>
    </details>
  );
}
