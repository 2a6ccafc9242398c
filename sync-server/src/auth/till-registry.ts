import { randomUUID } from 'node:crypto';
import { GENESIS_PREV_HASH } from '../../../src/core/journal/journal-values';
import { err, ok, type Result } from '../../../src/core/result';
import type { EnrolResponse } from '../../../src/core/sync/wire';
import type { Database, Queryable } from '../db/database';
import type { TillPrincipal } from './access-token';
import { newCredential, newPairingCode, sameHash, sha256Hex } from './secrets';

export async function ensureStore(db: Database, code: string, name: string): Promise<void> {
  await db.query('INSERT INTO stores (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [
    code,
    name,
  ]);
}

export async function issuePairingCode(
  db: Database,
  storeCode: string,
  tillCode: string,
  ttlMinutes: number,
) {
  const pairingCode = newPairingCode();
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await ensureStore(db, storeCode, storeCode);
  await db.query(
    'INSERT INTO pairing_codes (code_hash, store_code, till_code, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256Hex(pairingCode), storeCode, tillCode, expiresAt.toISOString()],
  );
  return { pairingCode, expiresAt: expiresAt.toISOString() };
}

export type EnrolProblem = 'unknown-code' | 'code-used' | 'code-expired';

/**
 * Turns a one-time pairing code into a till identity and credential. A till
 * enrolled again under the same store and till code (replaced hardware)
 * revokes the previous one.
 */
