import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClickCollectOrder } from '../../src/core/orders/click-collect-order';
import { createClickCollectOrder } from '../../src/core/orders/create-click-collect-order';
import { EXAMPLE_WEB_ORDER } from '../../src/core/orders/example-orders';
import type { StoreSettings } from '../../src/core/settings/store-settings';
import { verifyOrderTokenOffline } from '../../src/data/order-token-verifier';
import { signOrder } from '../../sync-server/src/shop/order-token';

// The server signs an online order with jose; a till checks it with only
// WebCrypto and the public key from its store settings: no network, no jose.
describe('signed order tokens, verified on the till', () => {
  let key: StoreSettings['orderSigningKey'];
  let signed: ClickCollectOrder;
  let otherPrivateKey: CryptoKey;

  beforeAll(async () => {
    const kid = randomUUID();
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(pair.publicKey);
    key = { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid };
    const created = createClickCollectOrder({
      id: '0192f0c0-0000-7000-8000-000000000001',
      pickupCode: 'K7QM2XPD',
      webOrder: { ...EXAMPLE_WEB_ORDER, webOrderId: 'WEB-2026-000042' },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    signed = await signOrder({ kid, privateKey: pair.privateKey }, created.value);
    otherPrivateKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
  });

  it('accepts the order the server signed', async () => {
    const verified = await verifyOrderTokenOffline(signed, key);
    expect(verified).toEqual({
      ok: true,
      value: expect.objectContaining({ orderId: signed.id, webOrderId: 'WEB-2026-000042' }),
    });
  });

  it('still accepts it after tills changed what is not signed (status, handovers)', async () => {
    expect((await verifyOrderTokenOffline({ ...signed, status: 'picking' }, key)).ok).toBe(true);
  });

  it('refuses a changed order, a forged signature, another key and an unsigned order', async () => {
    const changedPickup = await verifyOrderTokenOffline({ ...signed, pickupCode: 'ZZZZ2222' }, key);
    expect(changedPickup).toEqual({ ok: false, error: 'content-changed' });

    const forged = await signOrder({ kid: key.kid ?? '', privateKey: otherPrivateKey }, signed);
    expect(await verifyOrderTokenOffline(forged, key)).toEqual({ ok: false, error: 'bad-signature' });

    expect(await verifyOrderTokenOffline(signed, { ...key, kid: 'another-key' })).toEqual({
      ok: false,
      error: 'other-key',
    });

    const { signedToken: _removed, ...unsigned } = signed;
    expect(await verifyOrderTokenOffline(unsigned, key)).toEqual({ ok: false, error: 'unsigned' });
  });

  it('refuses tokens that are not well-formed order tokens', async () => {
    for (const token of ['', 'a.b', 'a.b.c.d', '!!.??.**', `${'e30'}.${'e30'}.AAAA`]) {
      expect((await verifyOrderTokenOffline({ ...signed, signedToken: token }, key)).ok).toBe(false);
    }
  });

  it('signs the payments a return refunds to: an order with payments verifies, an altered payment does not', async () => {
    const kid = key.kid ?? '';
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(pair.publicKey);
    const paidKey = { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid } as const;
    const created = createClickCollectOrder({
      id: '0192f0c0-0000-7000-8000-000000000002',
      pickupCode: 'K7QM2XPE',
      webOrder: {
        ...EXAMPLE_WEB_ORDER,
        webOrderId: 'WEB-2026-000043',
        payments: [
          {
            paymentId: 'psp-1',
            type: 'card',
            amount: { minor: 10329, currency: 'EUR' },
            reference: 'PSP-1',
            accountId: null,
          },
        ],
      },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const paid = await signOrder({ kid, privateKey: pair.privateKey }, created.value);
    expect((await verifyOrderTokenOffline(paid, paidKey)).ok).toBe(true);
    const lowered = {
      ...paid,
      payments: [
        { ...(paid.payments?.[0] ?? created.value.payments?.[0]), amount: { minor: 1, currency: 'EUR' } },
      ],
    } as ClickCollectOrder;
    expect(await verifyOrderTokenOffline(lowered, paidKey)).toEqual({ ok: false, error: 'content-changed' });
    // Payments slipped into an order signed before payments were signed are not vouched for either.
    const { payments: _none, ...withoutPayments } = created.value;
    const oldSigned = await signOrder({ kid, privateKey: pair.privateKey }, withoutPayments);
    expect((await verifyOrderTokenOffline(oldSigned, paidKey)).ok).toBe(true);
    expect(
      await verifyOrderTokenOffline(
        { ...oldSigned, payments: created.value.payments } as ClickCollectOrder,
        paidKey,
      ),
    ).toEqual({ ok: false, error: 'content-changed' });
  });
});
