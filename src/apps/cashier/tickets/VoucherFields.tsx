import { useId } from 'react';

/**
 * The voucher card's code in the voucher dialogs: typed, or filled in by a
 * scan (the dialog passes the scanned code as the value).
 */
export function VoucherCodeField({
  label,
  labelClassName,
  testId,
  value,
  onChange,
  autoFocus,
}: {
  readonly label: string;
  readonly labelClassName?: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        className="voucher-code"
        data-testid={testId}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: in a dialog that starts with the code (paying with a voucher)
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

/** Why the voucher dialog's step did not go through, in words; nothing while all is well. */
export function VoucherProblem({ problem }: { readonly problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p className="error" role="alert" data-testid="voucher-problem">
      {problem}
    </p>
  );
}
