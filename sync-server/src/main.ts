import { buildApp } from './app';
import { serverConfigFromEnv } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { seedDemoCatalog } from './demo/seed-catalog';

// Entry point of the sync server process. On a fresh machine it creates its
// embedded database, applies migrations and seeds the demo catalog.
async function main(): Promise<void> {
  const config = serverConfigFromEnv();
  const db = await openDatabase(config.databaseUrl);
  const app = await buildApp({ db, config });
  const applied = await migrate(db);
  const seeded = config.seedDemoCatalog ? await seedDemoCatalog(db) : 0;
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info({ applied, seeded, database: db.kind }, 'sync server ready');
  // One machine-readable line for the launcher and the test harness.
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', service: 'sync-server', url: `http://${config.host}:${port}` })}\n`,
  );

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
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
