import { createStore, type StoreApi } from 'zustand/vanilla';

// Short messages over the till's screens. Information goes away by itself;
// errors stay until the cashier dismisses them (a missed error is money or a
// receipt lost). The same message shown twice is shown once. A zustand
// vanilla store: the <Toasts> region renders it, any screen or flow pushes.

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  readonly id: string;
  readonly kind: ToastKind;
  readonly message: string;
}

export interface ToastState {
  readonly toasts: readonly Toast[];
}

/** Most toasts on screen at once; the oldest that may go, goes first. */
export const MAX_TOASTS = 4;
/** How long information stays, in ms. */
export const INFO_TOAST_MS = 5_000;

export const isSticky = (kind: ToastKind): boolean => kind === 'error';

/**
 * The queue with one more toast: a toast with the same kind and words as one
 * shown is not added again; past `max`, the oldest non-sticky toast goes
 * (the oldest toast if all are sticky).
 */
export function enqueueToast(queue: readonly Toast[], toast: Toast, max = MAX_TOASTS): readonly Toast[] {
  if (queue.some((shown) => shown.kind === toast.kind && shown.message === toast.message)) return queue;
  const next = [...queue, toast];
  while (next.length > max) {
    const removable = next.findIndex((shown) => !isSticky(shown.kind));
    next.splice(Math.max(removable, 0), 1);
  }
  return next;
}

export const removeToast = (queue: readonly Toast[], id: string): readonly Toast[] =>
  queue.filter((toast) => toast.id !== id);

export interface ToastTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: ToastTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ToastStore {
  readonly store: StoreApi<ToastState>;
  /** Shows a message; returns its id (the shown one's, when the same message is already there). */
  show(kind: ToastKind, message: string): string;
  info(message: string): string;
  success(message: string): string;
  error(message: string): string;
  dismiss(id: string): void;
  clear(): void;
}

export function createToastStore(
  options: { readonly infoMs?: number; readonly max?: number; readonly timers?: ToastTimers } = {},
): ToastStore {
  const infoMs = options.infoMs ?? INFO_TOAST_MS;
  const timers = options.timers ?? realTimers;
  const store = createStore<ToastState>(() => ({ toasts: [] }));
  const pending = new Map<string, unknown>();
  let next = 0;

  const dismiss = (id: string) => {
    const handle = pending.get(id);
    if (handle !== undefined) timers.clear(handle);
    pending.delete(id);
    store.setState((s) => ({ toasts: removeToast(s.toasts, id) }));
  };

  const show = (kind: ToastKind, message: string): string => {
    const shown = store.getState().toasts.find((t) => t.kind === kind && t.message === message);
    if (shown) return shown.id;
    next += 1;
    const toast: Toast = { id: `toast-${next}`, kind, message };
    const before = store.getState().toasts;
    const after = enqueueToast(before, toast, options.max ?? MAX_TOASTS);
    store.setState({ toasts: after });
    // Toasts pushed out of the queue lose their timers too.
    for (const gone of before) if (!after.includes(gone)) dismiss(gone.id);
    if (!isSticky(kind))
      pending.set(
        toast.id,
        timers.set(() => dismiss(toast.id), infoMs),
      );
    return toast.id;
  };

  return {
    store,
    show,
    info: (message) => show('info', message),
    success: (message) => show('success', message),
    error: (message) => show('error', message),
    dismiss,
    clear: () => {
      for (const toast of store.getState().toasts) dismiss(toast.id);
    },
  };
}

/** The till's one toast queue: screens push to it, the cashier screen shows it. */
export const tillToasts: ToastStore = createToastStore();
