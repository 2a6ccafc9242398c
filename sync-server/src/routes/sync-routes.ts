import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EnrolmentRefusal } from '../../../src/core/error-codes';
import { type ReceiptMailAnswer, receiptMailRequestSchema } from '../../../src/core/orders/receipt-mail';
import { deviceKeyRequestSchema } from '../../../src/core/settings/device-keys';
import {
  isSyncCollection,
  SYNC_COLLECTION_NAMES,
  type SyncCollectionName,
} from '../../../src/core/sync/collections';
import { MAX_UPLOAD_BYTES, PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import {
  deltaCollectionsOf,
  enrolRequestSchema,
  pullQuerySchema,
  saleLookupQuerySchema,
} from '../../../src/core/sync/wire';
import { signAccessToken, type TillPrincipal } from '../auth/access-token';
import { bearerOf, revokedTillMayOnlyPushJournal, tillAuthentication } from '../auth/authenticate';
import { refreshDeviceKeysOfTill, registerDeviceKey } from '../auth/device-keys';
import type { ServerKeys } from '../auth/server-keys';
import { authenticateTill, enrolTill } from '../auth/till-registry';
import type { Database } from '../db/database';
import { badRequest, HttpProblem, issueDetails, unauthenticated } from '../http/errors';
import { decompressRequestBody } from '../http/request-decompression';
import { queueKioskReceiptMail } from '../mail/order-messages';
import type { Metrics } from '../ops/metrics';
import type { Projector } from '../projections/projector';
import type { UploadPriority } from '../projections/upload-priority';
import { shiftTotalsRoute } from '../shifts/shift-totals-route';
import { kioskReleaseRoute, kioskReservationRoute } from '../stock/reservation-route';
import type { ChangeHub } from '../sync/change-hub';
import type { DeltaFeed, DocumentDelta } from '../sync/delta-feed';
import { pullDocuments } from '../sync/document-store';
import type { Incident } from '../sync/journal-arrival';
import { handleJournalUpload } from '../sync/journal-upload';
import { handlePush, type PushHooks } from '../sync/push';
import { lookupStoreSale } from '../sync/sale-lookup';
import { scopeForTill } from '../sync/till-visibility';
import { catalogRoutes } from './catalog-routes';

export interface SyncRouteDeps {
  readonly db: Database;
  readonly keys: ServerKeys;
  readonly hub: ChangeHub;
  readonly metrics: Metrics;
  readonly isRevoked: (tillId: string) => Promise<boolean>;
  readonly pushHooks?: PushHooks;
  /** Woken after each journal push that stored something: projection follows the commit within milliseconds. */
  readonly projector?: Projector | undefined;
  /** Tells this instance's projector when bulk journal uploads are being stored (they go first). */
  readonly uploadPriority?: Pick<UploadPriority, 'begin'>;
  /** Stock and store sales changes as deltas, per store, for streams that ask for them (section 8). */
  readonly deltas?: DeltaFeed;
}

const STREAM_PING_MS = 15_000;

function collectionOf(request: FastifyRequest): SyncCollectionName {
  const { collection } = request.params as { collection?: string };
  if (!collection || !isSyncCollection(collection)) {
    throw new HttpProblem(404, 'not-found', `unknown collection: ${collection ?? ''}`);
  }
  return collection;
}

function principal(request: FastifyRequest): TillPrincipal {
  if (!request.till) throw unauthenticated('missing access token');
  return request.till;
}

/** Replication, enrolment and the live stream under /sync/v1 (docs/sync-protocol.md). */
export async function syncRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.decorateRequest('till', null);

  app.addHook('onRequest', async (request) => {
    const version = Number(request.headers[PROTOCOL_HEADER] ?? 0);
    if (!Number.isInteger(version) || version < SYNC_PROTOCOL_VERSION) {
      throw new HttpProblem(
        426,
        'upgrade-required',
        `this server speaks sync protocol ${SYNC_PROTOCOL_VERSION}`,
        {
          minProtocol: SYNC_PROTOCOL_VERSION,
        },
      );
    }
  });

  app.post('/enrol', async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success)
      throw badRequest('enrol body: { pairingCode, deviceName }', issueDetails(body.error.issues));
    const enrolled = await enrolTill(deps.db, body.data.pairingCode, body.data.deviceName);
    if (!enrolled.ok) {
      const why = {
        'unknown-code': 'unknown pairing code',
        'code-used': 'pairing code already used',
        'code-expired': 'pairing code expired',
      };
      // The reason as a value too: the till tells the cashier what to do about each.
      const reason: EnrolmentRefusal = enrolled.error;
      throw new HttpProblem(401, 'unauthenticated', why[enrolled.error], { reason });
    }
    // Replacing a device revokes the one before: its key leaves the settings.
    await refreshDeviceKeysOfTill(deps.db, enrolled.value.tillId);
    return reply.code(201).send(enrolled.value);
  });

  app.post('/token', async (request) => {
    const presented = bearerOf(request);
    if (!presented)
      throw unauthenticated('missing till credential (authorization: Bearer <tillId>.<credential>)');
    const till = await authenticateTill(deps.db, presented);
    if (!till.ok) throw unauthenticated('till credential not accepted');
    // A revoked till gets a `revoked-till` token: journal pushes only.
    return signAccessToken(deps.keys, till.value);
  });

  app.get('/keys', async () => ({ keys: [deps.keys.publicJwk] }));

  const authenticate = tillAuthentication(deps.keys, deps.isRevoked);
  // The catalog's snapshot pages; its changes after the snapshot come through the products pull.
  catalogRoutes(app, deps.db, authenticate);

  app.get('/:collection/pull', { preHandler: authenticate }, async (request) => {
    const collection = collectionOf(request);
    revokedTillMayOnlyPushJournal(principal(request), 'other');
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success)
      throw badRequest('pull query: checkpoint (>= 0) and limit (1-5000)', issueDetails(query.error.issues));
    const { documents, lastSeq, remaining } = await pullDocuments(
      deps.db,
      collection,
      scopeForTill(collection, principal(request)),
      query.data.checkpoint,
      query.data.limit,
    );
    return { documents, checkpoint: { seq: lastSeq }, remaining };
  });

  const counted = (
    request: FastifyRequest,
    collection: SyncCollectionName,
    written: number,
    conflicts: number,
    incidents: readonly Incident[],
  ) => {
    if (collection === 'journal' && written > 0) deps.projector?.wake();
    deps.metrics.pushedRows.labels(collection, 'written').inc(written);
    deps.metrics.pushedRows.labels(collection, 'conflict').inc(conflicts);
    for (const incident of incidents) deps.metrics.journalIncidents.labels(incident.code).inc();
    if (incidents.length > 0) {
      request.log.warn(
        { incidents: incidents.length, till: request.till?.tillId },
        'journal incidents recorded',
      );
    }
  };

  app.post('/:collection/push', { preHandler: authenticate }, async (request) => {
    const collection = collectionOf(request);
    revokedTillMayOnlyPushJournal(principal(request), collection === 'journal' ? 'journal-push' : 'other');
    const result = await handlePush(deps.db, collection, principal(request), request.body, deps.pushHooks);
    counted(request, collection, result.written, result.conflicts.length, result.incidents);
    return result.conflicts;
  });

  // The journal upload (docs/sync-protocol.md, 6.1): up to 1,000 entries, gzip or deflate.
  app.post(
    '/journal/upload',
    { preHandler: authenticate, preParsing: decompressRequestBody, bodyLimit: MAX_UPLOAD_BYTES },
    async (request) => {
      revokedTillMayOnlyPushJournal(principal(request), 'journal-push');
      const { answer, incidents } = await handleJournalUpload(
        deps.db,
        principal(request),
        request.body,
        deps.pushHooks ?? {},
        deps.uploadPriority,
      );
      counted(request, 'journal', answer.stored, answer.conflicts.length, incidents);
      return answer;
    },
  );

  // A sale of the till's store older than its feed (or not yet in it): docs/sync-protocol.md, section 5.1.
  app.get('/sale-lookup', { preHandler: authenticate }, async (request) => {
    revokedTillMayOnlyPushJournal(principal(request), 'other');
    const query = saleLookupQuerySchema.safeParse(request.query);
    if (!query.success)
      throw badRequest('sale look-up: receiptNumber or saleId', issueDetails(query.error.issues));
    const sale = await lookupStoreSale(deps.db, principal(request).storeCode, query.data);
    if (!sale) throw new HttpProblem(404, 'not-found', 'no such sale in this store');
    return { sale };
  });
  // The server's own totals of one of this till's shifts (docs/sync-protocol.md, "Shift totals").
  app.get('/shifts/:shiftId/totals', { preHandler: authenticate }, (request) =>
    shiftTotalsRoute(deps.db, principal(request), request.params),
  );
  // A kiosk reserves an order's last units before the customer pays (docs/sync-protocol.md, "Kiosk reservations").
  app.post('/kiosk-reservations', { preHandler: authenticate }, (request) =>
    kioskReservationRoute(deps.db, principal(request), request.body),
  );
  app.post('/kiosk-reservations/release', { preHandler: authenticate }, (request) =>
    kioskReleaseRoute(deps.db, principal(request), request.body),
  );
  // A kiosk order's receipt by e-mail, worded by the kiosk; kept once per order and sent by the mail relay.
  app.post('/receipt-mails', { preHandler: authenticate }, async (request) => {
    const till = principal(request);
    revokedTillMayOnlyPushJournal(till, 'other');
    const body = receiptMailRequestSchema.safeParse(request.body);
    if (!body.success)
      throw badRequest('receipt mail: { orderId, to, subject, text }', issueDetails(body.error.issues));
    const { repeated } = await queueKioskReceiptMail(deps.db, till, body.data);
    return { queued: true, repeated } satisfies ReceiptMailAnswer;
  });
  // A device's own Ed25519 public key (kiosk tickets): the store settings carry it to every till.
  app.put('/device-key', { preHandler: authenticate }, async (request, reply) => {
    const till = principal(request);
    revokedTillMayOnlyPushJournal(till, 'other');
    const body = deviceKeyRequestSchema.safeParse(request.body);
    if (!body.success)
      throw badRequest('device key: { kty: "OKP", crv: "Ed25519", x }', issueDetails(body.error.issues));
    await registerDeviceKey(deps.db, till, body.data.x);
    return reply.code(204).send();
  });

  app.get('/stream', { preHandler: authenticate }, (request, reply) => {
    revokedTillMayOnlyPushJournal(principal(request), 'other');
    serveStream(request, reply, deps);
  });
}

