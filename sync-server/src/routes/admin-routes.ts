import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pairingCodeRequestSchema } from '../../../src/core/sync/wire';
import { opaqueIdSchema } from '../../../src/core/values/identifiers';
import { bearerOf } from '../auth/authenticate';
import { sameHash, sha256Hex } from '../auth/secrets';
import { issuePairingCode, revokeTill } from '../auth/till-registry';
import type { Database } from '../db/database';
import { badRequest, HttpProblem, issueDetails, unauthenticated } from '../http/errors';

export interface AdminRouteDeps {
  readonly db: Database;
  /** Undefined: the admin API is off. */
  readonly adminToken: string | undefined;
  readonly onRevoked: () => void;
}

/** Till ids are server-minted UUIDs; anything else cannot name a till (and U+0000 could not even be queried). */
const tillParamsSchema = z.strictObject({ tillId: opaqueIdSchema });

/** Back-office operations under /admin/v1, behind the admin token. */
export async function adminRoutes(app: FastifyInstance, deps: AdminRouteDeps): Promise<void> {
  const expectedHash = deps.adminToken ? sha256Hex(deps.adminToken) : undefined;
  app.addHook('onRequest', async (request) => {
    if (!expectedHash) throw unauthenticated('the admin API is off: set TILL_ADMIN_TOKEN');
    const token = bearerOf(request);
    if (!token || !sameHash(sha256Hex(token), expectedHash))
      throw unauthenticated('admin token not accepted');
  });

  app.post('/pairing-codes', async (request, reply) => {
    const body = pairingCodeRequestSchema.safeParse(request.body);
    if (!body.success)
      throw badRequest(
        'pairing code request: { storeCode, tillCode, ttlMinutes? }',
        issueDetails(body.error.issues),
      );
    const issued = await issuePairingCode(
      deps.db,
      body.data.storeCode,
      body.data.tillCode,
      body.data.ttlMinutes,
    );
    return reply.code(201).send(issued);
  });

  app.post('/tills/:tillId/revoke', async (request) => {
    const params = tillParamsSchema.safeParse(request.params);
    if (!params.success) throw badRequest('till id: 1-64 characters A-Z a-z 0-9 . _ : -');
    const { tillId } = params.data;
    if (!(await revokeTill(deps.db, tillId)))
      throw new HttpProblem(404, 'not-found', `no active till ${tillId}`);
    deps.onRevoked();
    return { revoked: tillId };
  });

  // Per till: entries stored, distinct sequences, and the verified chain head.
  // stored = distinct = head sequence means every entry arrived exactly once.
  app.get('/journals', async () => {
    const result = await deps.db.query(
      `SELECT t.id AS "tillId", t.store_code AS "storeCode", t.till_code AS "tillCode",
              count(d.id)::int AS "storedEntries",
              count(DISTINCT (d.doc->>'sequence'))::int AS "distinctSequences",
              h.sequence AS "headSequence"
       FROM tills t
       LEFT JOIN sync_documents d ON d.collection = 'journal' AND d.scope = t.id
       LEFT JOIN journal_heads h ON h.till_id = t.id
       GROUP BY t.id, t.store_code, t.till_code, h.sequence
       ORDER BY t.store_code, t.till_code, t.id`,
    );
    return { journals: result.rows };
  });

  app.get('/incidents', async () => {
    const result = await deps.db.query(
      `SELECT id, till_id AS "tillId", store_code AS "storeCode", code, from_sequence AS "fromSequence",
              to_sequence AS "toSequence", entry_id AS "entryId", detail, created_at AS "createdAt"
       FROM journal_incidents ORDER BY id DESC LIMIT 500`,
    );
    return { incidents: result.rows };
  });
}
