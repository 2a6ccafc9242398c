// Key (or tap) to paint, inside a bench page; shared by cashier-page.ts and
// kiosk-page.ts.
//
// A measurement is armed before the suite presses a key or taps (through the
// DevTools protocol, so the events are trusted); it starts at that input
// event's `timeStamp` (caught on window, in the capture phase, by listeners
// added before the screen's: before any listener of the page or React sees it) and ends once the expected DOM
// change is there and the frame showing it was produced (requestAnimationFrame,
// then a message posted from it, which runs after that frame's paint).
//
// The floor of both: an element outside React whose keydown (or click) changes
// one text node (`installLimitTarget`), measured in the same page and run.

/** The input that starts a measurement: a key of a real keyboard, or the end of a tap (the finger lifted). */
export type StartEvent = 'keydown' | 'pointerup';

export interface PaintTimer {
  /** Arms a measurement started by the next `start` event and ended by `done()` (a predicate on the document). */
  arm(start: StartEvent, done: () => boolean, what: string): void;
  /** The armed measurement, in ms. */
  result(): Promise<number>;
  /**
   * A focusable element outside React whose keydown changes one text node (`#bench-limit`), and with
   * `tap`, a button whose click does (`#bench-limit-tap`); both echo in `#bench-limit-echo`.
   */
  installLimitTarget(tap?: boolean): void;
  /** The floor's predicate: the echo shows `expected`. */
  limitShows(expected: string): () => boolean;
}

/** After the frame that shows the current DOM has been produced. */
const afterNextPaint = () =>
  new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    });
  });

/** Call at the page's start, before the screen renders: its window listeners then run before the screen's. */
export function createPaintTimer(): PaintTimer {
  let pending: Promise<number> | undefined;
  // The armed measurement waiting for its first input event. Listening from the start (not from arm()) puts
  // these listeners before the screen's own: the keyboard-wedge listener stops the keys it holds back.
  let waiting: { readonly start: StartEvent; startedAt?: number } | undefined;
  for (const type of ['keydown', 'pointerup'] as const)
    window.addEventListener(
      type,
      (event) => {
        if (waiting?.start === type) waiting.startedAt ??= event.timeStamp;
      },
      { capture: true },
    );
  return {
    arm(start, done, what) {
      const armed: { readonly start: StartEvent; startedAt?: number } = { start };
      waiting = armed;
      pending = new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${what} on screen after 10 s`));
        }, 10_000);
        const check = () => {
          if (armed.startedAt === undefined || !done()) return;
          observer.disconnect();
          clearTimeout(timeout);
          const from = armed.startedAt;
          void afterNextPaint().then((paintedAt) => resolve(paintedAt - from));
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
    },

    result() {
      if (!pending) return Promise.reject(new Error('arm() first'));
      return pending;
    },

    installLimitTarget(withTap = false) {
      if (document.getElementById('bench-limit')) return;
      const target = document.createElement('div');
      target.id = 'bench-limit';
      target.tabIndex = 0;
      target.textContent = 'limit';
      const echo = document.createElement('span');
      echo.id = 'bench-limit-echo';
      target.addEventListener('keydown', (event) => {
        echo.textContent = event.key;
      });
      document.body.append(target, echo);
      if (!withTap) return;
      const tap = document.createElement('button');
      tap.id = 'bench-limit-tap';
      tap.type = 'button';
      tap.textContent = 'tap';
      // Above any screen (the kiosk fills the window), so a tap reaches it.
      tap.style.cssText = 'position:fixed;right:0;bottom:0;z-index:2147483647;min-width:44px;min-height:44px';
      let taps = 0;
      tap.addEventListener('click', () => {
        taps++;
        echo.textContent = `tap ${taps}`;
      });
      document.body.append(tap);
    },

    limitShows: (expected) => () => document.getElementById('bench-limit-echo')?.textContent === expected,
  };
}

export const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;
