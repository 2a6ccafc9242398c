import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../../../sync-server/src/auth/access-token';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

describe.each(DATABASE_KINDS)('enrolment and authentication on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;
  const protocol = { 'x-till-protocol': '1' };

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
  });
  afterAll(() => t?.close());

  const pullWith = (token: string) =>
    t.server.app.inject({
      method: 'GET',
      url: '/sync/v1/products/pull',
      headers: { ...protocol, authorization: `Bearer ${token}` },
    });

  it('an enrolled till pulls with its access token', async () => {
    const response = await till.request('GET', '/sync/v1/products/pull?limit=10');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ documents: [], checkpoint: { seq: 0 }, remaining: 0 });
  });

  it('a pairing code works once (a replay is refused) and nothing else enrols', async () => {
    const code = (
      await t.admin('POST', '/admin/v1/pairing-codes', { storeCode: 'PAR01', tillCode: '02' })
    ).json().pairingCode;
    const enrol = () =>
      t.server.app.inject({
        method: 'POST',
        url: '/sync/v1/enrol',
        headers: protocol,
        payload: { pairingCode: code, deviceName: 'x' },
      });
    expect((await enrol()).statusCode).toBe(201);
    const replay = await enrol();
    expect(replay.statusCode).toBe(401);
    // The reason travels as a value, so the till can tell the cashier what to do (start screen).
    expect(replay.json()).toEqual({
      error: 'unauthenticated',
      message: 'pairing code already used',
      details: { reason: 'code-used' },
    });
    const unknown = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/enrol',
      headers: protocol,
      payload: { pairingCode: 'AAAA-BBBB-CCCC', deviceName: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().details).toEqual({ reason: 'unknown-code' });
  });

  it('an expired pairing code is refused', async () => {
    const code = (
      await t.admin('POST', '/admin/v1/pairing-codes', { storeCode: 'PAR01', tillCode: '03', ttlMinutes: 1 })
    ).json().pairingCode as string;
    await t.db.query("UPDATE pairing_codes SET expires_at = now() - interval '1 minute'");
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/enrol',
      headers: protocol,
      payload: { pairingCode: code, deviceName: 'x' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('pairing code expired');
  });

  it('refuses a wrong credential, a forged token and an expired token', async () => {
    const wrongCredential = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { ...protocol, authorization: `Bearer ${till.tillId}.${'A'.repeat(43)}` },
    });
    expect(wrongCredential.statusCode).toBe(401);

    const otherKey = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ store: 'PAR01', till: '01', scope: 'till' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(till.tillId)
      .setIssuer('store-till-sync')
      .setAudience('till')
      .setExpirationTime('10m')
      .sign(otherKey.privateKey);
    expect((await pullWith(forged)).statusCode).toBe(401);

    const expired = await signAccessToken(t.server.keys, till, new Date(Date.now() - 60 * 60_000));
    const response = await pullWith(expired.accessToken);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('access token expired');

    expect((await pullWith('not-a-token')).statusCode).toBe(401);
  });

  it('a revoked till loses everything but the upload of its journal', async () => {
    const doomed = await t.enrol('PAR01', '09');
    expect((await doomed.request('GET', '/sync/v1/products/pull')).statusCode).toBe(200);
    expect((await t.admin('POST', `/admin/v1/tills/${doomed.tillId}/revoke`)).statusCode).toBe(200);
    expect((await doomed.request('GET', '/sync/v1/products/pull')).statusCode).toBe(401);
    const token = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { ...protocol, authorization: `Bearer ${doomed.tillId}.${doomed.credential}` },
    });
    // Its credential still buys a token, restricted to journal pushes.
    expect(token.statusCode).toBe(200);
    const restricted = token.json().accessToken as string;
    const as = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.server.app.inject({
        method,
        url,
        headers: { ...protocol, authorization: `Bearer ${restricted}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    for (const url of [
      '/sync/v1/products/pull',
      '/sync/v1/journal/pull',
      '/sync/v1/orders/pull',
      '/sync/v1/stream',
    ])
      expect((await as('GET', url)).statusCode).toBe(401);
    expect((await as('POST', '/sync/v1/orders/push', [])).statusCode).toBe(401);
    expect((await as('POST', '/sync/v1/journal/push', [])).statusCode).toBe(200);
    const wrong = await t.server.app.inject({
      method: 'POST',
      url: '/sync/v1/token',
      headers: { ...protocol, authorization: `Bearer ${doomed.tillId}.${'x'.repeat(43)}` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('answers 426 to a client without or below the protocol version', async () => {
    const response = await t.server.app.inject({ method: 'GET', url: '/sync/v1/products/pull' });
    expect(response.statusCode).toBe(426);
    expect(response.json()).toMatchObject({ error: 'upgrade-required', details: { minProtocol: 1 } });
  });

  it('keeps the admin API behind its token', async () => {
    const response = await t.server.app.inject({
      method: 'POST',
      url: '/admin/v1/pairing-codes',
      payload: { storeCode: 'PAR01', tillCode: '01' },
    });
    expect(response.statusCode).toBe(401);
  });
});
