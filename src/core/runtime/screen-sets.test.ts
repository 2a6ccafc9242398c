import { describe, expect, it } from 'vitest';
import { isScreenRoute, screenSetFromPath } from './screen-sets';

describe('screen sets', () => {
  it('routes / and each screen set to the app, nothing else', () => {
    for (const path of ['/', '/cashier', '/kiosk/', '/pickup']) expect(isScreenRoute(path)).toBe(true);
    for (const path of ['/assets/app.js', '/cashiers', '/cashier/x', '/toString', ''])
      expect(isScreenRoute(path)).toBe(false);
  });

  it('names the screen set of a path, and none for unknown or prototype names', () => {
    expect(screenSetFromPath('/kiosk')).toBe('kiosk');
    expect(screenSetFromPath('/pickup/')).toBe('pickup');
    expect(screenSetFromPath('/')).toBeUndefined();
    expect(screenSetFromPath('/toString')).toBeUndefined();
  });
});
