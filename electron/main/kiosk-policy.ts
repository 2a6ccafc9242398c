// Kiosk mode rules as pure functions: which keys never reach the kiosk page
// or Chromium, and when a crashed kiosk reloads or relaunches. main.ts wires
// them to Electron's events.

/** The fields of Electron's `Input` (before-input-event) the decision reads. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly code: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

// Ctrl (Cmd on macOS) with these keys closes, reloads, opens, prints, saves,
// zooms or navigates: a customer must not reach any of it. Ctrl+C/V/X/A/Z
// stay, for text fields; Ctrl+] stays, as scanners send GS1 separators so.
const BLOCKED_WITH_CTRL = new Set([
  'w',
  'q',
  'r',
  'n',
  't',
  'o',
  'p',
  's',
  'u',
  'l',
  'h',
  'j',
  'f',
  'g',
  'd',
  'e',
  'k',
  'm',
  '+',
  '-',
  '=',
  '0',
  'Tab',
  'PageUp',
  'PageDown',
  'F4',
]);
// With Ctrl+Shift: devtools (I, J, C), task manager (Esc), reopen/new windows.
const BLOCKED_WITH_CTRL_SHIFT = new Set(['i', 'j', 'c', 'Escape', 'Delete', 'b']);
// Alt with these: close (F4), switch (Tab, Esc), window menu (Space), back/forward.
const BLOCKED_WITH_ALT = new Set(['F4', 'Tab', 'Escape', ' ', 'ArrowLeft', 'ArrowRight', 'Home']);
// Keys that act on the browser whatever the modifiers.
const BLOCKED_ALWAYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'ContextMenu',
]);

function keyName(input: KeyInput): string {
  return input.key.length === 1 ? input.key.toLowerCase() : input.key;
}

/**
 * True when kiosk mode must swallow this key: function keys (F5 reload,
 * F11 fullscreen, F12 devtools, F7 caret browsing), window and browser
 * shortcuts. Keys the OS handles first (Ctrl+Alt+Del, the Super key,
 * Alt+Tab on most desktops) never reach the app: the kiosk OS session
 * must disable those.
 */
export function isBlockedKioskKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = keyName(input);
  if (/^F\d{1,2}$/.test(input.key) || BLOCKED_ALWAYS.has(input.key)) return true;
  // AltGr arrives as Ctrl+Alt on Windows, but `key` is then the character
  // it types (@, €), which is in none of the sets: it reaches the page.
  if (input.control || input.meta) {
    if (input.shift && BLOCKED_WITH_CTRL_SHIFT.has(key)) return true;
    if (BLOCKED_WITH_CTRL.has(key)) return true;
  }
  if (input.alt && !input.control && BLOCKED_WITH_ALT.has(key)) return true;
  return false;
}

export type CrashAction = 'reload' | 'relaunch';

export interface CrashPolicyOptions {
  readonly now: () => number;
  /** Renderer crashes within `windowMs` after which reloading is given up for a relaunch. */
  readonly maxCrashes?: number;
  readonly windowMs?: number;
}

/**
 * A crashed kiosk page reloads; when it keeps crashing (a reload does not
 * help, e.g. a GPU process gone bad) the whole app relaunches.
 */
export function createCrashPolicy(options: CrashPolicyOptions): { onRendererGone(): CrashAction } {
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  let crashes: number[] = [];
  return {
    onRendererGone() {
      const now = options.now();
      crashes = [...crashes.filter((at) => now - at < windowMs), now];
      if (crashes.length < maxCrashes) return 'reload';
      crashes = [];
      return 'relaunch';
    },
  };
}

const RELAUNCH_FLAG = '--kiosk-relaunch=';

/**
 * The arguments for `app.relaunch` after a crash, or undefined when the app
 * has relaunched too often lately: then it exits and leaves the restart to
 * the OS service manager instead of looping. The count travels in an
 * argument because nothing else survives the relaunch.
 */
export function relaunchArgs(
  argv: readonly string[],
  now: number,
  options: { maxRelaunches?: number; windowMs?: number } = {},
): string[] | undefined {
  const maxRelaunches = options.maxRelaunches ?? 5;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const previous = argv.find((arg) => arg.startsWith(RELAUNCH_FLAG))?.slice(RELAUNCH_FLAG.length);
  const [countText, sinceText] = (previous ?? '').split(':');
  const count = Number(countText);
  const since = Number(sinceText);
  const recent = Number.isInteger(count) && Number.isFinite(since) && now - since < windowMs;
  const nextCount = recent ? count + 1 : 1;
  if (nextCount > maxRelaunches) return undefined;
  const rest = argv.filter((arg) => !arg.startsWith(RELAUNCH_FLAG));
  return [...rest, `${RELAUNCH_FLAG}${nextCount}:${recent ? since : now}`];
}
