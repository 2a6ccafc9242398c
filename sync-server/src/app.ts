import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../src/core/sync/protocol';
import { loadOrCreateServerKeys, type ServerKeys } from './auth/server-keys';
import { revocationCache } from './auth/till-registry';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { installBoundedJson } from './http/bounded-json';
import { installErrorHandling } from './http/errors';
import { createMetrics, type Metrics, registerMetrics } from './ops/metrics';
import { projectAcceptedEntries } from './projections/project-accepted';
import { type Projector, startProjector } from './projections/projector';
import { createUploadPriority } from './projections/upload-priority';
import { adminRoutes } from './routes/admin-routes';
import { digitalReceiptRoutes } from './routes/digital-receipt';
import { registerHealthRoutes } from './routes/health';
import { registerRootPage } from './routes/root-page';
import { syncRoutes } from './routes/sync-routes';
import { shopRoutes } from './shop/shop-routes';
import { type StockMirror, startStockMirror } from './stock/stock-mirror';
import { type ChangeHub, startChangeHub } from './sync/change-hub';
import { startDeltaFeed } from './sync/delta-feed';

export interface AppDependencies {
  readonly db: Database;
  readonly config: Pick<ServerConfig, 'corsOrigins' | 'logLevel' | 'adminToken' | 'shopApiKey'> &
    Partial<Pick<ServerConfig, 'projectorBatchIntervalMs'>>;
  /**
   * How new journal entries reach the back-office tables: queued by the push
   * and projected by this instance's projector (the default); queued only,
   * for the projectors of other instances (`TILL_PROJECTOR=off`); or not at
   * all (what a server before migration 003 did: the backfill's tests).
   */
  readonly projection?: 'projector' | 'queue-only' | 'none';
}

export interface SyncApp {
  readonly app: FastifyInstance;
  readonly keys: ServerKeys;
  readonly hub: ChangeHub;
  readonly metrics: Metrics;
  /** Copies each location's stock to the other stores of its region (docs/sync-protocol.md section 4). */
  readonly stockMirror: StockMirror;
  /** Projects queued journal entries (absent when projection is 'none'). */
  readonly projector: Projector | undefined;
  close(): Promise<void>;
}

/**
 * The HTTP application over a migrated database, without listening: tests
 * inject requests into it. Instances keep no session state: keys live in the
 * database and changes arrive through NOTIFY, so several can share one PostgreSQL.
 */
export async function buildApp({ db, config, projection = 'projector' }: AppDependencies): Promise<SyncApp> {
  const keys = await loadOrCreateServerKeys(db);
  const hub = await startChangeHub(db);
  const deltas = startDeltaFeed(db, hub);
  const revocations = revocationCache(db);
  const app = Fastify({ logger: { level: config.logLevel }, bodyLimit: MAX_BODY_BYTES });
  const metrics = createMetrics();
  const projecting = projection !== 'none';
  const uploadPriority = createUploadPriority();
  const projector =
    projection === 'projector'
      ? startProjector(db, {
          metrics,
          priority: uploadPriority,
          minBatchIntervalMs: config.projectorBatchIntervalMs ?? 0,
          onError: (error) => app.log.error({ err: error }, 'projection batch failed'),
        })
      : undefined;
  const pushHooks = { queueProjections: projecting };
  installErrorHandling(app);
  installBoundedJson(app);
  registerRootPage(app, db);
  await app.register(cors, {
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['authorization', 'content-type', 'content-encoding', 'x-till-protocol'],
  });
  registerMetrics(app, metrics);
  registerHealthRoutes(app, db);
  await app.register(syncRoutes, {
    prefix: '/sync/v1',
    db,
    keys,
    hub,
    metrics,
    isRevoked: revocations.isRevoked,
    pushHooks,
    projector,
    uploadPriority,
    deltas,
  });
  await app.register(adminRoutes, {
    prefix: '/admin/v1',
    db,
    adminToken: config.adminToken,
    onRevoked: revocations.invalidate,
    onRequeued: () => projector?.wake(),
    project: projecting ? projectAcceptedEntries : undefined,
  });
  await app.register(shopRoutes, { prefix: '/shop/v1', db, keys, shopApiKey: config.shopApiKey });
  await app.register(digitalReceiptRoutes, { db });
  const stockMirror = startStockMirror(db, hub, (error) =>
    app.log.error({ err: error }, 'stock mirror pass failed'),
  );
  return {
    app,
    keys,
    hub,
    metrics,
    stockMirror,
    projector,
    async close() {
      await projector?.stop();
      deltas.stop();
      await stockMirror.stop();
      await app.close();
      await hub.stop();
    },
  };
}
