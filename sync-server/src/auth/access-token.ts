import { errors, jwtVerify, SignJWT } from 'jose';
import { err, ok, type Result } from '../../../src/core/result';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../../src/core/sync/protocol';
import { type ServerKeys, SIGNING_ALGORITHM } from './server-keys';

export interface TillPrincipal {
  readonly tillId: string;
  readonly storeCode: string;
  readonly tillCode: string;
  /** A revoked till may only push the journal entries it holds (scope `revoked-till`). */
  readonly revoked?: boolean;
}

/** `till`: everything a till does; `revoked-till`: journal pushes only. */
const SCOPES = ['till', 'revoked-till'] as const;

const ISSUER = 'store-till-sync';
const AUDIENCE = 'till';

export async function signAccessToken(keys: ServerKeys, till: TillPrincipal, now = new Date()) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const scope: (typeof SCOPES)[number] = till.revoked ? 'revoked-till' : 'till';
  const accessToken = await new SignJWT({ store: till.storeCode, till: till.tillCode, scope })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.kid, typ: 'JWT' })
    .setSubject(till.tillId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keys.privateKey);
  return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export type TokenProblem = 'expired' | 'invalid';

/** A token whose signature and claims were checked, and when it expires. */
export interface VerifiedToken {
  readonly principal: TillPrincipal;
  /** The token's `exp`, in ms since the epoch. */
  readonly expiresAtMs: number;
}

export async function verifyAccessToken(
  keys: ServerKeys,
  token: string,
): Promise<Result<TillPrincipal, TokenProblem>> {
  const verified = await verifyAccessTokenWithExpiry(keys, token);
  return verified.ok ? ok(verified.value.principal) : verified;
}

/** verifyAccessToken that also says when the token expires (for cacheVerifiedTokens). */
export async function verifyAccessTokenWithExpiry(
  keys: ServerKeys,
  token: string,
): Promise<Result<VerifiedToken, TokenProblem>> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const { sub, store, till, scope, exp } = payload;
    if (
      typeof exp !== 'number' ||
      typeof sub !== 'string' ||
      typeof store !== 'string' ||
      typeof till !== 'string' ||
      !SCOPES.some((known) => known === scope)
    ) {
      return err('invalid');
    }
    const principal: TillPrincipal = { tillId: sub, storeCode: store, tillCode: till };
    return ok({
      principal: scope === 'revoked-till' ? { ...principal, revoked: true } : principal,
      expiresAtMs: exp * 1000,
    });
  } catch (error) {
    return err(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
  }
}
