import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';

const pullQuerySchema = z.object({
  /** Last server sequence the client has; absent on the first pull. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * RxDB-style pull by checkpoint for the server-owned catalog: documents with
 * a server sequence above the checkpoint, in sequence order. Fewer than
 * `limit` documents means the client has caught up.
 */
export function registerProductsPullRoute(app: FastifyInstance, db: Database): void {
  app.get('/sync/v1/products/pull', async (request, reply) => {
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) {
      return reply.code(400).send({
        error: 'bad-request',
        message: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    }
    const { after, limit } = query.data;
    const result = await db.query<{ doc: Record<string, unknown>; deleted: boolean; server_seq: number }>(
      'SELECT doc, deleted, server_seq FROM products WHERE server_seq > $1 ORDER BY server_seq LIMIT $2',
      [after, limit],
    );
    const last = result.rows.at(-1);
    return {
      documents: result.rows.map((row) => ({ ...row.doc, _deleted: row.deleted })),
      checkpoint: last ? { sequence: last.server_seq } : after > 0 ? { sequence: after } : null,
    };
  });
}
