import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/kit';

/** What one kind of order brought to the till shows above the basket, in words already translated. */
export interface OrderAtTillNoticeProps {
  /** Prefix of the test ids (`<prefix>`, `-summary`, `-clear`, `-refused`, `-refusal`, `-checking`). */
  readonly testId: string;
  /** Shown while the order's code is being checked, if that phase exists. */
  readonly checking?: string;
  /** The order being paid: its region's name, its summary and the button that drops it. */
  readonly loaded?: { readonly label: string; readonly summary: string; readonly clearLabel: string };
  /** A refused code: the dialog's title and the reason in words. */
  readonly refused?: { readonly title: string; readonly reason: ReactNode };
  /** While the till is locked the order stays shown, but cannot be dropped. */
  readonly locked: boolean;
  readonly onClear: () => void;
  readonly onDismiss: () => void;
}

/**
 * Above the basket: an order being paid at the till (kiosk ticket or
 * click-and-collect order), with the way to drop it before any money is
 * taken, and a refused code in words, in a dialog the cashier closes.
 */
export function OrderAtTillNotice({
  testId,
  checking,
  loaded,
  refused,
  locked,
  onClear,
  onDismiss,
}: OrderAtTillNoticeProps) {
  const { t } = useTranslation();
  return (
    <>
      {checking !== undefined && (
        <p role="status" className="kiosk-ticket-checking" data-testid={`${testId}-checking`}>
          {checking}
        </p>
      )}
      {loaded && (
        <section className="kiosk-ticket" data-testid={testId} aria-label={loaded.label}>
          <p role="status" data-testid={`${testId}-summary`}>
            {loaded.summary}
          </p>
          {!locked && (
            <button type="button" className="secondary" data-testid={`${testId}-clear`} onClick={onClear}>
              {loaded.clearLabel}
            </button>
          )}
        </section>
      )}
      {refused && (
        <Dialog
          title={refused.title}
          testId={`${testId}-refused`}
          onClose={onDismiss}
          cancelLabel={t('tickets.dismiss')}
        >
          <p role="alert" data-testid={`${testId}-refusal`}>
            {refused.reason}
          </p>
        </Dialog>
      )}
    </>
  );
}
