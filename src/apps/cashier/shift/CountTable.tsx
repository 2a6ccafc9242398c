import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import type { TenderCountLine } from '../../../core/shifts/shift-report';
import { useFormat } from '../../../i18n/use-format';
import { tenderWords } from '../../../state/shift-report-document';

/** Expected, counted and the difference for each tender; a difference is marked, not only coloured. */
export function CountTable({ lines }: { readonly lines: readonly TenderCountLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const eur = (minor: number) => format.money(money(minor, 'EUR'));
  return (
    <table className="shift-table" data-testid="count-table">
      <thead>
        <tr>
          <th scope="col">{t('shifts.report.tender')}</th>
          <th scope="col">{t('shifts.report.expected')}</th>
          <th scope="col">{t('shifts.report.counted')}</th>
          <th scope="col">{t('shifts.report.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.tender} data-testid={`count-${line.tender}`}>
            <th scope="row">{tenderWords(line.tender)}</th>
            <td data-testid={`count-${line.tender}-expected`}>{eur(line.expectedMinor)}</td>
            <td data-testid={`count-${line.tender}-counted`}>{eur(line.countedMinor)}</td>
            <td
              data-testid={`count-${line.tender}-difference`}
              className={line.differenceMinor === 0 ? 'difference-none' : 'difference'}
            >
              {line.differenceMinor > 0 ? '+' : ''}
              {eur(line.differenceMinor)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
