import { useId } from 'react';

// A labelled text field for the kiosk's forms, with its problem (if any)
// tied to it for screen readers. The on-screen keyboard types into the field
// the form marks active (the one touched or focused last).

export interface KioskTextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onFocus: () => void;
  readonly problem?: string | undefined;
  readonly hint?: string | undefined;
  readonly testId: string;
  readonly type?: 'text' | 'email' | 'tel';
  readonly autoComplete?: string;
  readonly required?: boolean;
  readonly active?: boolean;
  readonly inputRef?: (element: HTMLInputElement | null) => void;
}

export function KioskTextField(props: KioskTextFieldProps) {
  const id = useId();
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const described = [props.hint ? hintId : '', props.problem ? problemId : ''].filter(Boolean).join(' ');
  return (
    <div className={props.active ? 'kiosk-field kiosk-field-active' : 'kiosk-field'}>
      <label htmlFor={id} className="kiosk-label">
        {props.label}
      </label>
      {props.hint ? (
        <span id={hintId} className="kiosk-field-hint">
          {props.hint}
        </span>
      ) : null}
      <input
        id={id}
        ref={props.inputRef}
        className="kiosk-input"
        data-testid={props.testId}
        type={props.type ?? 'text'}
        inputMode="none"
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        required={props.required}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={described || undefined}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onFocus={props.onFocus}
      />
      {props.problem ? (
        <span id={problemId} className="kiosk-field-problem" data-testid={`${props.testId}-problem`}>
          {props.problem}
        </span>
      ) : null}
    </div>
  );
}
