import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip, constants as zlib } from 'node:zlib';
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import {
  catalogManifestQuerySchema,
  catalogPageRangeSchema,
  MAX_CATALOG_PAGE_SIZE,
} from '../../../src/core/sync/catalog-wire';
import type { TillPrincipal } from '../auth/access-token';
import { revokedTillMayOnlyPushJournal } from '../auth/authenticate';
import type { Database } from '../db/database';
import { badRequest, issueDetails, unauthenticated } from '../http/errors';
import { catalogManifest, catalogPageText } from '../sync/catalog-snapshot';

// GET /sync/v1/catalog/snapshot and /sync/v1/catalog/pages (docs/sync-protocol.md, 5.2).
// A page is gzip-compressed as it is sent (one page in memory at a time,
// at most MAX_CATALOG_PAGE_SIZE products) and carries a strong ETag of its
// text: a till that asks again with If-None-Match gets 304 and no body.

export function catalogRoutes(app: FastifyInstance, db: Database, authenticate: preHandlerHookHandler): void {
  const tillOf = (till: TillPrincipal | null | undefined): TillPrincipal => {
    if (!till) throw unauthenticated('missing access token');
    return till;
  };

  app.get('/catalog/snapshot', { preHandler: authenticate }, async (request) => {
    revokedTillMayOnlyPushJournal(tillOf(request.till), 'other');
    const query = catalogManifestQuerySchema.safeParse(request.query);
    if (!query.success)
      throw badRequest(
        `catalog snapshot query: pageSize (100-${MAX_CATALOG_PAGE_SIZE}, or auto)`,
        issueDetails(query.error.issues),
      );
    return catalogManifest(db, query.data.pageSize);
  });

  app.get('/catalog/pages', { preHandler: authenticate }, async (request, reply) => {
    revokedTillMayOnlyPushJournal(tillOf(request.till), 'other');
    const query = catalogPageRangeSchema.safeParse(request.query);
    if (!query.success || query.data.upTo < query.data.after)
      throw badRequest(
        'catalog page query: after and upTo, sequence numbers with after <= upTo',
        query.success ? undefined : issueDetails(query.error.issues),
      );
    const page = await catalogPageText(db, query.data.after, query.data.upTo, MAX_CATALOG_PAGE_SIZE);
    if (!page)
      throw badRequest(
        `catalog page range holds more than ${MAX_CATALOG_PAGE_SIZE} products: ask for the pages of GET /sync/v1/catalog/snapshot`,
      );
    const etag = `"${createHash('sha256').update(page.text).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
    reply.header('x-catalog-page-count', String(page.count));
    const presented = request.headers['if-none-match'];
    if (presented?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
      return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (!/\bgzip\b/.test(accepts)) return reply.send(page.text);
    reply.header('content-encoding', 'gzip');
    return reply.send(Readable.from([page.text]).pipe(createGzip({ level: zlib.Z_BEST_SPEED + 2 })));
  });
}
