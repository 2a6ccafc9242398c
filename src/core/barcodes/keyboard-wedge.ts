import { GROUP_SEPARATOR } from './gs1-element-string';

// A keyboard-wedge scanner is a keyboard that types very fast. This detector
// tells its bursts from a person typing, from key records alone (no DOM
// types: the renderer's listener turns KeyboardEvents into these records).
//
// Characters are read from `code` (the physical key, named after the US
// layout), not from `key` (what the OS layout made of it): a scanner set up
// as a US keyboard on a French AZERTY till presses Digit3 for "3", which the
// OS turns into `"`. Decoding `code` gives "3" whatever the OS layout. Digit
// keys decode to digits with or without Shift, because a scanner set up as
// AZERTY presses Shift+Digit3 for the same "3".

/** One keydown, as the detector needs it. */
export interface WedgeKey {
  readonly code: string;
  readonly key: string;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  readonly timeStamp: number;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

export interface KeyboardWedgeConfig {
  /** Fewer characters than this is never a scan (EAN-8 is 8; 6 allows UPC-E). */
  readonly minLength: number;
  /** A burst is a scan when its mean gap between keys is at most this. */
  readonly maxMeanGapMs: number;
  /** A longer pause between two keys ends the burst (and is how long a typed key is held back). */
  readonly maxGapMs: number;
  /** Characters a scanner is set up to send first: such a burst is a scan whatever its speed. */
  readonly prefix: string;
  /** With a prefix, the pause allowed between keys (slow scanners, busy tills). */
  readonly prefixMaxGapMs: number;
  /** Scanners set up without an Enter/Tab suffix: a fast burst ended by a pause is a scan too. */
  readonly acceptWithoutTerminator: boolean;
}

export const defaultKeyboardWedgeConfig: KeyboardWedgeConfig = {
  minLength: 6,
  maxMeanGapMs: 35,
  maxGapMs: 60,
  prefix: '',
  prefixMaxGapMs: 500,
  acceptWithoutTerminator: false,
};

/**
 * What to do with one key: `swallow` it (keep it from the focused input),
 * first give back `release` (held keys that turned out to be typing, as the
 * person's layout typed them), and hand `scan` to parseScan.
 */
export interface WedgeStep {
  readonly swallow: boolean;
  readonly release?: string;
  readonly scan?: string;
}

const PASS = { swallow: false } as const satisfies WedgeStep;

const PUNCTUATION: Readonly<Record<string, readonly [string, string]>> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

const MODIFIERS = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
]);

/** The character a US-layout keyboard makes with this key, or undefined for non-character keys. */
export function decodeWedgeKey(key: WedgeKey): string | undefined {
  const { code } = key;
  // GS1 scanners type the group separator as Ctrl+] (ASCII 29).
  if (key.ctrlKey && !key.altKey && code === 'BracketRight') return GROUP_SEPARATOR;
  if (key.ctrlKey || key.altKey || key.metaKey) return undefined;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1];
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return key.shiftKey ? letter[1] : letter[1].toLowerCase();
  const punctuation = PUNCTUATION[code];
  if (punctuation) return key.shiftKey ? punctuation[1] : punctuation[0];
  // No physical code (virtual keyboards, some remote sessions): trust `key`.
  if ((code === '' || code === 'Unidentified') && key.key.length === 1) return key.key;
  return undefined;
}

const isTerminator = (key: WedgeKey) =>
  (key.code === 'Enter' || key.code === 'NumpadEnter' || key.code === 'Tab' || key.key === 'Enter') &&
  !key.ctrlKey &&
  !key.altKey &&
  !key.metaKey;

interface Held {
  readonly decoded: string;
  /** What the person's layout made of the key, given back if this was typing. */
  readonly typed: string;
  readonly at: number;
}

/** Longest burst kept: far above any symbol (parseScan refuses more anyway). */
const MAX_BURST = 4096;