/**
 * At most one resync event per stream per this window after the first
 * (which goes at once): a burst of sales in a store then makes each of its
 * tills pull inventory a few times a second, not once per sale.
 */
export const STREAM_COALESCE_MS = 250;

/** A delta goes to every stream of its store: encoded once, not once per stream. */
const encodedDeltas = new WeakMap<DocumentDelta, string>();
function deltaEvent(delta: DocumentDelta): string {
  let event = encodedDeltas.get(delta);
  if (event === undefined) {
    event = `event: delta\ndata: ${JSON.stringify({ delta })}\n\n`;
    encodedDeltas.set(delta, event);
  }
  return event;
}

function serveStream(
  request: FastifyRequest,
  reply: FastifyReply,
  { hub, metrics, deltas: deltaFeed }: SyncRouteDeps,
): void {
  const till = principal(request);
  // `?deltas=inventory,sales`: the store's changes of these come as documents in `delta` events, not as resyncs.
  const askedDeltas = deltaFeed ? deltaCollectionsOf((request.query as { deltas?: unknown }).deltas) : [];
  const asDeltas: ReadonlySet<SyncCollectionName> = new Set(askedDeltas);
  // Headers set by hooks (CORS) live on the Fastify reply, which hijack() bypasses.
  const hookHeaders = Object.fromEntries(
    Object.entries(reply.getHeaders()).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)]],
    ),
  );
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    ...hookHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const resync = (collections: readonly SyncCollectionName[]) =>
    out.write(`event: resync\ndata: ${JSON.stringify({ collections })}\n\n`);
  // On (re)connect the client may have missed anything: tell it to pull everything.
  resync(SYNC_COLLECTION_NAMES);
  const pending = new Set<SyncCollectionName>();
  let window: NodeJS.Timeout | undefined;
  const flush = () => {
    window = undefined;
    if (pending.size === 0) return;
    resync([...pending]);
    pending.clear();
    window = setTimeout(flush, STREAM_COALESCE_MS);
  };
  const unsubscribe = hub.subscribe(
    (collection) => scopeForTill(collection, till),
    (change) => {
      if (change !== 'everything' && asDeltas.has(change)) return;
      for (const collection of change === 'everything' ? SYNC_COLLECTION_NAMES : [change])
        pending.add(collection);
      if (window === undefined) flush();
    },
  );
  const unsubscribeDeltas = askedDeltas.map((collection) =>
    (deltaFeed as DeltaFeed).subscribe(collection, scopeForTill(collection, till), (delta) => {
      if (delta === 'resync') {
        pending.add(collection);
        if (window === undefined) flush();
        return;
      }
      out.write(deltaEvent(delta));
    }),
  );
  const ping = setInterval(() => out.write(': ping\n\n'), STREAM_PING_MS);
  metrics.openStreams.inc();
  request.raw.on('close', () => {
    clearInterval(ping);
    clearTimeout(window);
    unsubscribe();
    for (const unsubscribeDelta of unsubscribeDeltas) unsubscribeDelta();
    metrics.openStreams.dec();
  });
}
