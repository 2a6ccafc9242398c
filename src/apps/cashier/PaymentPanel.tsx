import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Payment, remainingDue } from '../../core/sale';
import { useFormat } from '../../i18n/use-format';
import type { CardAttempt } from '../../state/sale-store';
import { AmountKeypad } from '../../ui/kit/AmountKeypad';
import { Busy } from '../../ui/kit/Busy';

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
  /** A manager's decision on a card payment whose outcome stays unknown (asks for their approval). */
  onResolveCard: (resolution: 'charged' | 'not-charged') => Promise<void>;
  onCancel: () => void;
  /** Opens the gift voucher tender (tickets/VoucherRedeemDialog). */
  onVoucher?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [typed, setTyped] = useState(0);
  const due = remainingDue(props.payment);
  const pay = (givenMinor: number) => {
    if (givenMinor <= 0) return;
    setTyped(0);
    void props.onCash(givenMinor);
  };
  const { card } = props;
  const header = (
    <>
      <p className="due">
        <span className="due-label">{t('till.payment.due')}</span>
        <strong data-testid="amount-due">{format.money(due)}</strong>
      </p>
      <TendersTaken payment={props.payment} />
    </>
  );
  if (card) {
    return (
      <section className="payment" data-testid="payment-panel" aria-label={t('cashierLayout.payment')}>
        {header}
        <div className="card-attempt" data-testid="card-attempt" data-phase={card.phase}>
          {card.phase === 'in-progress' ? (
            <Busy active label={card.message} testId="card-message" />
          ) : (
            <p role="status" data-testid="card-message">
              {card.message}
            </p>
          )}
          {card.phase === 'in-progress' && (
            <button
              type="button"
              className="secondary"
              data-testid="abort-card"
              onClick={() => void props.onAbortCard()}
            >
              {t('till.payment.abortCard')}
            </button>
          )}
          {card.phase === 'outcome-unknown' && (
            <>
              <p>{t('till.payment.maybeCharged')}</p>
              <button type="button" data-testid="check-card" onClick={() => void props.onCheckCard()}>
                {t('till.payment.checkCard')}
              </button>
              <ManagerCardDecision onResolve={props.onResolveCard} />
            </>
          )}
        </div>
      </section>
    );
  }
  return (
    <section className="payment" data-testid="payment-panel" aria-label={t('cashierLayout.payment')}>
      {header}
      <div className="payment-actions">
        {props.cardAvailable && (
          <button
            type="button"
            className="pay-card"
            data-testid="pay-card"
            onClick={() => void props.onCard()}
          >
            {t('till.payment.card')}
          </button>
        )}
        {props.onVoucher && (
          <button type="button" className="pay-voucher" data-testid="pay-voucher" onClick={props.onVoucher}>
            {t('vouchers.tender')}
          </button>
        )}
        {props.payment.tenders.every((tender) => tender.type === 'cash') && (
          <button type="button" className="secondary" data-testid="back-to-basket" onClick={props.onCancel}>
            {t('till.payment.backToBasket')}
          </button>
        )}
      </div>
      <AmountKeypad
        value={typed}
        onChange={setTyped}
        currency={due.currency}
        label={t('till.payment.cashGiven')}
        exactMinor={due.minor}
        quickNotes={QUICK_NOTES_MINOR.filter((note) => note > due.minor)}
        onQuickAmount={pay}
        onEnter={pay}
        enterLabel={t('till.payment.confirm')}
        enterDisabled={typed === 0}
        testId="cash-given"
        quickTestId="pay"
        autoFocus
      />
    </section>
  );
}

/** What the customer has already handed over on this sale: it stays on it, whatever happens next. */
function TendersTaken({ payment }: { payment: Payment }) {
  const { t: words } = useTranslation();
  const format = useFormat();
  if (payment.tenders.length === 0) return null;
  return (
    <ul className="tenders-taken" data-testid="tenders-taken">
      {payment.tenders.map((t) => (
        <li key={t.tenderId} data-testid="tender-taken">
          {t.type === 'cash'
            ? words('openSale.cashTaken')
            : t.type === 'voucher'
              ? `${words('vouchers.tender')} ${t.code}`
              : words('openSale.cardTaken')}{' '}
          : {format.money(t.type === 'cash' ? t.given : t.amount)}
        </li>
      ))}
    </ul>
  );
}

/**
 * When the terminal itself can no longer tell (another transaction came
 * after), a manager checks the terminal's journal and decides; the decision
 * asks for the manager's approval in the till's approval prompt (ApprovalPrompt).
 */
function ManagerCardDecision(props: { onResolve: (resolution: 'charged' | 'not-charged') => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <details className="manager-card-decision" data-testid="manager-card-decision">
      <summary>{t('till.payment.managerDecision')}</summary>
      <p>{t('till.payment.managerDecisionHint')}</p>
      <button type="button" data-testid="resolve-charged" onClick={() => void props.onResolve('charged')}>
        {t('till.payment.charged')}
      </button>
      <button
        type="button"
        data-testid="resolve-not-charged"
        onClick={() => void props.onResolve('not-charged')}
      >
        {t('till.payment.notCharged')}
      </button>
    </details>
  );
}
