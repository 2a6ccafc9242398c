import { describe, expect, it } from 'vitest';
import { kioskIdleSettings, kioskIdleView } from './kiosk-idle';

describe('kiosk idle reset', () => {
  const settings = kioskIdleSettings(90, 30);

  it('stays active until the idle time, then warns with a countdown, then resets', () => {
    expect(kioskIdleView(89_999, 0, settings, false)).toEqual({ phase: 'active' });
    expect(kioskIdleView(90_000, 0, settings, false)).toEqual({ phase: 'warning', secondsLeft: 30 });
    expect(kioskIdleView(100_500, 0, settings, false)).toEqual({ phase: 'warning', secondsLeft: 20 });
    expect(kioskIdleView(119_001, 0, settings, false)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(kioskIdleView(120_000, 0, settings, false)).toEqual({ phase: 'reset' });
  });

  it('an activity starts the clock again', () => {
    expect(kioskIdleView(150_000, 100_000, settings, false)).toEqual({ phase: 'active' });
  });

  it('never resets while paused (a payment under way), however long it lasts', () => {
    expect(kioskIdleView(10 * 60_000, 0, settings, true)).toEqual({ phase: 'active' });
  });

  it('gives the warning at least 20 s and defaults to 90 s idle and 30 s warning', () => {
    expect(kioskIdleSettings(60, 10)).toEqual({ idleMs: 60_000, warningMs: 20_000 });
    expect(kioskIdleSettings(undefined, undefined)).toEqual({ idleMs: 90_000, warningMs: 30_000 });
    expect(kioskIdleSettings('x', Number.NaN)).toEqual({ idleMs: 90_000, warningMs: 30_000 });
    expect(kioskIdleSettings(1, -5)).toEqual({ idleMs: 15_000, warningMs: 30_000 });
  });
});
