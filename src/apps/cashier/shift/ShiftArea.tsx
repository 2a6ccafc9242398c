import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../../i18n/use-format';
import type { ShiftState, ShiftStore } from '../../../state/shift-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { CloseShiftPanel } from './CloseShiftPanel';
import { OpenShiftPanel } from './OpenShiftPanel';
import { ShiftDialogs } from './ShiftDialogs';
import { ShiftReportView } from './ShiftReportView';

/** Whether a shift screen (report, close, "open the till") takes the till's place. */
export const shiftTakesOver = (state: ShiftState): boolean =>
  state.status !== 'open' || state.report !== undefined || state.panel === 'close';

/**
 * The shift screen that takes the till's place: the report (X or Z) when
 * one is on show, the close screen, or "open the till" when no shift is
 * open here (selling waits for one).
 */
export function ShiftScreen({ shift, staff }: { readonly shift: ShiftStore; readonly staff: SignedInStaff }) {
  const state = useStore(shift.store);
  const [thresholdMinor, setThreshold] = useState<number | undefined>();
  useEffect(() => {
    let current = true;
    void shift.differenceLimitMinor(staff).then((limit) => current && setThreshold(limit));
    return () => {
      current = false;
    };
  }, [shift, staff]);
  if (state.status === 'loading') return null;
  if (state.report) return <ShiftReportView shift={shift} report={state.report} />;
  if (state.panel === 'close' && state.status === 'open')
    return <CloseShiftPanel shift={shift} staff={staff} thresholdMinor={thresholdMinor} />;
  return <OpenShiftPanel shift={shift} staff={staff} problem={state.problem} />;
}

/**
 * Beside the till while a shift is open (its till-menu entry, F9, is in CashierScreen's menu):
 * the notice of a shift left open from an earlier business day, and the shift dialogs.
 */
export function ShiftBeside({
  shift,
  staff,
  saleInProgress,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff;
  readonly saleInProgress: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(shift.store);
  return (
    <>
      {state.fromEarlierDay && state.opened && (
        <div className="shift-recovered" role="status" data-testid="shift-recovered">
          <strong>{t('shifts.recovered.title')}</strong>{' '}
          {t('shifts.recovered.text', {
            when: new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'short' }).format(
              new Date(state.opened.recordedAt),
            ),
          })}{' '}
          <button
            type="button"
            data-testid="shift-recovered-close"
            disabled={saleInProgress}
            onClick={() => shift.show('close')}
          >
            {t('shifts.recovered.close')}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            data-testid="shift-recovered-go-on"
            onClick={shift.carryOn}
          >
            {t('shifts.recovered.goOn')}
          </button>
        </div>
      )}
      <ShiftDialogs shift={shift} staff={staff} saleInProgress={saleInProgress} />
    </>
  );
}
