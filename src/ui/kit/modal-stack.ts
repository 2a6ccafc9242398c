import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScanEvent } from '../../core/bridge/bridge-methods';

// The kit's modal dialogs that are open, the one on top last (the order the
// browser's top layer shows them in). Each <Dialog> enters on mount and leaves
// on unmount. The till's scan path (src/state/scan-input.ts) asks which dialog
// is on top: a scan never reaches the sale behind a modal dialog; it goes to
// the dialog when the dialog takes codes (a code field), and is otherwise
// ignored, with a short notice in that dialog.

/** What a dialog does with a scan: true when it took the code (a code field), false to ignore it. */
export type DialogScanHandler = (scan: Pick<ScanEvent, 'data' | 'source'>) => boolean;

export interface OpenModal {
  readonly id: number;
  readonly takeScan: DialogScanHandler | undefined;
}

export interface ModalStackState {
  readonly open: readonly OpenModal[];
  /** The dialog that was last told a scan was ignored, and how many scans it has ignored. */
  readonly ignored: { readonly id: number; readonly times: number } | undefined;
}

/** The dialog on top, as the scan path sees it. */
export interface ModalOnTop {
  /** Offers the scan to the dialog; true when the dialog took it. */
  takeScan(scan: Pick<ScanEvent, 'data' | 'source'>): boolean;
  /** Says in the dialog that a scan was ignored. */
  scanIgnored(): void;
}

export interface ModalStack {
  readonly store: StoreApi<ModalStackState>;
  /** A new dialog's id, before it enters. */
  newId(): number;
  /** The dialog `id` is open; `takeScan` is read at each scan, so it may change. */
  enter(id: number, takeScan: DialogScanHandler | undefined): void;
  leave(id: number): void;
  /** The dialog on top; undefined when no modal dialog is open. */
  onTop(): ModalOnTop | undefined;
}

export function createModalStack(): ModalStack {
  const store = createStore<ModalStackState>()(() => ({ open: [], ignored: undefined }));
  let last = 0;
  return {
    store,
    newId: () => ++last,
    enter(id, takeScan) {
      store.setState((s) => ({ open: [...s.open.filter((m) => m.id !== id), { id, takeScan }] }));
    },
    leave(id) {
      store.setState((s) => ({
        open: s.open.filter((m) => m.id !== id),
        ignored: s.ignored?.id === id ? undefined : s.ignored,
      }));
    },
    onTop() {
      const top = store.getState().open.at(-1);
      if (!top) return undefined;
      return {
        takeScan: (scan) => top.takeScan?.(scan) ?? false,
        scanIgnored: () =>
          store.setState((s) => ({
            ignored: { id: top.id, times: s.ignored?.id === top.id ? s.ignored.times + 1 : 1 },
          })),
      };
    },
  };
}

/** The till's one stack: every kit <Dialog> of the page enters it. */
export const tillModals: ModalStack = createModalStack();
