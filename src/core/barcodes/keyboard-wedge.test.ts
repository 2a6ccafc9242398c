import { describe, expect, it } from 'vitest';
import { GROUP_SEPARATOR } from './gs1-element-string';
import {
  createKeyboardWedgeDetector,
  decodeWedgeKey,
  type KeyboardWedgeConfig,
  type WedgeKey,
  type WedgeStep,
} from './keyboard-wedge';
import { parseScan } from './parse-scan';
import { defaultScanConfig } from './scan-config';

// US key positions for the characters a test types, with what a US layout
// shows (`key`). AZERTY cases below override `key`.
const US: Record<string, { code: string; shift?: boolean }> = {
  ...Object.fromEntries([...'0123456789'].map((d) => [d, { code: `Digit${d}` }])),
  ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].map((c) => [c, { code: `Key${c.toUpperCase()}` }])),
  ...Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => [c, { code: `Key${c}`, shift: true }])),
  '-': { code: 'Minus' },
  '.': { code: 'Period' },
  '/': { code: 'Slash' },
  ' ': { code: 'Space' },
  _: { code: 'Minus', shift: true },
  ':': { code: 'Semicolon', shift: true },
};

const key = (code: string, timeStamp: number, extra: Partial<WedgeKey> = {}): WedgeKey => ({
  code,
  key: extra.key ?? code,
  timeStamp,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

/** Key records for `text` typed from `start`, one key every `gapMs`, on a US layout. */
function typed(text: string, start: number, gapMs: number | readonly number[]): WedgeKey[] {
  let at = start;
  return [...text].map((char, i) => {
    const position = US[char];
    if (!position) throw new Error(`no US key for ${char}`);
    if (i > 0) at += typeof gapMs === 'number' ? gapMs : (gapMs[i - 1] ?? 0);
    return key(position.code, at, { key: char, shiftKey: position.shift ?? false });
  });
}

const enter = (at: number) => key('Enter', at, { key: 'Enter' });

/** Feeds every key; returns each step, in order. */
function feedAll(keys: readonly WedgeKey[], config: Partial<KeyboardWedgeConfig> = {}) {
  const detector = createKeyboardWedgeDetector(config);
  const steps = keys.map((k) => detector.feed(k));
  return { detector, steps };
}

const scans = (steps: readonly WedgeStep[]) => steps.flatMap((s) => (s.scan === undefined ? [] : [s.scan]));
const released = (steps: readonly WedgeStep[]) => steps.map((s) => s.release ?? '').join('');

describe('decodeWedgeKey: characters from the physical key', () => {
  it('reads digits from Digit and Numpad codes, with or without Shift', () => {
    for (let d = 0; d <= 9; d++) {
      expect(decodeWedgeKey(key(`Digit${d}`, 0))).toBe(String(d));
      expect(decodeWedgeKey(key(`Digit${d}`, 0, { shiftKey: true }))).toBe(String(d));
      expect(decodeWedgeKey(key(`Numpad${d}`, 0))).toBe(String(d));
    }
  });

  it('reads letters, capital with Shift', () => {
    expect(decodeWedgeKey(key('KeyA', 0, { key: 'q' }))).toBe('a');
    expect(decodeWedgeKey(key('KeyA', 0, { key: 'Q', shiftKey: true }))).toBe('A');
    expect(decodeWedgeKey(key('KeyZ', 0))).toBe('z');
  });

  it('reads punctuation by its US position', () => {
    expect(decodeWedgeKey(key('Minus', 0))).toBe('-');
    expect(decodeWedgeKey(key('Minus', 0, { shiftKey: true }))).toBe('_');
    expect(decodeWedgeKey(key('Period', 0))).toBe('.');
    expect(decodeWedgeKey(key('Slash', 0))).toBe('/');
    expect(decodeWedgeKey(key('Space', 0))).toBe(' ');
    expect(decodeWedgeKey(key('NumpadDecimal', 0))).toBe('.');
  });

  it('reads Ctrl+] as the GS1 group separator; other shortcuts are not characters', () => {
    expect(decodeWedgeKey(key('BracketRight', 0, { ctrlKey: true }))).toBe(GROUP_SEPARATOR);
    expect(decodeWedgeKey(key('KeyV', 0, { ctrlKey: true }))).toBeUndefined();
    expect(decodeWedgeKey(key('Digit1', 0, { altKey: true }))).toBeUndefined();
    expect(decodeWedgeKey(key('Backspace', 0))).toBeUndefined();
    expect(decodeWedgeKey(key('ArrowLeft', 0))).toBeUndefined();
    expect(decodeWedgeKey(key('F1', 0))).toBeUndefined();
  });

  it('falls back to `key` only when there is no physical code', () => {
    expect(decodeWedgeKey(key('', 0, { key: '7' }))).toBe('7');
    expect(decodeWedgeKey(key('Unidentified', 0, { key: 'x' }))).toBe('x');
    expect(decodeWedgeKey(key('', 0, { key: 'Enter' }))).toBeUndefined();
  });
});

describe('keyboard wedge: scanner bursts', () => {
  it('a fast burst ended by Enter is a scan, every key swallowed', () => {
    const keys = [...typed('3017620422003', 1000, 8), enter(1000 + 13 * 8)];
    const { steps, detector } = feedAll(keys);
    expect(scans(steps)).toEqual(['3017620422003']);
    expect(steps.every((s) => s.swallow)).toBe(true);
    expect(released(steps)).toBe('');
    expect(detector.held).toBe(0);
    expect(detector.deadline()).toBeUndefined();
  });

  it('a burst ended by Tab is a scan too', () => {
    const { steps } = feedAll([...typed('96385074', 0, 10), key('Tab', 80, { key: 'Tab' })]);
    expect(scans(steps)).toEqual(['96385074']);
  });

  it('a US-set scanner on a French AZERTY keyboard still gives digits: & é " \' ( - è _ ç à', () => {
    // What the OS shows for the unshifted digit row on AZERTY, pressed by a US-set scanner.
    const azerty = ['à', '&', 'é', '"', "'", '(', '-', 'è', '_', 'ç'];
    const digits = '3017620422003';
    const keys = [...digits].map((d, i) => key(`Digit${d}`, 500 + i * 6, { key: azerty[Number(d)] ?? '?' }));
    const { steps } = feedAll([...keys, enter(500 + 13 * 6)]);
    expect(scans(steps)).toEqual([digits]);
    // And the core reads it as the product's GTIN.
    const parsed = parseScan(scans(steps)[0] ?? '', defaultScanConfig);
    expect(parsed.ok && parsed.value.kind).toBe('gtin');
  });

  it('an AZERTY-set scanner (Shift + digit row) gives the same digits', () => {
    const keys = [...'40063813'].map((d, i) => key(`Digit${d}`, i * 5, { key: d, shiftKey: true }));
    const { steps } = feedAll([...keys, enter(40)]);
    expect(scans(steps)).toEqual(['40063813']);
  });

  it('keeps letters and their case from a project code', () => {
    const { steps } = feedAll([...typed('PU:K7Q-2', 0, 5), enter(40)]);
    expect(scans(steps)).toEqual(['PU:K7Q-2']);
  });

  it('GS1 bursts keep the group separator', () => {
    const keys = [
      ...typed('0103017620422003', 0, 4),
      key('BracketRight', 64, { ctrlKey: true, key: ']' }),
      ...typed('10ABC', 68, 4),
    ];
    const { steps } = feedAll([...keys, enter(90)]);
    expect(scans(steps)).toEqual([`0103017620422003${GROUP_SEPARATOR}10ABC`]);
  });

  it('two scans in a row are two scans', () => {
    const first = typed('96385074', 0, 10);
    const second = typed('3017620422003', 200, 10);
    const { steps } = feedAll([...first, enter(80), ...second, enter(330)]);
    expect(scans(steps)).toEqual(['96385074', '3017620422003']);
  });

  it('Shift keydowns between letters neither break nor count in a burst', () => {
    const keys: WedgeKey[] = [];
    let at = 0;
    for (const char of 'AB1234') {
      if (/[A-Z]/.test(char)) keys.push(key('ShiftLeft', at, { key: 'Shift', shiftKey: true }));
      const position = US[char];
      if (!position) throw new Error(char);
      keys.push(key(position.code, at + 2, { key: char, shiftKey: position.shift ?? false }));
      at += 8;
    }
    const { steps } = feedAll([...keys, enter(at)]);
    expect(scans(steps)).toEqual(['AB1234']);
    expect(steps.filter((_, i) => keys[i]?.code === 'ShiftLeft').every((s) => !s.swallow)).toBe(true);
  });
});

describe('keyboard wedge: people typing are not scanners', () => {
  it('a person typing a barcode at ~8 keys a second is not a scan, and gets every key back', () => {
    const detector = createKeyboardWedgeDetector();
    const keys = typed('3017620422003', 0, 120);
    const steps: WedgeStep[] = [];
    for (const k of keys) {
      // The listener expires the held key when its deadline passes before the next key.
      const deadline = detector.deadline();
      if (deadline !== undefined && deadline <= k.timeStamp) steps.push(detector.expire(deadline));
      steps.push(detector.feed(k));
    }
    steps.push(detector.feed(enter(13 * 120)));
    expect(scans(steps)).toEqual([]);
    expect(released(steps)).toBe('3017620422003');
    // Enter goes through to the form, after the keys were given back.
    expect(steps.at(-1)?.swallow).toBe(false);
  });

  it('gives AZERTY typing back as the person typed it, not as digits', () => {
    const detector = createKeyboardWedgeDetector();
    expect(detector.feed(key('Digit1', 0, { key: '&' })).swallow).toBe(true);
    expect(detector.feed(key('Digit2', 20, { key: 'é' })).swallow).toBe(true);
    expect(detector.expire(20 + 60)).toEqual({ swallow: false, release: '&é' });
  });

  it('a quick pair of keys followed by a pause is released, not scanned', () => {
    const detector = createKeyboardWedgeDetector();
    detector.feed(key('KeyO', 0, { key: 'o' }));
    detector.feed(key('KeyK', 15, { key: 'k' }));
    expect(detector.deadline()).toBe(75);
    expect(detector.expire(74)).toEqual({ swallow: false });
    expect(detector.expire(75)).toEqual({ swallow: false, release: 'ok' });
    expect(detector.held).toBe(0);
  });

  it('a fast but short burst (below minLength) ended by Enter is typing', () => {
    const { steps } = feedAll([...typed('12345', 0, 5), enter(25)]);
    expect(scans(steps)).toEqual([]);
    expect(released(steps)).toBe('12345');
    expect(steps.at(-1)?.swallow).toBe(false);
  });

  it('Enter long after a fast burst is typing (the scanner would have sent it at once)', () => {
    const { steps } = feedAll([...typed('96385074', 0, 5), enter(35 + 61)]);
    expect(scans(steps)).toEqual([]);
    expect(released(steps)).toBe('96385074');
  });

  it('a non-character key (Backspace, arrows) gives back what was held and goes through', () => {
    const { steps } = feedAll([...typed('9638', 0, 5), key('Backspace', 20, { key: 'Backspace' })]);
    expect(steps.at(-1)).toEqual({ swallow: false, release: '9638' });
  });

  it('a shortcut (Ctrl+V) gives back what was held and goes through', () => {
    const { steps } = feedAll([...typed('96', 0, 5), key('KeyV', 10, { key: 'v', ctrlKey: true })]);
    expect(steps.at(-1)).toEqual({ swallow: false, release: '96' });
  });

  it('a keystroke after a pause starts a new burst and gives back the old one', () => {
    const { steps } = feedAll([...typed('ab', 0, 10), ...typed('c', 500, 0)]);
    expect(steps.at(-1)).toEqual({ swallow: true, release: 'ab' });
  });

  it('a dead key (^ on AZERTY) goes through untouched so accents still compose', () => {
    const detector = createKeyboardWedgeDetector();
    detector.feed(key('KeyT', 0, { key: 't' }));
    expect(detector.feed(key('BracketLeft', 10, { key: 'Dead' }))).toEqual({ swallow: false, release: 't' });
    expect(detector.held).toBe(0);
  });

  it('Enter with nothing held is left alone', () => {
    expect(feedAll([enter(0)]).steps).toEqual([{ swallow: false }]);
  });
});

describe('keyboard wedge: slow scanners and edge cases', () => {
  it('a mean gap exactly at the threshold is a scan; just above is not', () => {
    const at35 = [...typed('96385074', 0, 35), enter(8 * 35)];
    expect(scans(feedAll(at35).steps)).toEqual(['96385074']);
    const at36 = [...typed('96385074', 0, 36), enter(8 * 36)];
    expect(scans(feedAll(at36).steps)).toEqual([]);
  });

  it('one hiccup inside a burst is fine when the mean stays low', () => {
    // USB hubs and busy tills delay a key now and then.
    const gaps = [5, 5, 55, 5, 5, 5, 5];
    const { steps } = feedAll([...typed('96385074', 0, gaps), enter(90)]);
    expect(scans(steps)).toEqual(['96385074']);
  });

  it('a pause longer than maxGapMs splits the burst, and neither half is a scan', () => {
    const gaps = [5, 5, 5, 61, 5, 5, 5];
    const { steps } = feedAll([...typed('96385074', 0, gaps), enter(100)]);
    expect(scans(steps)).toEqual([]);
    expect(released(steps)).toBe('96385074');
  });

  it('a slow scanner is detected once its mean gap is within a raised threshold', () => {
    const slow = [...typed('3017620422003', 0, 50), enter(13 * 50)];
    expect(scans(feedAll(slow).steps)).toEqual([]);
    expect(scans(feedAll(slow, { maxMeanGapMs: 55, maxGapMs: 80 }).steps)).toEqual(['3017620422003']);
  });

  it('a prefix makes any burst that starts with it a scan, whatever its speed', () => {
    const config = { prefix: '..' };
    const slow = [...typed('..96385074', 0, 200), enter(10 * 200)];
    const { steps } = feedAll(slow, config);
    expect(scans(steps)).toEqual(['96385074']);
    expect(released(steps)).toBe('');
    // Without the prefix, the same slow keys are typing.
    const plain = createKeyboardWedgeDetector(config);
    plain.feed(key('Digit9', 0, { key: '9' }));
    expect(plain.expire(60)).toEqual({ swallow: false, release: '9' });
  });

  it('scanners with no suffix: a fast burst ended by a pause is a scan when allowed', () => {
    const detector = createKeyboardWedgeDetector({ acceptWithoutTerminator: true });
    for (const k of typed('3017620422003', 0, 10)) detector.feed(k);
    expect(detector.expire(120 + 60)).toEqual({ swallow: false, scan: '3017620422003' });
    // Slow typing ended by a pause is still released.
    const person = createKeyboardWedgeDetector({ acceptWithoutTerminator: true });
    let last: WedgeStep = { swallow: false };
    for (const k of typed('963850', 0, 50)) last = person.feed(k);
    expect(last.swallow).toBe(true);
    expect(person.expire(250 + 60)).toEqual({ swallow: false, release: '963850' });
  });

  it('without that setting, the same burst ended by a pause is released', () => {
    const detector = createKeyboardWedgeDetector();
    for (const k of typed('3017620422003', 0, 10)) detector.feed(k);
    expect(detector.expire(180)).toEqual({ swallow: false, release: '3017620422003' });
  });
});
