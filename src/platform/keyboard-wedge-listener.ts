import {
  createKeyboardWedgeDetector,
  type KeyboardWedgeConfig,
  type WedgeStep,
} from '../core/barcodes/keyboard-wedge';
import type { ScanEvent } from '../core/bridge/bridge-methods';

// The DOM side of the keyboard-wedge scanner: every keydown, in the capture
// phase on window, goes through the core's detector before any input sees it.
//
// The trade-off, chosen so that a scan never lands in a field: while an
// editable field has focus, each character key is held back (default
// prevented) until the detector decides. A scan is handed on and its keys are
// never typed; a burst that turns out to be a person typing is given back to
// the field at once, as typed, through insertText (so React's onChange and
// undo see it). A person's keys thus reach the field up to `maxGapMs` (60 ms)
// late, which nobody notices. When no field has focus, keys are only watched,
// never held, so Space on a button still presses it; only the Enter that ends
// a scan is swallowed.

export const KEYBOARD_WEDGE_DEVICE_ID = 'keyboard-wedge';

const isEditable = (element: Element | null): element is HTMLElement => {
  if (!element) return false;
  // A field that answers each key as it is typed (the search by name) opts out
  // of the hold-back with data-keyboard-wedge="watch": its keys go straight in
  // and are only watched; a scan is still recognised and its Enter swallowed,
  // and the screen closes that field when the scan arrives.
  if (element instanceof HTMLElement && element.dataset.keyboardWedge === 'watch') return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (element instanceof HTMLInputElement) {
    const texty = ['text', 'search', 'tel', 'number', 'password', 'email', 'url', ''].includes(element.type);
    return texty && !element.readOnly && !element.disabled;
  }
  return element instanceof HTMLElement && element.isContentEditable;
};

/** Types held-back keys into the field that has focus, as if they had just been pressed. */
function giveBack(text: string): void {
  const target = document.activeElement;
  if (!isEditable(target)) return;
  // insertText fires beforeinput/input like real typing, which React listens to.
  if (document.execCommand('insertText', false, text)) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    target.setRangeText(text, start, end, 'end');
    target.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
  }
}

export interface KeyboardWedgeListenerOptions {
  readonly config?: Partial<KeyboardWedgeConfig>;
  readonly target?: Window;
}

/** Listens for keyboard-wedge scans on the whole window; returns the function that stops listening. */
export function listenForKeyboardWedge(
  onScan: (scan: ScanEvent) => void,
  options: KeyboardWedgeListenerOptions = {},
): () => void {
  const target = options.target ?? window;
  const detector = createKeyboardWedgeDetector(options.config);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Whether the keys of the open burst were held back (a field had focus when it began).
  let holding = false;

  const apply = (step: WedgeStep) => {
    if (step.release !== undefined && holding) giveBack(step.release);
    if (step.scan !== undefined) {
      onScan({ deviceId: KEYBOARD_WEDGE_DEVICE_ID, source: 'keyboard-wedge', data: step.scan });
    }
  };

  const rearm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const deadline = detector.deadline();
    if (deadline === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        apply(detector.expire(performance.now()));
        rearm();
      },
      Math.max(0, deadline - performance.now()),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.repeat) return;
    const opening = detector.held === 0;
    const step = detector.feed({
      code: event.code,
      key: event.key,
      timeStamp: event.timeStamp,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
    });
    // Give back the previous burst before deciding about this key, so order is kept.
    apply(step);
    if (opening || step.release !== undefined) holding = isEditable(document.activeElement);
    if ((step.swallow && holding) || step.scan !== undefined) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    rearm();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
  };
}
