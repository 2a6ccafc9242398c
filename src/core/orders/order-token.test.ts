import { describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, exampleReadyOrder, exampleReceivedOrder } from './example-orders';
import { checkOrderTokenClaims, orderTokenClaims } from './order-token';

function claimsOf(order: Parameters<typeof orderTokenClaims>[0]) {
  const claims = orderTokenClaims(order);
  if (!claims.ok) throw new Error(`claims: ${claims.error.path}`);
  return claims.value;
}

/** The same object with its keys in reverse order, at every level (as jsonb may hand them back). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('order token claims', () => {
  const order = exampleReceivedOrder();

  it('name the order and digest its signed content', () => {
    const claims = claimsOf(order);
    expect(claims.orderId).toBe(EXAMPLE_IDS.clickCollectOrder);
    expect(claims.webOrderId).toBe('WEB-100234');
    expect(claims.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('do not depend on key order', () => {
    const shuffled = reversedKeys(order);
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(order));
    expect(checkOrderTokenClaims(order, claimsOf(order))).toEqual({ ok: true, value: claimsOf(order) });
    expect(claimsOf(shuffled as typeof order)).toEqual(claimsOf(order));
  });

  it('ignore what tills change offline (status), not the web content or the pickup code', () => {
    expect(claimsOf(exampleReadyOrder())).toEqual(claimsOf(order));
    expect(claimsOf({ ...exampleReadyOrder(), readyAt: '2025-03-02T09:00:00Z' })).toEqual(claimsOf(order));
    expect(claimsOf({ ...order, pickupCode: 'ZZZZZZZZ' }).contentSha256).not.toBe(
      claimsOf(order).contentSha256,
    );
    const [first, ...rest] = order.lines;
    if (!first) throw new Error('no line');
    const repriced = {
      ...order,
      lines: [{ ...first, unitPrice: { ...first.unitPrice, minor: 1 } }, ...rest],
    };
    expect(checkOrderTokenClaims(repriced, claimsOf(order))).toEqual({ ok: false, error: 'content-changed' });
  });

  it('refuse claims of another order or of the wrong shape', () => {
    const claims = claimsOf(order);
    expect(checkOrderTokenClaims(order, { ...claims, orderId: EXAMPLE_IDS.kioskOrder })).toEqual({
      ok: false,
      error: 'other-order',
    });
    expect(checkOrderTokenClaims(order, { ...claims, extra: 1 })).toEqual({
      ok: false,
      error: 'malformed-claims',
    });
    expect(checkOrderTokenClaims(order, 'not an object')).toEqual({ ok: false, error: 'malformed-claims' });
  });
});

describe('order token claims of orders signed before payments were signed', () => {
  it('keep the digest the server signed then (computed by the code before the payments field existed)', () => {
    expect(claimsOf(exampleReceivedOrder()).contentSha256).toBe(
      '8f3a2f0c6b128556b5b3cfb01ca9f25b30f44ffc2951fe06f73908e5b9dc2b69',
    );
  });
});
