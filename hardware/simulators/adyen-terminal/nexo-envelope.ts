import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  pbkdf2Sync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// The terminal's side of Adyen's local encryption, written from the
// published scheme rather than taken from the library, so the simulator
// checks the till's encryption instead of agreeing with itself:
// PBKDF2-SHA1(passphrase, "AdyenNexoV1Salt", 4000) gives 80 bytes = HMAC key
// (32) | AES-256 key (32) | IV (16); each message's IV is that IV XOR a random
// nonce; the HMAC-SHA256 is over the plain JSON.

type Keys = { readonly hmacKey: Buffer; readonly cipherKey: Buffer; readonly iv: Buffer };

export function deriveKeys(passphrase: string): Keys {
  const material = pbkdf2Sync(Buffer.from(passphrase, 'binary'), 'AdyenNexoV1Salt', 4000, 80, 'sha1');
  return {
    hmacKey: material.subarray(0, 32),
    cipherKey: material.subarray(32, 64),
    iv: material.subarray(64, 80),
  };
}

const ivFor = (keys: Keys, nonce: Buffer) => Buffer.from(keys.iv.map((byte, i) => byte ^ (nonce[i] ?? 0)));

export type SecurityTrailer = {
  readonly AdyenCryptoVersion: number;
  readonly KeyIdentifier: string;
  readonly KeyVersion: number;
  readonly Nonce: string;
  readonly Hmac: string;
};

export type Envelope = { readonly NexoBlob: string; readonly SecurityTrailer: SecurityTrailer };

/** The plain JSON, or why the envelope is not acceptable (bad HMAC, bad padding). */
export function open(
  keys: Keys,
  envelope: Envelope,
): { ok: true; json: string } | { ok: false; reason: string } {
  try {
    const nonce = Buffer.from(envelope.SecurityTrailer.Nonce, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', keys.cipherKey, ivFor(keys, nonce));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(envelope.NexoBlob, 'base64')),
      decipher.final(),
    ]);
    const expected = createHmac('sha256', keys.hmacKey).update(plain).digest();
    const received = Buffer.from(envelope.SecurityTrailer.Hmac, 'base64');
    if (expected.length !== received.length || !timingSafeEqual(expected, received))
      return { ok: false, reason: 'HMAC mismatch' };
    return { ok: true, json: plain.toString('utf8') };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function seal(keys: Keys, json: string, keyIdentifier: string, keyVersion: number): Envelope {
  const nonce = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keys.cipherKey, ivFor(keys, nonce));
  const plain = Buffer.from(json, 'utf8');
  return {
    NexoBlob: Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64'),
    SecurityTrailer: {
      AdyenCryptoVersion: 1,
      KeyIdentifier: keyIdentifier,
      KeyVersion: keyVersion,
      Nonce: nonce.toString('base64'),
      Hmac: createHmac('sha256', keys.hmacKey).update(plain).digest().toString('base64'),
    },
  };
}
