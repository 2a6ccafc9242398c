import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import type { ShiftReport } from '../../../core/shifts/shift-report';
import { useFormat } from '../../../i18n/use-format';
import { tenderWords } from '../../../state/shift-report-document';

// Sales per hour and per tender as bar charts (inline SVG), each followed by
// the same figures as a table: the chart is for the eye, the table for
// everyone (screen readers read the table; the SVG is hidden from them).

interface Bar {
  readonly key: string;
  readonly label: string;
  readonly minor: number;
  readonly detail?: string;
}

const WIDTH = 320;
const BAR_AREA = 150;

function BarChart({ bars, testId }: { readonly bars: readonly Bar[]; readonly testId: string }) {
  const format = useFormat();
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.minor)));
  const step = bars.length === 0 ? WIDTH : WIDTH / bars.length;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${BAR_AREA + 40}`}
      aria-hidden="true"
      focusable="false"
      data-testid={testId}
    >
      {bars.map((bar, i) => {
        const height = Math.round((Math.abs(bar.minor) / max) * BAR_AREA);
        const x = i * step + step * 0.15;
        return (
          <g key={bar.key}>
            <rect x={x} y={BAR_AREA - height + 14} width={step * 0.7} height={height} className="bar" />
            <text x={x + step * 0.35} y={BAR_AREA - height + 10} textAnchor="middle" className="bar-value">
              {format.money(money(bar.minor, 'EUR'))}
            </text>
            <text x={x + step * 0.35} y={BAR_AREA + 32} textAnchor="middle" className="bar-label">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function SalesCharts({ report }: { readonly report: ShiftReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hoursId = useId();
  const tendersId = useId();
  const hours: Bar[] = report.salesByHour.map((b) => ({
    key: b.hour,
    label: t('shifts.report.hourRow', { hour: b.hour, count: b.salesCount }),
    minor: b.salesMinor,
  }));
  const tenders: Bar[] = report.salesByTender.map((b) => ({
    key: b.tender,
    label: tenderWords(b.tender),
    minor: b.takenMinor,
  }));
  const eur = (minor: number) => format.money(money(minor, 'EUR'));
  return (
    <div className="sales-charts">
      <figure aria-labelledby={hoursId}>
        <figcaption id={hoursId}>{t('shifts.report.chartHours')}</figcaption>
        <BarChart bars={hours} testId="chart-hours" />
        <table className="shift-table" data-testid="chart-hours-table">
          <thead>
            <tr>
              <th scope="col">{t('shifts.report.hour')}</th>
              <th scope="col">{t('shifts.report.count')}</th>
              <th scope="col">{t('shifts.report.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {report.salesByHour.length === 0 && (
              <tr>
                <td colSpan={3}>{t('shifts.report.noSales')}</td>
              </tr>
            )}
            {report.salesByHour.map((b) => (
              <tr key={b.hour}>
                <th scope="row">{t('shifts.report.hourRow', { hour: b.hour, count: b.salesCount })}</th>
                <td>{format.count(b.salesCount)}</td>
                <td>{eur(b.salesMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <figure aria-labelledby={tendersId}>
        <figcaption id={tendersId}>{t('shifts.report.chartTenders')}</figcaption>
        <BarChart bars={tenders} testId="chart-tenders" />
        <table className="shift-table" data-testid="chart-tenders-table">
          <thead>
            <tr>
              <th scope="col">{t('shifts.report.tender')}</th>
              <th scope="col">{t('shifts.report.taken')}</th>
            </tr>
          </thead>
          <tbody>
            {report.salesByTender.map((b) => (
              <tr key={b.tender}>
                <th scope="row">{tenderWords(b.tender)}</th>
                <td>{eur(b.takenMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
