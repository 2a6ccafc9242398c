import { CompactSign, type CryptoKey, compactVerify, errors, importJWK } from 'jose';
import type { ClickCollectOrder } from '../../../src/core/orders/click-collect-order';
import {
  checkOrderTokenClaims,
  ORDER_TOKEN_TYPE,
  type OrderClaimsMismatch,
  type OrderTokenClaims,
  orderTokenClaims,
} from '../../../src/core/orders/order-token';
import { err, type Result } from '../../../src/core/result';
import type { StoreSettings } from '../../../src/core/settings/store-settings';
import { type ServerKeys, SIGNING_ALGORITHM } from '../auth/server-keys';

// Signs imported orders, and checks such a signature the way a till must
// offline (docs/web-shop.md). jose is Node/WebCrypto, so this lives on the
// server; the claims themselves come from src/core/orders/order-token.ts.

/** The order with a fresh `signedToken` over its signed content. */
export async function signOrder(
  keys: Pick<ServerKeys, 'kid' | 'privateKey'>,
  order: ClickCollectOrder,
): Promise<ClickCollectOrder> {
  const claims = orderTokenClaims(order);
  // A validated order is plain JSON of strings and integers: this never happens.
  if (!claims.ok) throw new Error(`order ${order.id}: cannot sign ${claims.error.path}`);
  const signedToken = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims.value)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.kid, typ: ORDER_TOKEN_TYPE })
    .sign(keys.privateKey);
  return { ...order, signedToken };
}

export type OrderTokenProblem =
  | 'unsigned'
  | 'malformed'
  /** The token names a key (`kid`) other than the one given. */
  | 'other-key'
  | 'bad-signature'
  | OrderClaimsMismatch;

/** The server's public key as a till has it (the settings' `orderSigningKey`, a JWK), or a CryptoKey. */
export type OrderSigningKey = CryptoKey | StoreSettings['orderSigningKey'];

/**
 * Checks an order's `signedToken` with the server's public key only (no
 * network): a valid EdDSA signature by that key, of an order token, whose
 * claims match this order's signed content.
 */
export async function verifyOrderToken(
  order: ClickCollectOrder,
  key: OrderSigningKey,
): Promise<Result<OrderTokenClaims, OrderTokenProblem>> {
  const token = order.signedToken;
  if (token === undefined) return err('unsigned');
  try {
    const { payload, protectedHeader } = await compactVerify(
      token,
      async (header) => {
        if ('kty' in key && key.kid !== undefined && header.kid !== key.kid) throw new OtherKey();
        return 'kty' in key ? importJWK(key, SIGNING_ALGORITHM) : key;
      },
      { algorithms: [SIGNING_ALGORITHM] },
    );
    if (protectedHeader.typ !== ORDER_TOKEN_TYPE) return err('malformed');
    return checkOrderTokenClaims(order, parseJson(new TextDecoder().decode(payload)));
  } catch (error) {
    if (error instanceof OtherKey) return err('other-key');
    if (error instanceof errors.JWSSignatureVerificationFailed) return err('bad-signature');
    if (error instanceof errors.JOSEError || error instanceof TypeError) return err('malformed');
    throw error;
  }
}

class OtherKey extends Error {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
