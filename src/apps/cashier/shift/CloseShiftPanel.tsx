import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { money } from '../../../core/money';
import type { TenderCountLine } from '../../../core/shifts/shift-report';
import { useFormat } from '../../../i18n/use-format';
import { tenderWords } from '../../../state/shift-report-document';
import type { ShiftStore } from '../../../state/shift-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { AmountKeypad } from '../../../ui/kit';
import { CountTable } from './CountTable';
import { DenominationCounter, type Pieces } from './DenominationCounter';

/** The close: the drawer counted by denomination, each other tender typed, expected against counted. */
export function CloseShiftPanel({
  shift,
  staff,
  thresholdMinor,
}: {
  readonly shift: ShiftStore;
  readonly staff: SignedInStaff | undefined;
  /** What the signed-in role may accept alone (staff policy); beyond it a supervisor or manager approves. */
  readonly thresholdMinor: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const problem = useStore(shift.store, (s) => s.problem);
  const [pieces, setPieces] = useState<Pieces>({});
  const [others, setOthers] = useState<Readonly<Record<string, number>>>({});
  const [lines, setLines] = useState<readonly TenderCountLine[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void shift.closePreview({ cashPieces: pieces, otherTenders: others }).then((preview) => {
      if (current && preview) setLines(preview);
    });
    return () => {
      current = false;
    };
  }, [shift, pieces, others]);
  const overThreshold =
    thresholdMinor !== undefined && lines.some((line) => Math.abs(line.differenceMinor) > thresholdMinor);
  return (
    <section
      className="shift-panel close-shift"
      data-testid="close-shift"
      aria-labelledby="close-shift-title"
    >
      <h2 id="close-shift-title">{t('shifts.close.title')}</h2>
      <p>{t('shifts.close.intro')}</p>
      <div className="close-shift-count">
        <DenominationCounter pieces={pieces} onChange={setPieces} testId="drawer" />
        <div className="close-shift-others">
          {lines
            .filter((line) => line.tender !== 'cash')
            .map((line) => (
              <AmountKeypad
                key={line.tender}
                value={others[line.tender] ?? 0}
                onChange={(minor) => setOthers((o) => ({ ...o, [line.tender]: minor }))}
                currency="EUR"
                label={t('shifts.close.otherTender', { tender: tenderWords(line.tender) })}
                testId={`counted-${line.tender}`}
              />
            ))}
        </div>
      </div>
      <CountTable lines={lines} />
      {overThreshold && (
        <p className="warning" role="status" data-testid="approval-needed">
          {t('shifts.close.approvalNeeded', { amount: format.money(money(thresholdMinor ?? 0, 'EUR')) })}
        </p>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="shift-problem">
          {problem}
        </p>
      )}
      <div className="shift-actions">
        <button
          type="button"
          data-testid="close-shift-submit"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await shift.close(staff, { cashPieces: pieces, otherTenders: others });
            setBusy(false);
          }}
        >
          {t('shifts.close.submit')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="close-shift-cancel"
          onClick={() => shift.show('none')}
        >
          {t('shifts.close.cancel')}
        </button>
      </div>
    </section>
  );
}
