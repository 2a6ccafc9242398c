import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-files';

describe('static file paths', () => {
  const root = '/srv/renderer';

  it('resolves files inside the root', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    expect(resolveStaticPath(root, '/assets/a%20b.js?v=1')).toBe('/srv/renderer/assets/a b.js');
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/a%00b',
    '/a%5c..%5cb',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeUndefined();
  });
});
