import { describe, expect, it } from 'vitest';
import { agentConfigFromEnv } from './agent-config';

describe('hardware agent configuration', () => {
  it('refuses a plain-http sync URL to another host, and takes https or loopback', () => {
    expect(() => agentConfigFromEnv({ TILL_SYNC_URL: 'http://sync.example.fr' })).toThrow(
      /invalid hardware agent configuration: syncUrl: the sync URL "http:\/\/sync\.example\.fr" uses plain http/,
    );
    expect(agentConfigFromEnv({ TILL_SYNC_URL: 'https://sync.example.fr' }).syncUrl).toBe(
      'https://sync.example.fr',
    );
    expect(agentConfigFromEnv({}).syncUrl).toBe('http://127.0.0.1:8787');
  });
});
