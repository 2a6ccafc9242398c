import type { FastifyRequest } from 'fastify';
import { bearerOf } from '../auth/authenticate';
import { sameHash, sha256Hex } from '../auth/secrets';
import { unauthenticated } from '../http/errors';

/**
 * The web shop's bearer check. Without a configured key the shop API is off
 * (every request 401). The presented key is compared by hash in constant
 * time, like the admin token, so response timing says nothing about it.
 */
export function shopKeyCheck(shopApiKey: string | undefined) {
  const expectedHash = shopApiKey ? sha256Hex(shopApiKey) : undefined;
  return async (request: FastifyRequest): Promise<void> => {
    if (!expectedHash) throw unauthenticated('the web shop API is off: set TILL_SHOP_API_KEY');
    const presented = bearerOf(request);
    if (!presented || !sameHash(sha256Hex(presented), expectedHash))
      throw unauthenticated('shop API key not accepted');
  };
}
