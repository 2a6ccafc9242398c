import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type NumpadKey, padKeyFromKeyboard } from './numpad-keys';

// A touch numpad: digits, 00, backspace, clear, enter. It only tells which
// key was pressed (onKey / onEnter); the buffer is the caller's (see
// editDigits, editAmount). Focused, it takes the physical keyboard too.

const CALCULATOR = ['7', '8', '9', '4', '5', '6', '1', '2', '3'] as const;
const PHONE = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface NumpadProps {
  /** The pad's accessible name (already translated). */
  readonly label: string;
  readonly onKey: (key: NumpadKey) => void;
  /** Without it, no enter key. */
  readonly onEnter?: () => void;
  readonly enterLabel?: string;
  readonly enterDisabled?: boolean;
  /** The "00" key (amounts); default true. */
  readonly doubleZero?: boolean;
  /** 7-8-9 on top (calculator, default) or 1-2-3 (phone, PIN). */
  readonly layout?: 'calculator' | 'phone';
  readonly disabled?: boolean;
  /**
   * The pad serves a field that keeps the focus (PinPad, AmountKeypad): its
   * keys do not take the focus when touched, and the pad is not a tab stop.
   */
  readonly forField?: boolean;
  readonly testId?: string;
  /** The enter key's test id ("<testId>-enter" by default). */
  readonly enterTestId?: string;
}

/** Touching a key of a field's pad leaves the focus (and the physical keyboard) in the field. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function Numpad(props: NumpadProps) {
  const { t } = useTranslation();
  const testId = props.testId ?? 'numpad';
  const digits = props.layout === 'phone' ? PHONE : CALCULATOR;
  const press = (key: NumpadKey) => {
    if (!props.disabled) props.onKey(key);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (props.disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = padKeyFromKeyboard(event.key);
    if (key === undefined) return;
    // Enter on a focused key button is that button's own click.
    if (key === 'enter' && event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    if (key === 'enter') {
      if (!props.enterDisabled) props.onEnter?.();
    } else press(key);
  };
  const key = (value: NumpadKey, text: string, className: string, label?: string) => (
    <button
      key={value}
      type="button"
      className={`kit-key ${className}`}
      data-testid={`${testId}-key-${value}`}
      aria-label={label}
      disabled={props.disabled}
      tabIndex={props.forField ? -1 : undefined}
      onMouseDown={props.forField ? keepFocus : undefined}
      onClick={() => press(value)}
    >
      {text}
    </button>
  );
  return (
    <fieldset
      aria-label={props.label}
      className={props.doubleZero === false ? 'kit-numpad kit-numpad-no00' : 'kit-numpad'}
      data-testid={testId}
      tabIndex={props.forField ? undefined : 0}
      onKeyDown={props.forField ? undefined : onKeyDown}
    >
      {digits.map((digit) => key(digit, digit, 'kit-key-digit'))}
      {key('clear', t('kit.numpad.clearKey'), 'kit-key-clear', t('kit.numpad.clear'))}
      {key('0', '0', 'kit-key-digit')}
      {props.doubleZero === false
        ? key('backspace', t('kit.numpad.backspaceKey'), 'kit-key-backspace', t('kit.numpad.backspace'))
        : key('00', '00', 'kit-key-digit')}
      {props.doubleZero !== false &&
        key('backspace', t('kit.numpad.backspaceKey'), 'kit-key-backspace', t('kit.numpad.backspace'))}
      {props.onEnter && (
        <button
          type="button"
          className="kit-key kit-key-enter"
          data-testid={props.enterTestId ?? `${testId}-enter`}
          disabled={props.disabled || props.enterDisabled}
          tabIndex={props.forField ? -1 : undefined}
          onMouseDown={props.forField ? keepFocus : undefined}
          onClick={() => props.onEnter?.()}
        >
          {props.enterLabel ?? t('kit.numpad.enter')}
        </button>
      )}
    </fieldset>
  );
}
