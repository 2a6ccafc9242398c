import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import {
  countedTotal,
  EURO_DENOMINATIONS,
  MAX_PIECES_PER_DENOMINATION,
} from '../../../core/shifts/denominations';
import { useFormat } from '../../../i18n/use-format';

// The drawer counted by denomination: one row per euro note and coin, with
// − and + for touch and a field that takes the keyboard (digits, arrows).

export type Pieces = Readonly<Record<number, number>>;

export interface DenominationCounterProps {
  readonly pieces: Pieces;
  readonly onChange: (pieces: Pieces) => void;
  /** Prefix of the test ids: "<testId>-<valueMinor>" for each field. */
  readonly testId: string;
}

export const piecesTotal = (pieces: Pieces): number =>
  countedTotal(Object.entries(pieces).map(([value, count]) => ({ valueMinor: Number(value), count }))).minor;

export function DenominationCounter({ pieces, onChange, testId }: DenominationCounterProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = (valueMinor: number, count: number) =>
    onChange({ ...pieces, [valueMinor]: Math.max(0, Math.min(MAX_PIECES_PER_DENOMINATION, count)) });
  const group = (kind: 'note' | 'coin') => (
    <fieldset className="denominations" data-testid={`${testId}-${kind}s`}>
      <legend>{kind === 'note' ? t('shifts.count.notes') : t('shifts.count.coins')}</legend>
      {EURO_DENOMINATIONS.filter((d) => d.kind === kind).map(({ valueMinor }) => {
        const label = format.money(money(valueMinor, 'EUR'));
        const count = pieces[valueMinor] ?? 0;
        return (
          <div className="denomination-row" key={valueMinor}>
            <span className="denomination-value" aria-hidden="true">
              {label}
            </span>
            <button
              type="button"
              className="secondary count-step"
              aria-label={t('shifts.count.less', { value: label })}
              disabled={count === 0}
              onClick={() => set(valueMinor, count - 1)}
            >
              −
            </button>
            <input
              className="count-field"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              aria-label={t('shifts.count.piecesOf', { value: label })}
              data-testid={`${testId}-${valueMinor}`}
              value={String(count)}
              onFocus={(event) => event.target.select()}
              onKeyDown={(event) => {
                if (event.key === 'ArrowUp' || event.key === '+') {
                  event.preventDefault();
                  set(valueMinor, count + 1);
                } else if (event.key === 'ArrowDown' || event.key === '-') {
                  event.preventDefault();
                  set(valueMinor, count - 1);
                }
              }}
              onChange={(event) => set(valueMinor, Number(event.target.value.replace(/\D/g, '') || '0'))}
            />
            <button
              type="button"
              className="secondary count-step"
              aria-label={t('shifts.count.more', { value: label })}
              onClick={() => set(valueMinor, count + 1)}
            >
              +
            </button>
            <span className="denomination-subtotal">{format.money(money(valueMinor * count, 'EUR'))}</span>
          </div>
        );
      })}
    </fieldset>
  );
  return (
    <div className="denomination-counter">
      {group('note')}
      {group('coin')}
    </div>
  );
}
