import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import type { ShiftStore } from '../../../state/shift-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { DenominationCounter, type Pieces, piecesTotal } from './DenominationCounter';

/** After sign-in with no shift open on this till: count the float, then open. */
export function OpenShiftPanel({
  shift,
  staff,
  problem,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff;
  readonly problem: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [pieces, setPieces] = useState<Pieces>({});
  const [busy, setBusy] = useState(false);
  const total = format.money(money(piecesTotal(pieces), 'EUR'));
  return (
    <section className="shift-panel" data-testid="open-shift" aria-labelledby="open-shift-title">
      <h2 id="open-shift-title">{t('shifts.open.title')}</h2>
      <p>
        {t('shifts.open.needed')} {t('shifts.open.intro')}
      </p>
      <DenominationCounter pieces={pieces} onChange={setPieces} testId="float" />
      {problem && (
        <p className="error" role="alert" data-testid="shift-problem">
          {problem}
        </p>
      )}
      <div className="shift-footer">
        <p className="count-total">
          {t('shifts.open.total')} : <strong data-testid="float-total">{total}</strong>
        </p>
        <button
          type="button"
          data-testid="open-shift-submit"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await shift.open(staff, pieces);
            setBusy(false);
          }}
        >
          {t('shifts.open.submit', { amount: total })}
        </button>
      </div>
    </section>
  );
}
