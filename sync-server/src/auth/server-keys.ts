import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../db/database';

export const SIGNING_ALGORITHM = 'EdDSA';

export interface ServerKeys {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/**
 * The Ed25519 key pair that signs access tokens and online orders. It lives
 * in the database so every instance signs and verifies with the same key;
 * the first instance to start creates it, under a lock.
 */
export async function loadOrCreateServerKeys(db: Database): Promise<ServerKeys> {
  const stored = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('server_keys'))");
    const existing = await tx.query<{ id: string; private_jwk: JWK; public_jwk: JWK }>(
      'SELECT id, private_jwk, public_jwk FROM server_keys ORDER BY created_at LIMIT 1',
    );
    const row = existing.rows[0];
    if (row) return { kid: row.id, privateJwk: row.private_jwk, publicJwk: row.public_jwk };
    const pair = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const privateJwk = await exportJWK(pair.privateKey);
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid };
    await tx.query('INSERT INTO server_keys (id, private_jwk, public_jwk) VALUES ($1, $2, $3)', [
      kid,
      JSON.stringify(privateJwk),
      JSON.stringify(publicJwk),
    ]);
    return { kid, privateJwk, publicJwk };
  });
  const privateKey = await importJWK(stored.privateJwk, SIGNING_ALGORITHM);
  const publicKey = await importJWK(stored.publicJwk, SIGNING_ALGORITHM);
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array)
    throw new Error('server key is not an asymmetric key');
  return { kid: stored.kid, privateKey, publicKey, publicJwk: stored.publicJwk };
}
