import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Something is under way (the payment terminal, a print, a look-up): a
// spinner and words over what it covers, which is marked aria-busy and
// cannot be touched meanwhile. Without children, just the spinner and words.

export interface BusyProps {
  readonly active: boolean;
  /** What is under way (already translated); "Veuillez patienter…" by default. */
  readonly label?: string;
  readonly children?: ReactNode;
  readonly testId?: string;
}

export function Busy(props: BusyProps) {
  const { t } = useTranslation();
  const testId = props.testId ?? 'busy';
  const status = props.active && (
    <div className="kit-busy" role="status" data-testid={testId}>
      <span className="kit-spinner" aria-hidden="true" />
      <span className="kit-busy-label">{props.label ?? t('kit.busy.wait')}</span>
    </div>
  );
  if (props.children === undefined) return status || null;
  return (
    <div className="kit-busy-host" aria-busy={props.active}>
      <div className="kit-busy-content" inert={props.active}>
        {props.children}
      </div>
      {status}
    </div>
  );
}
