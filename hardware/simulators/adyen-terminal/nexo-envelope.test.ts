import { describe, expect, it } from 'vitest';
import { adyen } from '../../payment/adyen/adyen-library';
import { deriveKeys, open, seal } from './nexo-envelope';

// The simulator's own implementation of Adyen's local encryption must agree
// with the library the till uses, in both directions.
const key = { AdyenCryptoVersion: 1, KeyIdentifier: 'k1', KeyVersion: 2, Passphrase: 'shared secret' };
const header = {
  MessageCategory: 'Payment',
  MessageClass: 'Service',
  MessageType: 'Request',
  POIID: 'P',
} as unknown as Parameters<typeof adyen.NexoCrypto.encrypt>[0];

describe('nexo envelope', () => {
  it('opens what the library encrypts', () => {
    const json = JSON.stringify({ hello: 'terminal', amount: 12.34 });
    const secured = adyen.NexoCrypto.encrypt(header, json, key);
    expect(open(deriveKeys('shared secret'), secured as never)).toEqual({ ok: true, json });
  });

  it('seals what the library decrypts', () => {
    const json = JSON.stringify({ SaleToPOIResponse: { ok: 'yes' } });
    const envelope = seal(deriveKeys('shared secret'), json, 'k1', 2);
    const decrypted = new adyen.NexoCrypto().decrypt({ MessageHeader: header, ...envelope } as never, key);
    expect(decrypted).toBe(json);
  });

  it('rejects a wrong passphrase and a tampered message', () => {
    const secured = adyen.NexoCrypto.encrypt(header, '{"a":1}', key);
    expect(open(deriveKeys('another secret'), secured as never).ok).toBe(false);
    const blob = Buffer.from(secured.NexoBlob, 'base64');
    blob[0] = (blob[0] ?? 0) ^ 1;
    const tampered = { ...secured, NexoBlob: blob.toString('base64') };
    expect(open(deriveKeys('shared secret'), tampered as never)).toEqual(
      expect.objectContaining({ ok: false }),
    );
  });
});
