import { err, ok, type Result } from '../../../src/core/result';
import type { TillPrincipal, TokenProblem, VerifiedToken } from './access-token';

type Verify<T> = (token: string) => Promise<Result<T, TokenProblem>>;

/**
 * Remembers tokens whose signature was already checked. A till sends the
 * same access token with every request for 15 minutes; checking its Ed25519
 * signature each time (WebCrypto, through jose) was 7% of the server's CPU
 * under the 500-till bench. The key is the whole token string, so a hit is
 * the very bytes that were verified; expiry is still checked on every hit,
 * and revocation stays the caller's check. Only good tokens are kept, and
 * at most `maxEntries` of them (oldest out first).
 */
export function cacheVerifiedTokens(
  verify: Verify<VerifiedToken>,
  options: { maxEntries?: number; now?: () => number } = {},
): Verify<TillPrincipal> {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, VerifiedToken>();
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (now() < known.expiresAtMs) return ok(known.principal);
      verified.delete(token);
      return err('expired');
    }
    const result = await verify(token);
    if (!result.ok) return result;
    if (verified.size >= maxEntries) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, result.value);
    return ok(result.value.principal);
  };
}
