import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { buildApp } from './app';
import { serverConfigFromEnv } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { generateFrenchCatalog } from './demo/french-catalog';
import { seedDemoCatalog } from './demo/seed-catalog';
import { seedDemoStockNetwork } from './demo/seed-stock-network';
import { seedDemoStore } from './demo/seed-store';
import { smtpSender, startMailRelay } from './mail/mail-relay';
import { backfillProjections } from './projections/backfill-projections';
import { expireAllStoreSales } from './projections/store-sales-expiry';

const STORE_SALES_EXPIRY_MS = 60 * 60 * 1000;

const SHUTDOWN_DEADLINE_MS = 1_500;

/** The responses of the open live streams (GET /sync/v1/stream), as long as each is open. */
function trackLiveStreams(server: Server): Set<ServerResponse> {
  const open = new Set<ServerResponse>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith('/sync/v1/stream')) return;
    open.add(response);
    response.once('close', () => open.delete(response));
  });
  return open;
}

// Entry point of the sync server process. On a fresh machine it creates its
// embedded database, applies migrations and seeds the demo store.
async function main(): Promise<void> {
  const config = serverConfigFromEnv();
  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  const server = await buildApp({ db, config, projection: config.projector ? 'projector' : 'queue-only' });
  const { app } = server;
  let seeded = 0;
  if (config.seedDemoCatalog) {
    const catalog = generateFrenchCatalog();
    seeded = await seedDemoCatalog(db, catalog);
    await seedDemoStore(db, server.keys, catalog);
    await seedDemoStockNetwork(db, catalog);
  }
  // Order e-mails go to the store's mail relay when one is configured; otherwise they wait, queued.
  if (config.smtpUrl) {
    const relay = smtpSender(config.smtpUrl, config.mailFrom);
    startMailRelay(db, relay.send, (error) => app.log.error({ err: error }, 'order e-mail pass failed'));
  }
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info({ applied, seeded, database: db.kind }, 'sync server ready');
  // One machine-readable line for the launcher and the test harness.
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', service: 'sync-server', url: `http://${config.host}:${port}` })}\n`,
  );

  // Journal entries stored before the projection tables existed get their
  // rows now. In the background: the tills need not wait for it, and every
  // step is idempotent, so an interrupted run simply goes on at the next start.
  void backfillProjections(db)
    .then((result) => app.log.info(result, 'projection backfill done'))
    .catch((error: unknown) => app.log.error({ err: error }, 'projection backfill failed'));

  // Sales past their store's window leave the sales feed: pushes expire their
  // own store's as they go; this pass covers stores that sell nothing for a while.
  const expireOldSales = () =>
    void expireAllStoreSales(db)
      .then((expired) => {
        if (expired > 0) app.log.info({ expired }, 'store sales feed: old sales expired');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'store sales feed expiry failed'));
  expireOldSales();
  setInterval(expireOldSales, STORE_SALES_EXPIRY_MS).unref();

  const streams = trackLiveStreams(app.server);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // First of all, before anything that could throw or block (a log line to
    // a closed pipe, once the launcher is gone; a query that never returns):
    // the process ends within the deadline whatever happens below.
    setTimeout(() => {
      quietly(() => app.log.error({ signal }, 'shutdown took over 1.5 s: exiting anyway'));
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    quietly(() => app.log.info({ signal, openStreams: streams.size }, 'shutting down'));
    // Live streams never end by themselves, and Fastify's close waits for
    // every open request: end them first (each till reconnects elsewhere or later).
    for (const stream of streams) stream.end();
    await server.close();
    await db.close();
    quietly(() => app.log.info({ signal }, 'stopped'));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      shutdown(signal).catch((error: unknown) => {
        quietly(() => app.log.error({ err: error }, 'shutdown failed'));
        process.exit(1);
      });
    });
  // With the launcher gone, stdout is a closed pipe: a write error must not stop the shutdown.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
}

/** Runs a log call whose failure (EPIPE on a closed stdout) must not change what happens next. */
function quietly(log: () => void): void {
  try {
    log();
  } catch {
    // Nothing to report it to.
  }
}

main().catch((error: unknown) => {
  console.error('sync server failed to start:', error);
  process.exit(1);
});
