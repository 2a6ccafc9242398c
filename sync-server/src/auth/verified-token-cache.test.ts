import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/core/result';
import type { VerifiedToken } from './access-token';
import { cacheVerifiedTokens } from './verified-token-cache';

const principal = { tillId: 'till-1', storeCode: 'LYO01', tillCode: 'T01' };

function counting(verdicts: Record<string, VerifiedToken | 'invalid'>) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    const verdict = verdicts[token];
    return verdict === undefined || verdict === 'invalid' ? err('invalid' as const) : ok(verdict);
  };
  return { calls, verify };
}

describe('cacheVerifiedTokens', () => {
  it('checks a good token once and answers later requests from memory until it expires', async () => {
    let now = 1_000;
    const { calls, verify } = counting({ good: { principal, expiresAtMs: 5_000 } });
    const cached = cacheVerifiedTokens(verify, { now: () => now });
    expect(await cached('good')).toEqual(ok(principal));
    expect(await cached('good')).toEqual(ok(principal));
    expect(calls).toEqual(['good']);
    now = 5_000;
    expect(await cached('good')).toEqual(err('expired'));
    // Forgotten once expired: the next request is verified again (and the verifier says expired).
    await cached('good');
    expect(calls).toEqual(['good', 'good']);
  });

  it('never remembers a refused token', async () => {
    const { calls, verify } = counting({ forged: 'invalid' });
    const cached = cacheVerifiedTokens(verify);
    expect(await cached('forged')).toEqual(err('invalid'));
    expect(await cached('forged')).toEqual(err('invalid'));
    expect(calls).toEqual(['forged', 'forged']);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const far = { principal, expiresAtMs: Number.MAX_SAFE_INTEGER };
    const { calls, verify } = counting({ a: far, b: far, c: far });
    const cached = cacheVerifiedTokens(verify, { maxEntries: 2 });
    for (const token of ['a', 'b', 'c', 'c', 'b', 'a']) await cached(token);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