export async function enrolTill(
  db: Database,
  pairingCode: string,
  deviceName: string,
): Promise<Result<EnrolResponse, EnrolProblem>> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{
      store_code: string;
      till_code: string;
      expires_at: Date;
      used_at: Date | null;
    }>(
      'SELECT store_code, till_code, expires_at, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE',
      [sha256Hex(pairingCode)],
    );
    const code = found.rows[0];
    if (!code) return err('unknown-code');
    if (code.used_at) return err('code-used');
    if (new Date(code.expires_at).getTime() < Date.now()) return err('code-expired');
    const tillId = randomUUID();
    const credential = newCredential();
    // Enrolments of one store wait for each other here: otherwise two at once
    // for the same till code both find no active till to revoke, and the
    // second INSERT breaks tills_active_code (a 500). Once the first commits,
    // the second's UPDATE sees and revokes it.
    await tx.query('SELECT code FROM stores WHERE code = $1 FOR NO KEY UPDATE', [code.store_code]);
    // The new device continues the till code's numbering from the head the
    // server holds for it; every earlier device of the code is revoked and
    // its range closed there (docs/sync-protocol.md, "Replacing a till").
    const journalStart = await tillCodeHead(tx, code.store_code, code.till_code);
    await tx.query(
      `UPDATE tills SET revoked_at = COALESCE(revoked_at, now()), sequence_limit = COALESCE(sequence_limit, $3)
       WHERE store_code = $1 AND till_code = $2 AND (revoked_at IS NULL OR sequence_limit IS NULL)`,
      [code.store_code, code.till_code, journalStart.sequence],
    );
    await tx.query(
      `INSERT INTO tills (id, store_code, till_code, device_name, credential_hash, journal_start_sequence, journal_start_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tillId,
        code.store_code,
        code.till_code,
        deviceName,
        sha256Hex(credential),
        journalStart.sequence,
        journalStart.prevHash,
      ],
    );
    await tx.query('UPDATE pairing_codes SET used_at = now(), used_by = $2 WHERE code_hash = $1', [
      sha256Hex(pairingCode),
      tillId,
    ]);
    return ok({ tillId, storeCode: code.store_code, tillCode: code.till_code, credential, journalStart });
  });
}

/**
 * Where a till code's numbering stands: the highest sequence the server
 * holds for any device of the code (its entries, or a device's start when
 * it has none yet), and that entry's hash. Genesis for a new code.
 */
async function tillCodeHead(
  tx: Queryable,
  storeCode: string,
  tillCode: string,
): Promise<{ sequence: number; prevHash: string }> {
  const result = await tx.query<{ sequence: string | number; hash: string }>(
    `SELECT sequence, hash FROM (
       SELECT t.journal_start_sequence AS sequence, t.journal_start_hash AS hash
       FROM tills t WHERE t.store_code = $1 AND t.till_code = $2
       UNION ALL
       SELECT h.sequence, h.hash FROM journal_heads h JOIN tills t ON t.id = h.till_id
       WHERE t.store_code = $1 AND t.till_code = $2
     ) heads ORDER BY sequence DESC LIMIT 1`,
    [storeCode, tillCode],
  );
  const row = result.rows[0];
  return row
    ? { sequence: Number(row.sequence), prevHash: row.hash }
    : { sequence: 0, prevHash: GENESIS_PREV_HASH };
}

export type CredentialProblem = 'malformed' | 'unknown-till' | 'wrong-credential';

/** Checks a `<tillId>.<credential>` pair against the stored hash. */
export async function authenticateTill(
  db: Database,
  presented: string,
): Promise<Result<TillPrincipal, CredentialProblem>> {
  const dot = presented.indexOf('.');
  if (dot <= 0) return err('malformed');
  const tillId = presented.slice(0, dot);
  const credential = presented.slice(dot + 1);
  const found = await db.query<{
    store_code: string;
    till_code: string;
    credential_hash: string;
    revoked_at: Date | null;
  }>('SELECT store_code, till_code, credential_hash, revoked_at FROM tills WHERE id = $1', [tillId]);
  const till = found.rows[0];
  if (!till) return err('unknown-till');
  if (!sameHash(sha256Hex(credential), till.credential_hash)) return err('wrong-credential');
  // A revoked till still authenticates, as revoked: it may only upload the
  // journal entries it holds (docs/sync-protocol.md, "Replacing a till").
  return ok({
    tillId,
    storeCode: till.store_code,
    tillCode: till.till_code,
    revoked: till.revoked_at !== null,
  });
}

/**
 * Revokes a till: its credential then only buys tokens that may upload the
 * journal entries it holds, numbered up to the head the server holds for it
 * now (its range's limit); anything past that is held for a person.
 */
export async function revokeTill(
  db: Database,
  tillId: string,
): Promise<{ readonly revokedAt: string; readonly sequenceLimit: number } | null> {
  const result = await db.query<{ revoked_at: Date | string; sequence_limit: string | number }>(
    `UPDATE tills t SET revoked_at = now(),
       sequence_limit = COALESCE(t.sequence_limit,
         GREATEST(t.journal_start_sequence, (SELECT h.sequence FROM journal_heads h WHERE h.till_id = t.id)))
     WHERE t.id = $1 AND t.revoked_at IS NULL RETURNING t.revoked_at, t.sequence_limit`,
    [tillId],
  );
  const row = result.rows[0];
  if (!row) return null;
  return { revokedAt: new Date(row.revoked_at).toISOString(), sequenceLimit: Number(row.sequence_limit) };
}

/**
 * Revoked till ids, refreshed at most every `maxAgeMs`: a revoked till's
 * unexpired access tokens stop working within that delay on every instance.
 */
export function revocationCache(db: Database, maxAgeMs = 30_000) {
  let revoked = new Set<string>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  const refresh = async () => {
    const result = await db.query<{ id: string }>('SELECT id FROM tills WHERE revoked_at IS NOT NULL');
    revoked = new Set(result.rows.map((row) => row.id));
    loadedAt = Date.now();
  };
  return {
    async isRevoked(tillId: string): Promise<boolean> {
      if (Date.now() - loadedAt > maxAgeMs) {
        loading ??= refresh().finally(() => {
          loading = undefined;
        });
        await loading;
      }
      return revoked.has(tillId);
    },
    invalidate() {
      loadedAt = 0;
    },
  };
}
