import { type KeyboardEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CurrencyCode, formatMoney, money } from '../../core/money';
import { useFormat } from '../../i18n/use-format';
import { amountFromText, editAmount, formatNote } from './amount-entry';
import { Numpad } from './Numpad';
import { padKeyFromKeyboard } from './numpad-keys';

// Money typed as on a cash register, in minor units: "1", "2", "5" shows
// 1,25 € (formatted in the active language). The field takes the physical
// keyboard; the pad below it is for touch. Optional quick buttons: the exact
// amount and common notes.

export interface AmountKeypadProps {
  /** The amount typed so far, in minor units. */
  readonly value: number;
  readonly onChange: (minor: number) => void;
  readonly currency: CurrencyCode;
  /** Enter (the pad's key or the keyboard's). Without it, no enter key. */
  readonly onEnter?: (minor: number) => void;
  readonly enterLabel?: string;
  readonly enterDisabled?: boolean;
  /** The field's label (already translated); "Montant" by default. */
  readonly label?: string;
  /** The "exact amount" button's amount (minor units); no button without it. */
  readonly exactMinor?: number;
  /** Quick note buttons, in minor units (e.g. [500, 1000, 2000, 5000]). */
  readonly quickNotes?: readonly number[];
  /** What a quick button does; by default it puts its amount in the field. */
  readonly onQuickAmount?: (minor: number) => void;
  readonly disabled?: boolean;
  /** The field's test id ("amount" by default); pad keys are "<testId>-pad-key-5". */
  readonly testId?: string;
  /** Prefix of the quick buttons' test ids: "<prefix>-exact", "<prefix>-note-500". */
  readonly quickTestId?: string;
  readonly autoFocus?: boolean;
}

export function AmountKeypad(props: AmountKeypadProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const testId = props.testId ?? 'amount';
  const quickTestId = props.quickTestId ?? testId;
  const shown = formatMoney(money(props.value, props.currency), format.locale);
  // The amount as last changed, ahead of the next render: a keyboard-wedge
  // listener may give typed digits back just before the Enter that follows them.
  const latest = useRef(props.value);
  latest.current = props.value;
  const change = (minor: number) => {
    latest.current = minor;
    props.onChange(minor);
  };
  const quick = props.onQuickAmount ?? change;
  const enter = () => {
    // enterDisabled was decided for the rendered amount; a newer one is the caller's to judge.
    const stale = latest.current !== props.value;
    if (!props.disabled && (stale || !props.enterDisabled)) props.onEnter?.(latest.current);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = padKeyFromKeyboard(event.key);
    if (key === undefined) return;
    event.preventDefault();
    if (key === 'enter') enter();
    else change(editAmount(latest.current, key));
  };
  const notes = props.quickNotes ?? [];
  return (
    <div className="kit-amount">
      <label htmlFor={id} className="kit-field-label">
        {props.label ?? t('kit.amount.label')}
      </label>
      <input
        id={id}
        className="kit-amount-field"
        data-testid={testId}
        data-minor={props.value}
        type="text"
        // The pad below is the touch keyboard: the system's must not cover the screen.
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the amount is what the cashier types next
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        value={shown}
        onKeyDown={onKeyDown}
        // Text typed, given back by the scanner listener, pasted or filled is
        // read as the digits the field then shows, in order: "20,00" is 20,00 €.
        onChange={(event) => change(amountFromText(event.target.value))}
      />
      {(props.exactMinor !== undefined || notes.length > 0) && (
        <fieldset className="kit-amount-quick" aria-label={t('kit.amount.notes')}>
          {props.exactMinor !== undefined && (
            <button
              type="button"
              className="kit-quick kit-quick-exact"
              data-testid={`${quickTestId}-exact`}
              disabled={props.disabled}
              onClick={() => props.exactMinor !== undefined && quick(props.exactMinor)}
            >
              {t('kit.amount.exact')}
            </button>
          )}
          {notes.map((note) => (
            <button
              key={note}
              type="button"
              className="kit-quick"
              data-testid={`${quickTestId}-note-${note}`}
              disabled={props.disabled}
              onClick={() => quick(note)}
            >
              {formatNote(money(note, props.currency), format.locale)}
            </button>
          ))}
        </fieldset>
      )}
      <Numpad
        label={t('kit.amount.keypad')}
        forField
        testId={`${testId}-pad`}
        disabled={props.disabled}
        onKey={(key) => change(editAmount(latest.current, key))}
        onEnter={props.onEnter ? enter : undefined}
        enterLabel={props.enterLabel}
        enterDisabled={props.enterDisabled}
      />
    </div>
  );
}
