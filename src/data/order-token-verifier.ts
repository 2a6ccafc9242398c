import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import {
  checkOrderTokenClaims,
  ORDER_TOKEN_TYPE,
  type OrderClaimsMismatch,
  type OrderTokenClaims,
} from '../core/orders/order-token';
import { err, type Result } from '../core/result';
import type { StoreSettings } from '../core/settings/store-settings';

export type OfflineOrderTokenProblem =
  | 'unsigned'
  | 'malformed'
  /** The token names a key other than the one this till holds. */
  | 'other-key'
  | 'bad-signature'
  /** This browser's WebCrypto has no Ed25519: the order cannot be checked here. */
  | 'unsupported'
  | OrderClaimsMismatch;

/**
 * Checks an online order's `signedToken` on the till, with no network: an
 * Ed25519 signature (WebCrypto) by the server key from the store settings,
 * over an order token whose claims match the order in hand
 * (docs/web-shop.md, "verify offline"). Goods are handed over only on `ok`.
 */
export async function verifyOrderTokenOffline(
  order: ClickCollectOrder,
  key: StoreSettings['orderSigningKey'],
): Promise<Result<OrderTokenClaims, OfflineOrderTokenProblem>> {
  const token = order.signedToken;
  if (token === undefined) return err('unsigned');
  const [encodedHeader, encodedPayload, encodedSignature, ...extra] = token.split('.');
  if (
    encodedHeader === undefined ||
    encodedPayload === undefined ||
    encodedSignature === undefined ||
    extra.length > 0
  ) {
    return err('malformed');
  }
  const header = parseJson(decodeText(encodedHeader));
  if (!isOrderTokenHeader(header)) return err('malformed');
  if (key.kid !== undefined && header.kid !== key.kid) return err('other-key');
  const signature = base64UrlToBytes(encodedSignature);
  if (!signature) return err('malformed');

  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: key.x },
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
  } catch {
    return err('unsupported');
  }
  const signingInput = new TextEncoder().encode(`${encodedHeader}.${encodedPayload}`);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, signingInput);
  if (!valid) return err('bad-signature');
  return checkOrderTokenClaims(order, parseJson(decodeText(encodedPayload)));
}

function isOrderTokenHeader(value: unknown): value is { alg: 'EdDSA'; typ: string; kid?: string } {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header.alg === 'EdDSA' &&
    header.typ === ORDER_TOKEN_TYPE &&
    (header.kid === undefined || typeof header.kid === 'string')
  );
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function decodeText(encoded: string): string | undefined {
  const bytes = base64UrlToBytes(encoded);
  return bytes ? new TextDecoder().decode(bytes) : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
