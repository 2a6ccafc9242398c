import { describe, expect, it } from 'vitest';
import { createToastStore, enqueueToast, type Toast, type ToastTimers } from './toast-store';

function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 0;
  const timers: ToastTimers = {
    set: (run) => {
      next += 1;
      due.set(next, run);
      return next;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
  };
  return {
    timers,
    pending: () => due.size,
    fireAll: () => {
      for (const [handle, run] of [...due]) {
        due.delete(handle);
        run();
      }
    },
  };
}

const toast = (id: string, kind: Toast['kind'], message = id): Toast => ({ id, kind, message });

describe('toast queue', () => {
  it('does not show the same words twice', () => {
    const queue = enqueueToast([toast('a', 'info', 'Imprimé')], toast('b', 'info', 'Imprimé'));
    expect(queue.map((t) => t.id)).toEqual(['a']);
  });

  it('past the limit, the oldest information goes before any error', () => {
    const queue = enqueueToast(
      [toast('e1', 'error'), toast('i1', 'info'), toast('i2', 'success')],
      toast('i3', 'info'),
      3,
    );
    expect(queue.map((t) => t.id)).toEqual(['e1', 'i2', 'i3']);
  });

  it('when every toast is an error, the oldest goes', () => {
    const queue = enqueueToast([toast('e1', 'error'), toast('e2', 'error')], toast('e3', 'error'), 2);
    expect(queue.map((t) => t.id)).toEqual(['e2', 'e3']);
  });
});

describe('toast store', () => {
  it('information goes by itself; an error stays until dismissed', () => {
    const clock = manualTimers();
    const toasts = createToastStore({ timers: clock.timers });
    toasts.info('Ticket imprimé');
    const error = toasts.error('Imprimante sans papier');
    expect(toasts.store.getState().toasts.map((t) => t.kind)).toEqual(['info', 'error']);
    clock.fireAll();
    expect(toasts.store.getState().toasts.map((t) => t.message)).toEqual(['Imprimante sans papier']);
    toasts.dismiss(error);
    expect(toasts.store.getState().toasts).toEqual([]);
  });

  it('the same message again returns the shown toast and sets no second timer', () => {
    const clock = manualTimers();
    const toasts = createToastStore({ timers: clock.timers });
    const first = toasts.info('Hors ligne');
    expect(toasts.info('Hors ligne')).toBe(first);
    expect(clock.pending()).toBe(1);
  });

  it('a toast dismissed by hand or pushed out loses its timer', () => {
    const clock = manualTimers();
    const toasts = createToastStore({ timers: clock.timers, max: 2 });
    const a = toasts.info('a');
    toasts.dismiss(a);
    expect(clock.pending()).toBe(0);
    toasts.info('b');
    toasts.info('c');
    toasts.info('d');
    expect(toasts.store.getState().toasts.map((t) => t.message)).toEqual(['c', 'd']);
    expect(clock.pending()).toBe(2);
    toasts.clear();
    expect(clock.pending()).toBe(0);
    expect(toasts.store.getState().toasts).toEqual([]);
  });
});
