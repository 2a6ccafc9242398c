import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { type DialogScanHandler, tillModals } from './modal-stack';

// A modal dialog on the native <dialog> (showModal: the rest of the page is
// inert, Escape cancels). Mounted means open: render it when it should show.
// It is named by its title, takes the focus (its first field or button, or
// the element marked autoFocus), keeps Tab inside, and gives the focus back
// to where it was when it closes. Escape and Cancel call onClose.
// While open it is on the till's modal stack (modal-stack.ts): a scan never
// reaches the screen behind it; `onScan` takes it into a code field, and a
// scan the dialog does not take is ignored with a short notice in it.

export interface DialogProps {
  /** The title (already translated); it names the dialog. */
  readonly title: string;
  readonly children: ReactNode;
  readonly onClose: () => void;
  /** Buttons before Cancel (the dialog's own actions). */
  readonly actions?: ReactNode;
  /** The cancel button's words; "Annuler" by default. */
  readonly cancelLabel?: string;
  readonly testId?: string;
  /** A wide dialog (lists, reports) rather than a prompt. */
  readonly wide?: boolean;
  /** A scan while this dialog is on top: return true when the dialog took the code, false to ignore it. */
  readonly onScan?: DialogScanHandler;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

/** The element Tab or Shift+Tab should go to instead of leaving the dialog; undefined to let it be. */
export function wrapFocus(
  focusables: readonly HTMLElement[],
  active: Element | null,
  backwards: boolean,
): HTMLElement | undefined {
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  if (!first || !last) return undefined;
  const inside = active !== null && focusables.includes(active as HTMLElement);
  if (!inside) return backwards ? last : first;
  if (backwards && active === first) return last;
  if (!backwards && active === last) return first;
  return undefined;
}

export function Dialog(props: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  const [modalId] = useState(() => tillModals.newId());
  const scansIgnored = useStore(tillModals.store, (s) => (s.ignored?.id === modalId ? s.ignored.times : 0));

  useLayoutEffect(() => {
    tillModals.enter(modalId, (scan) => onScan.current?.(scan) ?? false);
    return () => tillModals.leave(modalId);
  }, [modalId]);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const preferred = dialog.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
    const first = preferred ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusables = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.offsetParent !== null || element === document.activeElement,
    );
    const target = wrapFocus(focusables, document.activeElement, event.shiftKey);
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={props.wide ? 'kit-dialog kit-dialog-wide' : 'kit-dialog'}
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid={props.testId ?? 'dialog'}
      onCancel={(event) => {
        // Escape: the owner decides (it unmounts the dialog), never the browser alone.
        event.preventDefault();
        onClose.current();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className="kit-dialog-title">
        {props.title}
      </h2>
      <div className="kit-dialog-body">{props.children}</div>
      <div className="kit-dialog-actions">
        {/* In the buttons' row, on their left: the notice takes no height of its own. */}
        <p
          className="kit-dialog-scan-notice"
          role="status"
          data-testid={`${props.testId ?? 'dialog'}-scan-ignored`}
        >
          {scansIgnored > 0 ? t('kit.dialog.scanIgnored') : ''}
        </p>
        {props.actions}
        <button
          type="button"
          className="secondary"
          data-testid={`${props.testId ?? 'dialog'}-cancel`}
          onClick={() => onClose.current()}
        >
          {props.cancelLabel ?? t('kit.dialog.cancel')}
        </button>
      </div>
    </dialog>
  );
}
