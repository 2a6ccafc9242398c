import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

describe('renderer content security policy', () => {
  it('allows connections only to itself, the sync server and the agent', () => {
    const csp = contentSecurityPolicy({
      syncUrl: 'https://sync.example.fr/base',
      agentUrl: 'ws://127.0.0.1:8788/bridge',
    });
    expect(csp).toContain("connect-src 'self' https://sync.example.fr ws://127.0.0.1:8788");
  });

  it('never allows eval or foreign scripts', () => {
    const csp = contentSecurityPolicy({ syncUrl: 'http://127.0.0.1:8787' });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('allows no inline style: the build has none (React styles go through the CSSOM, which CSP allows)', () => {
    const csp = contentSecurityPolicy({ syncUrl: 'http://127.0.0.1:8787' });
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });
});
