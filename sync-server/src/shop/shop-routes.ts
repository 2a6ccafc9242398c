import type { FastifyInstance } from 'fastify';
import { webOrderImportSchema } from '../../../src/core/orders/click-collect-order';
import type { ServerKeys } from '../auth/server-keys';
import type { Database } from '../db/database';
import { badRequest, HttpProblem, issueDetails } from '../http/errors';
import { exportKioskOrders } from './kiosk-export';
import { exportOrderStatusChanges } from './order-status-export';
import { shopKeyCheck } from './shop-auth';
import { exportQuerySchema, webOrderParamsSchema } from './shop-wire';
import { importWebOrder } from './web-order-import';

export interface ShopRouteDeps {
  readonly db: Database;
  /** Signs imported orders. */
  readonly keys: ServerKeys;
  /** TILL_SHOP_API_KEY; undefined: the shop API is off (every request 401). */
  readonly shopApiKey: string | undefined;
}

/** The web shop's API (docs/web-shop.md); register with `prefix: '/shop/v1'`. */
export async function shopRoutes(app: FastifyInstance, deps: ShopRouteDeps): Promise<void> {
  app.addHook('onRequest', shopKeyCheck(deps.shopApiKey));

  app.put('/orders/:webOrderId', async (request, reply) => {
    const params = webOrderParamsSchema.safeParse(request.params);
    if (!params.success) throw badRequest('web order id in the path', issueDetails(params.error.issues));
    const body = webOrderImportSchema.safeParse(request.body);
    if (!body.success) throw badRequest('not a valid web order', issueDetails(body.error.issues));
    if (body.data.webOrderId !== params.data.webOrderId) {
      throw badRequest('the path and the body name different web orders', [
        { path: 'webOrderId', message: `expected ${params.data.webOrderId}` },
      ]);
    }

    const outcome = await importWebOrder(deps.db, deps.keys, body.data);
    const { order } = outcome;
    const summary = { orderId: order.id, pickupCode: order.pickupCode, status: order.status };
    switch (outcome.result) {
      case 'created':
        return reply.code(201).send({ result: 'created', ...summary });
      case 'duplicate':
      case 'stale':
        return { result: outcome.result, ...summary };
      case 'updated':
        return { result: 'updated', ...summary, changes: outcome.changes };
      case 'conflict':
        // The stored order is kept; a person has to look (the shop and the store disagree).
        request.log.warn({ webOrderId: order.webOrderId, reasons: outcome.reasons }, 'web order conflict');
        throw new HttpProblem(409, 'conflict', 'this change to the order is not allowed any more', {
          ...summary,
          reasons: outcome.reasons,
        });
    }
  });

  app.get('/kiosk-orders', async (request) => {
    const query = exportQuerySchema.safeParse(request.query);
    if (!query.success)
      throw badRequest(
        'kiosk export query: after (>= 0) and limit (1-5000)',
        issueDetails(query.error.issues),
      );
    const { documents, lastSeq } = await exportKioskOrders(deps.db, query.data.after, query.data.limit);
    return { documents, checkpoint: { seq: lastSeq } };
  });

  app.get('/order-status-changes', async (request) => {
    const query = exportQuerySchema.safeParse(request.query);
    if (!query.success)
      throw badRequest(
        'status change export query: after (>= 0) and limit (1-5000)',
        issueDetails(query.error.issues),
      );
    const { changes, lastSeq } = await exportOrderStatusChanges(deps.db, query.data.after, query.data.limit);
    return { changes, checkpoint: { seq: lastSeq } };
  });
}
