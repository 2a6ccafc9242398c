import { useTranslation } from 'react-i18next';
import type { TotalsDifference } from '../../../core/shifts/shift-totals';
import { useFormat } from '../../../i18n/use-format';
import { tenderWords } from '../../../state/shift-report-document';
import type { Reconciliation } from '../../../state/shift-store';

/** A figure's name: "salesMinor", or "tenders.card.expectedMinor" → "Carte attendu". */
function useFigureWords() {
  const { t } = useTranslation();
  return (figure: string): string => {
    const [head, tender, field] = figure.split('.');
    if (head === 'tenders' && tender && field)
      return t(`shifts.figures.${field}` as never, { tender: tenderWords(tender) });
    return t(`shifts.figures.${figure}` as never);
  };
}

/** Whether the server's own totals of the shift agree with the Z report, to the cent. */
export function ReconciliationStatus({
  reconciliation,
}: {
  readonly reconciliation: Reconciliation | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useFigureWords();
  const value = (d: TotalsDifference, side: 'till' | 'server') =>
    d.figure.endsWith('Minor') ? format.money({ minor: d[side], currency: 'EUR' }) : format.count(d[side]);
  if (!reconciliation) return null;
  const state = reconciliation.state;
  return (
    <div className={`reconciliation reconciliation-${state}`} data-testid="reconciliation" data-state={state}>
      <h3>{t('shifts.reconcile.title')}</h3>
      <p role="status">
        {state === 'checking' && t('shifts.reconcile.checking')}
        {state === 'waiting' &&
          (reconciliation.why === 'unreachable'
            ? t('shifts.reconcile.unreachable')
            : reconciliation.why === 'refused'
              ? t('shifts.reconcile.refused')
              : t('shifts.reconcile.waiting'))}
        {state === 'reconciled' && <strong>{t('shifts.reconcile.reconciled')}</strong>}
        {state === 'differs' && <strong>{t('shifts.reconcile.differs')}</strong>}
      </p>
      {state === 'differs' && (
        <table className="shift-table" data-testid="reconciliation-differences">
          <thead>
            <tr>
              <th scope="col">{t('shifts.report.figure')}</th>
              <th scope="col">{t('shifts.reconcile.till')}</th>
              <th scope="col">{t('shifts.reconcile.server')}</th>
            </tr>
          </thead>
          <tbody>
            {reconciliation.differences.map((d) => (
              <tr key={d.figure}>
                <th scope="row">{words(d.figure)}</th>
                <td>{value(d, 'till')}</td>
                <td>{value(d, 'server')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
