import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../../i18n/use-format';
import type { ShiftStore } from '../../../state/shift-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { CloseShiftPanel } from './CloseShiftPanel';
import { OpenShiftPanel } from './OpenShiftPanel';
import { ShiftDialogs } from './ShiftDialogs';
import { ShiftReportView } from './ShiftReportView';

/**
 * What the signed-in cashier sees of the shift: the report (X or Z) when
 * one is on show, the close screen, "open the till" when no shift is open
 * here, otherwise the till itself (children), with the notice of a shift
 * left open before this start and the shift's dialogs.
 */
export function ShiftArea({
  shift,
  staff,
  saleInProgress,
  thresholdMinor,
  children,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff;
  readonly saleInProgress: boolean;
  readonly thresholdMinor?: number;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(shift.store);
  if (state.status === 'loading') return null;
  if (state.report) return <ShiftReportView shift={shift} report={state.report} />;
  if (state.panel === 'close' && state.status === 'open')
    return <CloseShiftPanel shift={shift} staff={staff} thresholdMinor={thresholdMinor} />;
  if (state.status === 'none') return <OpenShiftPanel shift={shift} staff={staff} problem={state.problem} />;
  return (
    <>
      {state.foundAtStart && state.opened && (
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
      {children}
      <ShiftDialogs shift={shift} staff={staff} saleInProgress={saleInProgress} />
    </>
  );
}
