import type { LightMyRequestResponse } from 'fastify';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../src/core/sync/protocol';
import { buildApp, type SyncApp } from '../../sync-server/src/app';
import type { Database } from '../../sync-server/src/db/database';
import { migrate } from '../../sync-server/src/db/migrate';
import { openPostgres } from '../../sync-server/src/db/pg-database';
import { openPglite } from '../../sync-server/src/db/pglite-database';
import { createScratchDatabase } from './postgres';

// The sync server in-process (Fastify inject, no sockets) over a fresh
// database of either kind, so every server test runs on PGlite and on the
// machine's PostgreSQL alike.

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const SHOP_API_KEY = 'test-shop-api-key-0123456789';

export interface DatabaseKind {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

export const DATABASE_KINDS: readonly DatabaseKind[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openPglite(undefined);
      return { db, dispose: () => db.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const scratch = await createScratchDatabase();
      const db = openPostgres(scratch.url);
      return {
        db,
        async dispose() {
          await db.close();
          await scratch.drop();
        },
      };
    },
  },
];

export interface EnrolledTill {
  readonly tillId: string;
  readonly storeCode: string;
  readonly tillCode: string;
  readonly credential: string;
  readonly accessToken: string;
  /** A request as this till, with its token and the protocol header. */
  request(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  readonly db: Database;
  readonly server: SyncApp;
  admin(method: 'GET' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  enrol(storeCode: string, tillCode: string): Promise<EnrolledTill>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** 'none': pushes store entries and project nothing (a server before migration 003). */
  readonly projection?: 'projector' | 'none';
}

export async function startTestServer(
  kind: DatabaseKind,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { db, dispose } = await kind.open();
  await migrate(db);
  const server = await buildApp({
    db,
    config: { corsOrigins: true, logLevel: 'silent', adminToken: ADMIN_TOKEN, shopApiKey: SHOP_API_KEY },
    ...(options.projection ? { projection: options.projection } : {}),
  });
  const { app } = server;
  const protocol = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
  // Projections follow a push asynchronously (docs/projections.md, "The
  // projector"): a test request that may have queued entries returns once
  // the projector has projected them, as a back office sees them a few
  // milliseconds later. The projector's own tests look at the queue directly.
  const projected = async (response: LightMyRequestResponse, method: string) => {
    if (method !== 'GET') await server.projector?.settled();
    return response;
  };

  const admin: TestServer['admin'] = async (method, url, body) =>
    projected(
      await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
      method,
    );

  return {
    db,
    server,
    admin,
    async enrol(storeCode, tillCode) {
      const code = await admin('POST', '/admin/v1/pairing-codes', { storeCode, tillCode });
      if (code.statusCode !== 201) throw new Error(`pairing code: ${code.statusCode} ${code.body}`);
      const enrolled = await app.inject({
        method: 'POST',
        url: '/sync/v1/enrol',
        headers: protocol,
        payload: { pairingCode: code.json().pairingCode, deviceName: `till ${tillCode}` },
      });
      if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);
      const { tillId, credential } = enrolled.json() as { tillId: string; credential: string };
      const token = await app.inject({
        method: 'POST',
        url: '/sync/v1/token',
        headers: { ...protocol, authorization: `Bearer ${tillId}.${credential}` },
      });
      if (token.statusCode !== 200) throw new Error(`token: ${token.statusCode} ${token.body}`);
      const accessToken = (token.json() as { accessToken: string }).accessToken;
      return {
        tillId,
        storeCode,
        tillCode,
        credential,
        accessToken,
        request: async (method, url, body) =>
          projected(
            await app.inject({
              method,
              url,
              headers: { ...protocol, authorization: `Bearer ${accessToken}` },
              ...(body === undefined ? {} : { payload: body as object }),
            }),
            method,
          ),
      };
    },
    async close() {
      await server.close();
      await dispose();
    },
  };
}
