import { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { canonicalJson } from '../journal/canonical-json';
import { sha256Hex } from '../journal/entry-hash';
import { err, ok, type Result } from '../result';
import type { ClickCollectOrder } from './click-collect-order';
import { webOrderIdSchema } from './order-values';
import { signedOrderContent } from './signed-content';

// The claims inside an order's `signedToken` (a compact JWS, EdDSA, signed by
// the server; docs/web-shop.md). The token carries a SHA-256 of the signed
// content rather than the content itself: an order of 200 lines would not fit
// the 8 KiB a document allows for the token, and the till holds the order
// anyway. The digest is over the RFC 8785 canonical JSON of
// `signedOrderContent`, so key order or a JSON round trip never changes it.
//
// Pure on purpose: the signature check needs Ed25519 (jose on the server,
// WebCrypto in the renderer), but what the signature must vouch for is
// decided here once, for signer and verifiers alike.

/** JWS `typ` header of order tokens, so an access token (same key) is never taken for one. */
export const ORDER_TOKEN_TYPE = 'till-order+jws';

export const orderTokenClaimsSchema = z.strictObject({
  orderId: uuidV7Schema,
  webOrderId: webOrderIdSchema,
  /** Lower-case hex SHA-256 of the canonical JSON of `signedOrderContent(order)`. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'contentSha256: 64 lower-case hex digits'),
});
export type OrderTokenClaims = z.infer<typeof orderTokenClaimsSchema>;

export type OrderTokenContentError = { readonly code: 'not-canonical-json'; readonly path: string };

/** What the server signs for `order`. Fails only for content JSON cannot carry exactly (a validated order never does). */
export function orderTokenClaims(order: ClickCollectOrder): Result<OrderTokenClaims, OrderTokenContentError> {
  // A JSON round trip drops keys whose value is undefined, as storing the order does.
  const content: unknown = JSON.parse(JSON.stringify(signedOrderContent(order)));
  const text = canonicalJson(content);
  if (!text.ok) return err({ code: 'not-canonical-json', path: text.error.path });
  return ok({ orderId: order.id, webOrderId: order.webOrderId, contentSha256: sha256Hex(text.value) });
}

export type OrderClaimsMismatch = 'malformed-claims' | 'other-order' | 'content-changed';

/**
 * Checks the payload of a token whose signature already verified against
 * `order`: same order, same signed content. Status and handovers may differ
 * (tills change them offline; they are not signed).
 */
export function checkOrderTokenClaims(
  order: ClickCollectOrder,
  payload: unknown,
): Result<OrderTokenClaims, OrderClaimsMismatch> {
  const claims = orderTokenClaimsSchema.safeParse(payload);
  if (!claims.success) return err('malformed-claims');
  if (claims.data.orderId !== order.id || claims.data.webOrderId !== order.webOrderId)
    return err('other-order');
  const expected = orderTokenClaims(order);
  if (!expected.ok || expected.value.contentSha256 !== claims.data.contentSha256)
    return err('content-changed');
  return ok(claims.data);
}
