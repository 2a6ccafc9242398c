import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Numpad } from './Numpad';
import { digitsFromText, editDigits } from './numpad-keys';

// A PIN: one dot per digit, never the digits (a password field), typed on
// the physical keyboard or on the pad. The PIN is cleared after every try,
// and stays only in this component until it is submitted.

export interface PinPadProps {
  readonly onSubmit: (pin: string) => unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** The field's label (already translated); "Code PIN" by default. */
  readonly label?: string;
  readonly submitLabel?: string;
  readonly disabled?: boolean;
  /** The field's test id ("pin-input" by default). */
  readonly testId?: string;
  /** The submit key's test id ("<testId>-submit" by default). */
  readonly submitTestId?: string;
  readonly autoFocus?: boolean;
}

export function PinPad(props: PinPadProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPinState] = useState('');
  // The PIN as last changed, ahead of the next render (digits given back by
  // the scanner listener just before Enter).
  const latest = useRef(pin);
  latest.current = pin;
  const setPin = (next: string) => {
    latest.current = next;
    setPinState(next);
  };
  const [sending, setSending] = useState(false);
  const minLength = props.minLength ?? 4;
  const maxLength = props.maxLength ?? 8;
  const testId = props.testId ?? 'pin-input';
  const blocked = props.disabled || sending;
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const typed = latest.current;
    if (blocked || typed.length < minLength) return;
    setPin('');
    setSending(true);
    try {
      await props.onSubmit(typed);
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="kit-pin" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id} className="kit-field-label">
        {props.label ?? t('kit.pin.label')}
      </label>
      <input
        id={id}
        className="kit-pin-field"
        data-testid={testId}
        data-digits={pin.length}
        type="password"
        inputMode="none"
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: a PIN prompt exists to be typed into at once
        autoFocus={props.autoFocus}
        maxLength={maxLength}
        disabled={props.disabled}
        value={pin}
        onChange={(event) => setPin(digitsFromText(event.target.value, maxLength))}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void submit();
        }}
      />
      <Numpad
        label={t('kit.pin.keypad')}
        layout="phone"
        doubleZero={false}
        forField
        testId={`${testId}-pad`}
        disabled={blocked}
        onKey={(key) => setPin(editDigits(latest.current, key, { maxLength, keepLeadingZeros: true }))}
        onEnter={() => void submit()}
        enterLabel={props.submitLabel ?? t('kit.pin.submit')}
        enterDisabled={pin.length < minLength}
        enterTestId={props.submitTestId ?? `${testId}-submit`}
      />
    </form>
  );
}
