import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';

export function registerHealthRoutes(app: FastifyInstance, db: Database): void {
  // Liveness plus a real round trip to the database: a server that cannot
  // reach its database is not healthy, whatever its process says.
  app.get('/health', async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply
        .code(503)
        .send({ status: 'unavailable', database: db.kind, error: 'database unreachable' });
    }
  });
}
