import { describe, expect, it } from 'vitest';
import { createCrashPolicy, isBlockedKioskKey, type KeyInput, relaunchArgs } from './kiosk-policy';

/** A key press as Electron's before-input-event reports it, e.g. key('w', 'ctrl'). */
function key(name: string, ...modifiers: Array<'ctrl' | 'alt' | 'shift' | 'meta'>): KeyInput {
  return {
    type: 'keyDown',
    key: name,
    code: name.length === 1 ? `Key${name.toUpperCase()}` : name,
    control: modifiers.includes('ctrl'),
    alt: modifiers.includes('alt'),
    shift: modifiers.includes('shift'),
    meta: modifiers.includes('meta'),
  };
}

describe('kiosk key filter', () => {
  it.each([
    ['Alt+F4 (close)', key('F4', 'alt')],
    ['Ctrl+W (close window)', key('w', 'ctrl')],
    ['Ctrl+Q (quit)', key('q', 'ctrl')],
    ['Cmd+Q (quit, macOS)', key('q', 'meta')],
    ['Ctrl+R (reload)', key('r', 'ctrl')],
    ['Ctrl+Shift+R (hard reload)', key('R', 'ctrl', 'shift')],
    ['F5 (reload)', key('F5')],
    ['F11 (leave fullscreen)', key('F11')],
    ['F12 (devtools)', key('F12')],
    ['Ctrl+Shift+I (devtools)', key('I', 'ctrl', 'shift')],
    ['Ctrl+Shift+J (console)', key('J', 'ctrl', 'shift')],
    ['Ctrl+Shift+C (inspect)', key('C', 'ctrl', 'shift')],
    ['Ctrl+Shift+Esc (task manager)', key('Escape', 'ctrl', 'shift')],
    ['Alt+Tab (switch, when it reaches the app)', key('Tab', 'alt')],
    ['Alt+Space (window menu)', key(' ', 'alt')],
    ['Alt+Left (back)', key('ArrowLeft', 'alt')],
    ['Ctrl+P (print dialog)', key('p', 'ctrl')],
    ['Ctrl+Plus (zoom)', key('+', 'ctrl')],
    ['Ctrl+0 (zoom reset)', key('0', 'ctrl')],
    ['Ctrl+N (new window)', key('n', 'ctrl')],
    ['browser back key', key('BrowserBack')],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKioskKey(input)).toBe(true);
  });

  it.each([
    ['a digit', key('7')],
    ['Enter (scanner suffix)', key('Enter')],
    ['Tab (next field)', key('Tab')],
    ['Escape (close a dialog)', key('Escape')],
    ['Backspace', key('Backspace')],
    ['Ctrl+C (copy)', key('c', 'ctrl')],
    ['Ctrl+V (paste)', key('v', 'ctrl')],
    ['Ctrl+A (select all)', key('a', 'ctrl')],
    ['Ctrl+] (GS1 separator from a scanner)', key(']', 'ctrl')],
    ['AltGr+0 = @ on a French keyboard', key('@', 'ctrl', 'alt')],
    ['AltGr+E = € on a German keyboard', key('€', 'ctrl', 'alt')],
    ['Shift+A', key('A', 'shift')],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedKioskKey(input)).toBe(false);
  });

  it('decides on key down only (the release of a blocked key does nothing)', () => {
    expect(isBlockedKioskKey({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});

describe('kiosk crash policy', () => {
  it('reloads a crashed page, and relaunches when it keeps crashing', () => {
    let now = 0;
    const policy = createCrashPolicy({ now: () => now, maxCrashes: 3, windowMs: 60_000 });
    expect(policy.onRendererGone()).toBe('reload');
    now += 10_000;
    expect(policy.onRendererGone()).toBe('reload');
    now += 10_000;
    expect(policy.onRendererGone()).toBe('relaunch');
  });

  it('forgets crashes older than its window', () => {
    let now = 0;
    const policy = createCrashPolicy({ now: () => now, maxCrashes: 2, windowMs: 60_000 });
    expect(policy.onRendererGone()).toBe('reload');
    now += 61_000;
    expect(policy.onRendererGone()).toBe('reload');
    now += 1_000;
    expect(policy.onRendererGone()).toBe('relaunch');
  });
});

describe('relaunch arguments', () => {
  const argv = ['dist/electron/main.cjs', '--no-sandbox-never'];

  it('counts relaunches in an argument that survives the relaunch', () => {
    const first = relaunchArgs(argv, 1_000);
    expect(first).toEqual([...argv, '--kiosk-relaunch=1:1000']);
    const second = relaunchArgs(first ?? [], 5_000);
    expect(second).toEqual([...argv, '--kiosk-relaunch=2:1000']);
  });

  it('gives up after too many relaunches in a short time, so the OS service takes over', () => {
    let args: string[] | undefined = argv;
    for (let i = 0; i < 5; i++) args = relaunchArgs(args ?? [], 1_000 + i);
    expect(args?.at(-1)).toBe('--kiosk-relaunch=5:1000');
    expect(relaunchArgs(args ?? [], 2_000)).toBeUndefined();
  });

  it('starts counting over once the last crash storm is old', () => {
    const old = [...argv, '--kiosk-relaunch=5:1000'];
    expect(relaunchArgs(old, 1_000 + 11 * 60_000)).toEqual([
      ...argv,
      `--kiosk-relaunch=1:${1_000 + 11 * 60_000}`,
    ]);
  });
});
