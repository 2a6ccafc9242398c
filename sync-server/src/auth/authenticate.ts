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

/** Every replication request: a valid, unexpired access token of a till that is not revoked. */
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
    if (await isRevoked(verified.value.tillId)) throw unauthenticated('this till has been revoked');
    request.till = verified.value;
  };
}
