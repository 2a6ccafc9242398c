import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReasonChoice, type ReasonCode, reasonWords } from '../../../state/sale-reasons';

/** A reason from the store's list as large radio buttons, and the cashier's own words (needed for "Other"). */
export function ReasonPicker({
  reasons,
  value,
  onChange,
  testId,
}: {
  readonly reasons: readonly ReasonCode[];
  readonly value: ReasonChoice;
  readonly onChange: (choice: ReasonChoice) => void;
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const name = useId();
  return (
    <div className="sale-reason">
      <fieldset className="sale-choices" data-testid={testId}>
        <legend className="kit-field-label">{t('saleEdit.discount.reason')}</legend>
        {reasons.map((code) => (
          <label key={code} className="sale-choice" data-testid={`${testId}-${code}`}>
            <input
              type="radio"
              name={name}
              value={code}
              checked={value.code === code}
              onChange={() => onChange({ ...value, code })}
            />
            {reasonWords(code)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId} className="kit-field-label">
        {t('saleEdit.discount.note')}
      </label>
      <input
        id={noteId}
        className="sale-note"
        data-testid={`${testId}-note`}
        type="text"
        maxLength={80}
        autoComplete="off"
        value={value.note}
        onChange={(event) => onChange({ ...value, note: event.target.value })}
      />
    </div>
  );
}