export interface KeyboardWedgeDetector {
  /** Feed every keydown, in order. */
  feed(key: WedgeKey): WedgeStep;
  /** When the held burst must be decided if no key comes (undefined: nothing held). */
  deadline(): number | undefined;
  /** Call at or after `deadline()`: the pause ends the burst. */
  expire(now: number): WedgeStep;
  /** Keys held right now (for the listener to know whether a burst is open). */
  readonly held: number;
}

export function createKeyboardWedgeDetector(
  overrides: Partial<KeyboardWedgeConfig> = {},
): KeyboardWedgeDetector {
  const config = { ...defaultKeyboardWedgeConfig, ...overrides };
  let held: Held[] = [];

  const text = (keys: readonly Held[], pick: 'decoded' | 'typed') => keys.map((k) => k[pick]).join('');
  const hasPrefix = () => config.prefix !== '' && text(held, 'decoded').startsWith(config.prefix);
  const couldBecomePrefix = () => config.prefix !== '' && config.prefix.startsWith(text(held, 'decoded'));
  const allowedGap = () => (hasPrefix() || couldBecomePrefix() ? config.prefixMaxGapMs : config.maxGapMs);

  /**
   * The held burst as a scan, when it is one. `endAt` is when the terminator
   * came (n characters and the terminator make n gaps); without one, the
   * burst is measured from its first to its last key.
   */
  const asScan = (endAt: number | undefined): string | undefined => {
    const first = held[0];
    const last = held.at(-1);
    if (!first || !last) return undefined;
    if (hasPrefix()) {
      const data = text(held, 'decoded').slice(config.prefix.length);
      return data.length > 0 ? data : undefined;
    }
    if (held.length < config.minLength) return undefined;
    const meanGap =
      endAt === undefined ? (last.at - first.at) / (held.length - 1) : (endAt - first.at) / held.length;
    return meanGap <= config.maxMeanGapMs ? text(held, 'decoded') : undefined;
  };

  const releaseAll = (): string | undefined => {
    const typed = text(held, 'typed');
    held = [];
    return typed === '' ? undefined : typed;
  };

  const step = (swallow: boolean, release: string | undefined, scan?: string): WedgeStep => ({
    swallow,
    ...(release !== undefined ? { release } : {}),
    ...(scan !== undefined ? { scan } : {}),
  });

  return {
    get held() {
      return held.length;
    },

    deadline() {
      const last = held.at(-1);
      return last ? last.at + allowedGap() : undefined;
    },

    expire(now) {
      const last = held.at(-1);
      if (!last || now - last.at < allowedGap()) return step(false, undefined);
      if (config.acceptWithoutTerminator && !hasPrefix()) {
        // The pause itself is not part of the burst.
        const scan = asScan(undefined);
        if (scan !== undefined) {
          held = [];
          return step(false, undefined, scan);
        }
      }
      return step(false, releaseAll());
    },

    feed(key) {
      // Shift and friends come before every capital letter a scanner types.
      if (MODIFIERS.has(key.code)) return PASS;
      const last = held.at(-1);
      const late = last !== undefined && key.timeStamp - last.at > allowedGap();

      if (isTerminator(key)) {
        const scan = late ? undefined : asScan(key.timeStamp);
        if (scan !== undefined) {
          held = [];
          return step(true, undefined, scan);
        }
        // Typing: give the keys back before the Enter or Tab does its job.
        return step(false, releaseAll());
      }

      // A dead key (^ on AZERTY), an IME or a named key is not a character of
      // a burst: it goes through untouched, so accents still compose.
      const decoded = [...key.key].length === 1 ? decodeWedgeKey(key) : undefined;
      if (decoded === undefined) return step(false, releaseAll());

      const release = late || held.length >= MAX_BURST ? releaseAll() : undefined;
      held.push({ decoded, typed: key.key, at: key.timeStamp });
      return step(true, release);
    },
  };
}
