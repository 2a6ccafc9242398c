import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ShiftStore } from '../../../state/shift-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { AmountKeypad, Dialog } from '../../../ui/kit';

/** The till menu's "Drawer and reports" choices, and the cash in / cash out dialog. */
export function ShiftDialogs({
  shift,
  staff,
  saleInProgress,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff | undefined;
  /** A basket is open: the till cannot be closed until it is paid or emptied. */
  readonly saleInProgress: boolean;
}) {
  const { t } = useTranslation();
  const panel = useStore(shift.store, (s) => s.panel);
  const close = () => shift.show('none');
  if (panel === 'menu')
    return (
      <Dialog title={t('shifts.menu.title')} onClose={close} testId="shift-menu">
        <div className="shift-menu">
          <button type="button" data-testid="shift-menu-cash-in" onClick={() => shift.show('cash-in')}>
            {t('shifts.menu.cashIn')}
          </button>
          <button type="button" data-testid="shift-menu-cash-out" onClick={() => shift.show('cash-out')}>
            {t('shifts.menu.cashOut')}
          </button>
          <button type="button" data-testid="shift-menu-x-report" onClick={() => void shift.xReport()}>
            {t('shifts.menu.xReport')}
          </button>
          <button
            type="button"
            data-testid="shift-menu-close"
            disabled={saleInProgress}
            onClick={() => shift.show('close')}
          >
            {t('shifts.menu.close')}
          </button>
        </div>
      </Dialog>
    );
  if (panel === 'cash-in' || panel === 'cash-out')
    return <CashMovementDialog shift={shift} staff={staff} direction={panel === 'cash-in' ? 'in' : 'out'} />;
  return null;
}

function CashMovementDialog({
  shift,
  staff,
  direction,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff | undefined;
  readonly direction: 'in' | 'out';
}) {
  const { t } = useTranslation();
  const problem = useStore(shift.store, (s) => s.problem);
  const [amountMinor, setAmount] = useState(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    await shift.cashMovement(staff, { direction, amountMinor, reason });
    setBusy(false);
  };
  return (
    <Dialog
      title={direction === 'in' ? t('shifts.movement.titleIn') : t('shifts.movement.titleOut')}
      onClose={() => shift.show('none')}
      testId="cash-movement"
      cancelLabel={t('shifts.movement.cancel')}
      actions={
        <button
          type="button"
          data-testid="cash-movement-submit"
          disabled={busy}
          onClick={() => void submit()}
        >
          {t('shifts.movement.submit')}
        </button>
      }
    >
      <AmountKeypad
        value={amountMinor}
        onChange={setAmount}
        currency="EUR"
        label={t('shifts.movement.amount')}
        testId="cash-movement-amount"
        autoFocus
      />
      <label className="kit-field-label" htmlFor="cash-movement-reason">
        {t('shifts.movement.reason')}
      </label>
      <input
        id="cash-movement-reason"
        className="reason-field"
        data-testid="cash-movement-reason"
        maxLength={200}
        placeholder={t('shifts.movement.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void submit();
        }}
      />
      {problem && (
        <p className="error" role="alert" data-testid="cash-movement-problem">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
