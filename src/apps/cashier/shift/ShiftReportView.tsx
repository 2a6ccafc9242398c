import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { money } from '../../../core/money';
import type { ShiftReport } from '../../../core/shifts/shift-report';
import { useFormat } from '../../../i18n/use-format';
import { tenderWords } from '../../../state/shift-report-document';
import type { ShiftStore } from '../../../state/shift-store';
import { CountTable } from './CountTable';
import { ReconciliationStatus } from './ReconciliationStatus';
import { SalesCharts } from './SalesCharts';

/** The X report (till open) or the Z report (after the close), with its charts and, for Z, the server's check. */
export function ShiftReportView({
  shift,
  report,
}: {
  readonly shift: ShiftStore;
  readonly report: ShiftReport;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const print = useStore(shift.store, (s) => s.print);
  const reconciliation = useStore(shift.store, (s) => s.reconciliation);
  const eur = (minor: number) => format.money(money(minor, 'EUR'));
  const when = (iso: string) =>
    new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const n = report.totals;
  const figures: [string, string, string][] = [
    ['sales', t('shifts.report.sales', { count: n.salesCount }), eur(n.salesMinor)],
    ['discounts', t('shifts.report.discounts'), eur(n.discountsMinor)],
    ['voids', t('shifts.report.voids', { count: n.voidedLines }), eur(n.voidedMinor)],
    ['returns', t('shifts.report.returns', { count: n.returnsCount }), eur(n.returnsMinor)],
    ['movements', t('shifts.report.cashMovements'), eur(n.cashMovementsMinor)],
    ['float', t('shifts.report.openingFloat'), eur(n.openingFloatMinor)],
  ];
  return (
    <section
      className="shift-report"
      data-testid={`shift-report-${report.kind}`}
      aria-labelledby="shift-report-title"
    >
      <h2 id="shift-report-title">
        {report.kind === 'Z' ? t('shifts.report.screenTitleZ') : t('shifts.report.screenTitleX')}
      </h2>
      <p>
        {t('shifts.report.openedAt')} {when(report.openedAt)}
        {report.closedAt && (
          <>
            {' · '}
            {t('shifts.report.closedAt')} {when(report.closedAt)}
          </>
        )}
      </p>
      {report.kind === 'Z' && <ReconciliationStatus reconciliation={reconciliation} />}
      <div className="shift-report-columns">
        <div>
          <table className="shift-table" data-testid="report-summary">
            <caption>{t('shifts.report.summary')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shifts.report.figure')}</th>
                <th scope="col">{t('shifts.report.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map(([key, label, value]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td data-testid={`report-${key}`}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="shift-table" data-testid="report-tenders">
            <caption>{t('shifts.report.byTender')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shifts.report.tender')}</th>
                <th scope="col">{t('shifts.report.taken')}</th>
                <th scope="col">{t('shifts.report.refunded')}</th>
                <th scope="col">{t('shifts.report.expected')}</th>
              </tr>
            </thead>
            <tbody>
              {n.tenders.map((tender) => (
                <tr key={tender.tender} data-testid={`report-tender-${tender.tender}`}>
                  <th scope="row">{tenderWords(tender.tender)}</th>
                  <td data-testid={`report-tender-${tender.tender}-taken`}>{eur(tender.takenMinor)}</td>
                  <td data-testid={`report-tender-${tender.tender}-refunded`}>{eur(tender.refundedMinor)}</td>
                  <td data-testid={`report-tender-${tender.tender}-expected`}>{eur(tender.expectedMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.counts.length > 0 && <CountTable lines={report.counts} />}
        </div>
        <SalesCharts report={report} />
      </div>
      {print && (
        <p role="status" data-testid="report-print-status">
          {print.message}
        </p>
      )}
      <div className="shift-actions">
        <button type="button" data-testid="report-print" onClick={() => void shift.printReport()}>
          {t('shifts.report.print')}
        </button>
        <button type="button" className="secondary" data-testid="report-back" onClick={shift.dismissReport}>
          {t('shifts.report.back')}
        </button>
      </div>
    </section>
  );
}
