import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { type Toast, type ToastStore, tillToasts } from './toast-store';

// Where toasts show: information in a polite status region, errors in an
// alert region. Both regions are always in the page, so screen readers hear
// what arrives in them.

export function Toasts({ toasts = tillToasts }: { readonly toasts?: ToastStore }) {
  const shown = useStore(toasts.store, (s) => s.toasts);
  return <ToastRegions shown={shown} onDismiss={toasts.dismiss} />;
}

/** The two regions with the toasts shown now. */
export function ToastRegions(props: {
  readonly shown: readonly Toast[];
  readonly onDismiss: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { shown } = props;
  const item = (toast: Toast) => (
    <div
      key={toast.id}
      className={`kit-toast kit-toast-${toast.kind}`}
      data-testid="toast"
      data-kind={toast.kind}
    >
      <span className="kit-toast-message">{toast.message}</span>
      <button
        type="button"
        className="kit-toast-dismiss"
        aria-label={t('kit.toasts.dismiss')}
        data-testid="toast-dismiss"
        onClick={() => props.onDismiss(toast.id)}
      >
        {t('kit.toasts.closeKey')}
      </button>
    </div>
  );
  return (
    <div className="kit-toasts">
      <div role="status" aria-label={t('kit.toasts.region')} data-testid="toasts-status">
        {shown.filter((toast) => toast.kind !== 'error').map(item)}
      </div>
      <div role="alert" aria-label={t('kit.toasts.alerts')} data-testid="toasts-alerts">
        {shown.filter((toast) => toast.kind === 'error').map(item)}
      </div>
    </div>
  );
}
