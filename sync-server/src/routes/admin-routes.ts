import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pairingCodeRequestSchema } from '../../../src/core/sync/wire';
import { opaqueIdSchema } from '../../../src/core/values/identifiers';
import { textSchema } from '../../../src/core/values/text';
import { bearerOf } from '../auth/authenticate';
import { refreshDeviceKeysOfTill } from '../auth/device-keys';
import { sameHash, sha256Hex } from '../auth/secrets';
import { issuePairingCode, revokeTill } from '../auth/till-registry';
import type { Database } from '../db/database';
import { badRequest, HttpProblem, issueDetails, unauthenticated } from '../http/errors';
import { listOrderMessages } from '../mail/order-messages';
import { listParkedProjections, requeueParkedProjection } from '../projections/parked-projections';
import { acceptHeldEntry, type ProjectEntries } from '../sync/held-entries';

export interface AdminRouteDeps {
  readonly db: Database;
  /** Projects accepted held entries (projectAcceptedEntries: in the accept's transaction, after the projection lock). */
  readonly project: ProjectEntries | undefined;
  /** Undefined: the admin API is off. */
  readonly adminToken: string | undefined;
  readonly onRevoked: () => void;
  /** After a parked projection is queued again: wakes this instance's projector (others poll). */
  readonly onRequeued?: () => void;
}

/** Till ids are server-minted UUIDs; anything else cannot name a till (and U+0000 could not even be queried). */
const tillParamsSchema = z.strictObject({ tillId: opaqueIdSchema });

/** Journal entry ids are the tills' UUIDs. */
const entryParamsSchema = z.strictObject({ entryId: opaqueIdSchema });

const incidentParamsSchema = z.strictObject({ id: z.string().regex(/^[1-9][0-9]{0,15}$/) });
const acceptBodySchema = z.strictObject({
  acceptedBy: textSchema('one-line', { min: 1, max: 80 }).optional(),
});

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
    const revoked = await revokeTill(deps.db, tillId);
    if (!revoked) throw new HttpProblem(404, 'not-found', `no active till ${tillId}`);
    deps.onRevoked();
    // Its key leaves the store settings: tickets it signs from now on are refused.
    await refreshDeviceKeysOfTill(deps.db, tillId);
    return { revoked: tillId, ...revoked };
  });

  // Per till: entries stored, distinct sequences, held entries, its numbering
  // range and the chain head. stored = distinct = headSequence - startSequence
  // means every entry of its range arrived exactly once.
  app.get('/journals', async () => {
    const result = await deps.db.query(
      `SELECT t.id AS "tillId", t.store_code AS "storeCode", t.till_code AS "tillCode",
              t.device_name AS "deviceName", t.enrolled_at AS "enrolledAt", t.revoked_at AS "revokedAt",
              t.journal_start_sequence::int AS "startSequence", t.sequence_limit::int AS "sequenceLimit",
              count(d.id)::int AS "storedEntries",
              count(DISTINCT (d.doc->>'sequence'))::int AS "distinctSequences",
              count(held.entry_id)::int AS "heldEntries",
              h.sequence::int AS "headSequence"
       FROM tills t
       LEFT JOIN sync_documents d ON d.collection = 'journal' AND d.scope = t.id
       LEFT JOIN journal_held_entries held ON held.entry_id = d.id AND held.accepted_at IS NULL
       LEFT JOIN journal_heads h ON h.till_id = t.id
       GROUP BY t.id, t.store_code, t.till_code, h.sequence
       ORDER BY t.store_code, t.till_code, t.enrolled_at, t.id`,
    );
    return { journals: result.rows };
  });

  // Order e-mails and whether the mail relay took them (kiosk receipts; docs/sync-protocol.md, "Receipt e-mails").
  app.get('/order-messages', async () => ({ messages: await listOrderMessages(deps.db) }));

  app.get('/incidents', async () => {
    const result = await deps.db.query(
      `SELECT i.id::int AS id, i.till_id AS "tillId", i.store_code AS "storeCode", i.code,
              i.from_sequence::int AS "fromSequence", i.to_sequence::int AS "toSequence",
              i.entry_id AS "entryId", i.detail, i.created_at AS "createdAt",
              (held.entry_id IS NOT NULL AND held.accepted_at IS NULL) AS held,
              held.accepted_at AS "acceptedAt"
       FROM journal_incidents i LEFT JOIN journal_held_entries held ON held.entry_id = i.entry_id
       ORDER BY i.id DESC LIMIT 500`,
    );
    return { incidents: result.rows };
  });

  // A person accepts a held entry (after checking it against the paper
  // receipt, the drawer count...): it is projected now, once.
  app.post('/incidents/:id/accept', async (request) => {
    const params = incidentParamsSchema.safeParse(request.params);
    if (!params.success) throw badRequest('incident id: a positive integer');
    const body = acceptBodySchema.safeParse(request.body ?? {});
    if (!body.success) throw badRequest('accept body: { acceptedBy? }', issueDetails(body.error.issues));
    const accepted = await acceptHeldEntry(
      deps.db,
      Number(params.data.id),
      body.data.acceptedBy ?? null,
      deps.project,
    );
    return accepted;
  });

  // Entries whose projection kept failing, parked so the others go on (docs/projections.md, "The projector").
  app.get('/projections/parked', async () => ({ parked: await listParkedProjections(deps.db) }));

  // Once the fault is fixed, a person puts a parked entry back in the queue: projected next, once.
  app.post('/projections/parked/:entryId/requeue', async (request) => {
    const params = entryParamsSchema.safeParse(request.params);
    if (!params.success) throw badRequest('entry id: 1-64 characters A-Z a-z 0-9 . _ : -');
    const { entryId } = params.data;
    if (!(await requeueParkedProjection(deps.db, entryId)))
      throw new HttpProblem(404, 'not-found', `no parked projection for entry ${entryId}`);
    deps.onRequeued?.();
    return { requeued: entryId };
  });
}
