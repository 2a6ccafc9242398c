import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './app-protocol';

describe('app:// protocol', () => {
  const dir = '/opt/till/renderer';

  it('serves index.html for every screen set', () => {
    for (const screen of ['/', '/cashier', '/kiosk/', '/pickup']) {
      expect(resolveAppRequest(dir, `app://till${screen}`)).toEqual({
        kind: 'file',
        path: `${dir}/index.html`,
      });
    }
  });

  it('serves built assets and the runtime config', () => {
    expect(resolveAppRequest(dir, 'app://till/assets/index.js')).toEqual({
      kind: 'file',
      path: `${dir}/assets/index.js`,
    });
    expect(resolveAppRequest(dir, 'app://till/runtime-config.json')).toEqual({ kind: 'runtime-config' });
  });

  it('refuses other hosts and never resolves outside the renderer', () => {
    expect(resolveAppRequest(dir, 'app://other/index.html')).toEqual({ kind: 'not-found' });
    expect(resolveAppRequest(dir, '::::')).toEqual({ kind: 'not-found' });
    for (const attempt of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../etc/passwd',
      '/assets/..%2f..%2f..%2fetc/passwd',
    ]) {
      const resolved = resolveAppRequest(dir, `app://till${attempt}`);
      // URL parsing may fold the dots away; what matters is that no path leaves the renderer folder.
      if (resolved.kind === 'file') expect(resolved.path.startsWith(`${dir}/`)).toBe(true);
    }
  });
});
