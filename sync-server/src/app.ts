import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { registerHealthRoutes } from './routes/health';
import { registerProductsPullRoute } from './routes/products-pull';

export interface AppDependencies {
  readonly db: Database;
  readonly config: Pick<ServerConfig, 'corsOrigins' | 'logLevel'>;
}

/** The HTTP application, without listening: tests inject requests into it. */
export async function buildApp({ db, config }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 1024 * 1024,
  });
  await app.register(cors, { origin: config.corsOrigins, methods: ['GET', 'POST', 'PUT'] });
  registerHealthRoutes(app, db);
  registerProductsPullRoute(app, db);
  return app;
}
