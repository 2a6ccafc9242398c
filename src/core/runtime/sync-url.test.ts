import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from './runtime-config';
import { isLoopbackHost, syncUrlProblem, syncUrlSchema } from './sync-url';

// The till's bearer token goes to the sync URL: https, or plain http only to this machine.

describe('sync URL', () => {
  it.each([
    'https://sync.example.fr',
    'https://sync.example.fr:8443/base',
    'http://127.0.0.1:8787',
    'http://127.1.2.3:8787',
    'http://localhost:8787',
    'http://[::1]:8787',
    'HTTP://LOCALHOST:8787',
  ])('accepts %s', (url) => {
    expect(syncUrlProblem(url)).toBeUndefined();
    expect(syncUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ['http://sync.example.fr', /plain http to sync\.example\.fr/],
    ['http://192.168.1.20:8787', /plain http to 192\.168\.1\.20/],
    ['http://127.0.0.1.evil.example:8787', /plain http to 127\.0\.0\.1\.evil\.example/],
    ['http://localhost@sync.example.fr', /plain http to sync\.example\.fr/],
    ['http://[::2]:8787', /plain http/],
    ['ftp://sync.example.fr', /must start with https:\/\//],
    ['sync.example.fr', /not an absolute URL/],
  ])('refuses %s with a clear reason', (url, reason) => {
    expect(syncUrlProblem(url)).toMatch(reason);
    const parsed = syncUrlSchema.safeParse(url);
    expect(parsed.success).toBe(false);
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', 'localhost', '[::1]', 'a.localhost'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.256', '10.0.0.1', 'localhost.example', '[::2]'].some(isLoopbackHost)).toBe(false);
  });

  it('is checked in the runtime config the renderer reads', () => {
    const config = { storeCode: 'PAR01', tillCode: '01' };
    expect(runtimeConfigSchema.safeParse({ ...config, syncUrl: 'https://sync.example.fr' }).success).toBe(
      true,
    );
    const plain = runtimeConfigSchema.safeParse({ ...config, syncUrl: 'http://sync.example.fr' });
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.message).toMatch(/plain http/);
  });
});
