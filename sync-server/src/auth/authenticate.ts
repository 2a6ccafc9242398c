import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../http/errors';
import type { TillPrincipal } from './access-token';
import { verifyAccessTokenWithExpiry } from './access-token';
import type { ServerKeys } from './server-keys';
import { cacheVerifiedTokens } from './verified-token-cache';

declare module 'fastify' {
  interface FastifyRequest {
    till: TillPrincipal | null;
  }
}

export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/** Every replication request: a valid, unexpired access token; a revoked till's is marked revoked. */
export function tillAuthentication(keys: ServerKeys, isRevoked: (tillId: string) => Promise<boolean>) {
  const verifyAccessToken = cacheVerifiedTokens((token) => verifyAccessTokenWithExpiry(keys, token));
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerOf(request);
    if (!token) throw unauthenticated('missing access token (authorization: Bearer <token>)');
    const verified = await verifyAccessToken(token);
    if (!verified.ok) {
      throw unauthenticated(
        verified.error === 'expired' ? 'access token expired' : 'access token is not valid',
      );
    }
    // A revoked till keeps a restricted principal: the routes let it push
    // its journal and nothing else (revokedTillMayOnlyPushJournal).
    const principal = verified.value;
    request.till =
      principal.revoked || !(await isRevoked(principal.tillId)) ? principal : { ...principal, revoked: true };
  };
}

/**
 * A revoked till may upload the journal entries it holds, so that replacing
 * a broken till loses nothing, and do nothing else: no pull, no stream, no
 * other collection.
 */
export function revokedTillMayOnlyPushJournal(till: TillPrincipal, what: 'journal-push' | 'other'): void {
  if (till.revoked && what !== 'journal-push')
    throw unauthenticated('this till has been revoked: it may only push the journal entries it holds');
}
