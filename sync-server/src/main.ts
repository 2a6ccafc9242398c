import { buildApp } from './app';
import { serverConfigFromEnv } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { generateFrenchCatalog } from './demo/french-catalog';
import { seedDemoCatalog } from './demo/seed-catalog';
import { seedDemoStockNetwork } from './demo/seed-stock-network';
import { seedDemoStore } from './demo/seed-store';
import { backfillProjections } from './projections/backfill-projections';

// Entry point of the sync server process. On a fresh machine it creates its
// embedded database, applies migrations and seeds the demo store.
async function main(): Promise<void> {
  const config = serverConfigFromEnv();
  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  const server = await buildApp({ db, config });
  const { app } = server;
  let seeded = 0;
  if (config.seedDemoCatalog) {
    const catalog = generateFrenchCatalog();
    seeded = await seedDemoCatalog(db, catalog);
    await seedDemoStore(db, server.keys, catalog);
    await seedDemoStockNetwork(db, catalog);
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

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('sync server failed to start:', error);
  process.exit(1);
});
