import Fastify, { type FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUuidV7 } from '../../../src/core/ids/uuid-v7';
import {
  type ClickCollectOrder,
  clickCollectOrderSchema,
  type WebOrderImport,
} from '../../../src/core/orders/click-collect-order';
import { EXAMPLE_WEB_ORDER, exampleKioskOrder } from '../../../src/core/orders/example-orders';
import type { KioskOrder } from '../../../src/core/orders/kiosk-order';
import { isValidPickupCode } from '../../../src/core/orders/pickup-code';
import { transitionClickCollectOrder } from '../../../src/core/orders/transition-click-collect-order';
import { ed25519PublicJwkSchema, type StoreSettings } from '../../../src/core/settings/store-settings';
import { MAX_BODY_BYTES } from '../../../src/core/sync/protocol';
import { verifyAccessToken } from '../../../sync-server/src/auth/access-token';
import { installErrorHandling } from '../../../sync-server/src/http/errors';
import { newOrderId } from '../../../sync-server/src/shop/order-identity';
import { signOrder, verifyOrderToken } from '../../../sync-server/src/shop/order-token';
import { shopRoutes } from '../../../sync-server/src/shop/shop-routes';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { DATABASE_KINDS, startTestServer, type TestServer } from '../../support/sync-server-harness';

// The web shop API (docs/web-shop.md) on its own Fastify app over the test
// server's database and keys, so tills of the test server pull what the shop
// imports. Kiosk orders are written straight into the orders collection:
// tills cannot push them yet.

const SHOP_KEY = 'test-shop-key-0123456789abcdef';

type Body = Record<string, unknown>;

function webOrder(webOrderId: string, overrides: Partial<WebOrderImport> = {}): WebOrderImport {
  return { ...EXAMPLE_WEB_ORDER, webOrderId, ...overrides };
}

/** One web shop app (with or without a key) over the test server's database. */
async function shopApp(t: TestServer, shopApiKey: string | undefined): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES });
  installErrorHandling(app);
  await app.register(shopRoutes, { prefix: '/shop/v1', db: t.db, keys: t.server.keys, shopApiKey });
  await app.ready();
  return app;
}

describe.each(DATABASE_KINDS)('web shop on $name', (kind) => {
  let t: TestServer;
  let shop: FastifyInstance;
  let settingsKey: StoreSettings['orderSigningKey'];

  /** `key` null: no authorization header. */
  const put = (order: unknown, webOrderId: string, key: string | null = SHOP_KEY) =>
    shop.inject({
      method: 'PUT',
      url: `/shop/v1/orders/${encodeURIComponent(webOrderId)}`,
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
      payload: order as Body,
    });
  const importOrder = (order: WebOrderImport) => put(order, order.webOrderId);

  const storedOrder = async (orderId: string) => {
    const row = (
      await t.db.query<{ doc: unknown; seq: number; scope: string }>(
        "SELECT doc, seq, scope FROM sync_documents WHERE collection = 'orders' AND id = $1",
        [orderId],
      )
    ).rows[0];
    if (!row) throw new Error(`no order ${orderId}`);
    return { order: clickCollectOrderSchema.parse(row.doc), seq: row.seq, scope: row.scope };
  };
  const ordersSeq = async (store: string) =>
    (
      await t.db.query<{ last: number }>(
        "SELECT last FROM sync_sequences WHERE collection = 'orders' AND scope = $1",
        [store],
      )
    ).rows[0]?.last ?? 0;
  const countRows = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]?.n;

  /** Writes a new state of an order as the store would (not through the shop API). */
  const writeOrder = async (order: ClickCollectOrder | KioskOrder) =>
    t.db.transaction(async (tx) => {
      await lockScope(tx, 'orders', order.storeCode);
      await writeDocuments(tx, 'orders', order.storeCode, [{ id: order.id, doc: order, deleted: false }]);
    });

  beforeAll(async () => {
    t = await startTestServer(kind);
    shop = await shopApp(t, SHOP_KEY);
    settingsKey = ed25519PublicJwkSchema.parse({
      kty: 'OKP',
      crv: 'Ed25519',
      x: t.server.keys.publicJwk.x,
      kid: t.server.keys.kid,
    });
  });
  afterAll(async () => {
    await shop?.close();
    await t?.close();
  });

  describe('authentication', () => {
    it('refuses a missing or wrong shop key, and everything when no key is configured', async () => {
      const order = webOrder('AUTH-1');
      expect((await put(order, 'AUTH-1', null)).statusCode).toBe(401);
      const wrong = await put(order, 'AUTH-1', `${SHOP_KEY}x`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error).toBe('unauthenticated');
      const exportWrong = await shop.inject({
        method: 'GET',
        url: '/shop/v1/kiosk-orders',
        headers: { authorization: 'Bearer nope' },
      });
      expect(exportWrong.statusCode).toBe(401);

      const off = await shopApp(t, undefined);
      try {
        const response = await off.inject({
          method: 'PUT',
          url: '/shop/v1/orders/AUTH-1',
          headers: { authorization: 'Bearer undefined' },
          payload: order,
        });
        expect(response.statusCode).toBe(401);
        expect(response.json().message).toMatch(/TILL_SHOP_API_KEY/);
      } finally {
        await off.close();
      }
      expect(await countRows('web_orders')).toBe(0);
    });
  });

  describe('import', () => {
    it('refuses an invalid order with details, and a path naming another web order', async () => {
      const invalid = await put({ ...webOrder('BAD-1'), lines: [], storeCode: 'paris' }, 'BAD-1');
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error).toBe('bad-request');
      const paths = (invalid.json().details as { path: string }[]).map((d) => d.path);
      expect(paths).toContain('storeCode');
      expect(paths).toContain('lines');

      const unknownField = await put({ ...webOrder('BAD-2'), status: 'picking' }, 'BAD-2');
      expect(unknownField.statusCode).toBe(400);

      const mismatch = await put(webOrder('BAD-3'), 'BAD-4');
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json().details).toEqual([{ path: 'webOrderId', message: 'expected BAD-4' }]);
      expect(await countRows('web_orders')).toBe(0);
      expect(await ordersSeq('PAR01')).toBe(0);
    });

    it('creates a signed order in its pickup store, with our id and a pickup code', async () => {
      const response = await importOrder(webOrder('WEB-1'));
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({ result: 'created', status: 'received' });
      expect(isUuidV7(body.orderId)).toBe(true);
      expect(isValidPickupCode(body.pickupCode)).toBe(true);

      const { order, scope } = await storedOrder(body.orderId);
      expect(scope).toBe('PAR01');
      expect(order).toMatchObject({
        kind: 'click-and-collect',
        id: body.orderId,
        webOrderId: 'WEB-1',
        pickupCode: body.pickupCode,
        status: 'received',
        handovers: [],
      });
      expect(order.signedToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(await verifyOrderToken(order, settingsKey)).toMatchObject({ ok: true });
      const link = await t.db.query('SELECT order_id, store_code FROM web_orders WHERE web_order_id = $1', [
        'WEB-1',
      ]);
      expect(link.rows).toEqual([{ order_id: body.orderId, store_code: 'PAR01' }]);
    });

    it('takes web order ids with # and / through the path', async () => {
      const response = await importOrder(webOrder('#WEB-2025/000123'));
      expect(response.statusCode).toBe(201);
      expect((await storedOrder(response.json().orderId)).order.webOrderId).toBe('#WEB-2025/000123');
    });

    it('answers duplicate to the same order again and writes nothing', async () => {
      const first = await importOrder(webOrder('WEB-2'));
      expect(first.statusCode).toBe(201);
      const before = await storedOrder(first.json().orderId);
      const seqBefore = await ordersSeq('PAR01');

      for (const copy of [webOrder('WEB-2'), webOrder('WEB-2', { webUpdatedAt: '2025-03-01T10:00:00Z' })]) {
        const again = await importOrder(copy);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({
          result: 'duplicate',
          orderId: first.json().orderId,
          pickupCode: first.json().pickupCode,
          status: 'received',
        });
      }
      expect(await ordersSeq('PAR01')).toBe(seqBefore);
      expect(await storedOrder(first.json().orderId)).toEqual(before);
    });

    it('updates (and re-signs) on an allowed change, ignores an older copy', async () => {
      const created = await importOrder(webOrder('WEB-3'));
      const { orderId } = created.json();
      const before = await storedOrder(orderId);

      const changed = webOrder('WEB-3', {
        webUpdatedAt: '2025-03-01T11:00:00Z',
        customer: { name: 'Camille Martin', phone: '+33612345678' },
      });
      const updated = await importOrder(changed);
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ result: 'updated', orderId, changes: ['customer'] });
      const after = await storedOrder(orderId);
      expect(after.seq).toBeGreaterThan(before.seq);
      expect(after.order.customer).toEqual(changed.customer);
      expect(after.order.pickupCode).toBe(before.order.pickupCode);
      expect(after.order.signedToken).not.toBe(before.order.signedToken);
      expect(await verifyOrderToken(after.order, settingsKey)).toMatchObject({ ok: true });

      const seqBefore = await ordersSeq('PAR01');
      const older = webOrder('WEB-3', { webUpdatedAt: '2025-03-01T10:30:00Z', webStatus: 'cancelled' });
      const stale = await importOrder(older);
      expect(stale.statusCode).toBe(200);
      expect(stale.json()).toMatchObject({ result: 'stale', orderId });
      expect(await ordersSeq('PAR01')).toBe(seqBefore);
      expect((await storedOrder(orderId)).order).toEqual(after.order);
    });

    it('refuses with 409 a change of lines once picking started, keeping the stored order', async () => {
      const created = await importOrder(webOrder('WEB-4'));
      const { order } = await storedOrder(created.json().orderId);
      const picking = transitionClickCollectOrder(order, { type: 'start-picking' });
      if (!picking.ok) throw new Error('cannot start picking');
      await writeOrder(picking.value);
      const before = await storedOrder(order.id);

      const fewer = webOrder('WEB-4', {
        webUpdatedAt: '2025-03-01T12:00:00Z',
        lines: EXAMPLE_WEB_ORDER.lines.slice(1),
      });
      const response = await importOrder(fewer);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        error: 'conflict',
        details: {
          orderId: order.id,
          status: 'picking',
          reasons: [{ code: 'lines-changed', status: 'picking' }],
        },
      });
      expect(await storedOrder(order.id)).toEqual(before);
      // The pickup store cannot move either, whatever the state.
      const moved = await importOrder(
        webOrder('WEB-4', { webUpdatedAt: '2025-03-02T00:00:00Z', storeCode: 'LYO01' }),
      );
      expect(moved.statusCode).toBe(409);
      expect(await ordersSeq('LYO01')).toBe(0);
    });

    it('creates one order when the same new web order arrives several times at once', async () => {
      const order = webOrder('WEB-RACE');
      const responses = await Promise.all(Array.from({ length: 6 }, () => importOrder(order)));
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(responses.map((r) => r.json().orderId)).size).toBe(1);
      expect(responses.filter((r) => r.json().result === 'duplicate')).toHaveLength(5);
      expect(await countRows('web_orders WHERE web_order_id = $1', ['WEB-RACE'])).toBe(1);
      expect(
        await countRows("sync_documents WHERE collection = 'orders' AND doc->>'webOrderId' = $1", [
          'WEB-RACE',
        ]),
      ).toBe(1);
    });
  });

  describe('signed order tokens', () => {
    let order: ClickCollectOrder;

    beforeAll(async () => {
      const created = await importOrder(webOrder('WEB-SIGN'));
      order = (await storedOrder(created.json().orderId)).order;
    });

    it('verify with the public key from the settings, or as a CryptoKey', async () => {
      expect(await verifyOrderToken(order, settingsKey)).toEqual({
        ok: true,
        value: { orderId: order.id, webOrderId: 'WEB-SIGN', contentSha256: expect.any(String) },
      });
      expect((await verifyOrderToken(order, t.server.keys.publicKey)).ok).toBe(true);
    });

    it('still verify after what a till changes offline (status)', async () => {
      const picking = transitionClickCollectOrder(order, { type: 'start-picking' });
      if (!picking.ok) throw new Error('cannot start picking');
      expect((await verifyOrderToken(picking.value, settingsKey)).ok).toBe(true);
    });

    it('fail after any change of the signed content', async () => {
      const [line, ...rest] = order.lines;
      if (!line) throw new Error('no line');
      const changed: ClickCollectOrder[] = [
        { ...order, pickupCode: 'ZZZZZZZZ' },
        { ...order, lines: [{ ...line, quantity: line.quantity + 1 }, ...rest] },
        { ...order, lines: [{ ...line, unitPrice: { ...line.unitPrice, minor: 1 } }, ...rest] },
        { ...order, customer: { ...order.customer, name: 'Someone Else' } },
        { ...order, storeCode: 'LYO01' },
        { ...order, webStatus: 'cancelled' },
      ];
      for (const copy of changed) {
        expect(await verifyOrderToken(copy, settingsKey)).toEqual({ ok: false, error: 'content-changed' });
      }
      const anotherOrder = { ...order, id: newOrderId() };
      expect(await verifyOrderToken(anotherOrder, settingsKey)).toEqual({ ok: false, error: 'other-order' });
    });

    it('fail with another key, a forged signature or no token', async () => {
      const other = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const otherJwk = ed25519PublicJwkSchema.parse({ ...(await exportJWK(other.publicKey)) });
      expect(await verifyOrderToken(order, otherJwk)).toEqual({ ok: false, error: 'bad-signature' });
      expect(await verifyOrderToken(order, other.publicKey)).toEqual({ ok: false, error: 'bad-signature' });
      expect(await verifyOrderToken(order, { ...otherJwk, kid: 'other' })).toEqual({
        ok: false,
        error: 'other-key',
      });

      // Signed by another key but claiming the server's kid.
      const forged = await signOrder({ kid: t.server.keys.kid, privateKey: other.privateKey }, order);
      expect(await verifyOrderToken(forged, settingsKey)).toEqual({ ok: false, error: 'bad-signature' });

      const { signedToken: _, ...unsigned } = order;
      expect(await verifyOrderToken(unsigned, settingsKey)).toEqual({ ok: false, error: 'unsigned' });
      expect(await verifyOrderToken({ ...order, signedToken: 'a.b.c' }, settingsKey)).toMatchObject({
        ok: false,
      });
    });

    it('are not access tokens: the server key signs both, the type header tells them apart', async () => {
      const till = await t.enrol('PAR01', '09');
      expect(await verifyOrderToken({ ...order, signedToken: till.accessToken }, settingsKey)).toEqual({
        ok: false,
        error: 'malformed',
      });
      expect(await verifyAccessToken(t.server.keys, order.signedToken ?? '')).toEqual({
        ok: false,
        error: 'invalid',
      });
    });
  });

  describe('replication to the tills', () => {
    it('the pickup store pulls the imported order, another store does not', async () => {
      const paris = await t.enrol('PAR01', '01');
      const lyon = await t.enrol('LYO01', '01');
      const created = await importOrder(webOrder('WEB-PULL'));
      const { orderId } = created.json();

      const parisPull = await paris.request('GET', '/sync/v1/orders/pull?limit=5000');
      expect(parisPull.statusCode).toBe(200);
      const pulled = (parisPull.json().documents as { id: string }[]).find((d) => d.id === orderId);
      expect(pulled).toMatchObject({ id: orderId, webOrderId: 'WEB-PULL', _deleted: false });
      const { _deleted, ...asPulled } = pulled as Body;
      const parsed = clickCollectOrderSchema.parse(asPulled);
      expect((await verifyOrderToken(parsed, settingsKey)).ok).toBe(true);

      const lyonPull = await lyon.request('GET', '/sync/v1/orders/pull?limit=5000');
      expect(lyonPull.statusCode).toBe(200);
      expect(lyonPull.json().documents).toEqual([]);
    });
  });

  describe('kiosk order export', () => {
    const exportPage = async (after: number, limit: number) => {
      const response = await shop.inject({
        method: 'GET',
        url: `/shop/v1/kiosk-orders?after=${after}&limit=${limit}`,
        headers: { authorization: `Bearer ${SHOP_KEY}` },
      });
      expect(response.statusCode).toBe(200);
      return response.json() as {
        documents: (KioskOrder & { _deleted: boolean })[];
        checkpoint: { seq: number };
      };
    };
    const exportAll = async (after: number) => {
      const seen: string[] = [];
      let checkpoint = after;
      for (;;) {
        const page = await exportPage(checkpoint, 2);
        seen.push(...page.documents.map((d) => d.id));
        if (page.documents.length === 0) expect(page.checkpoint.seq).toBe(checkpoint);
        checkpoint = page.checkpoint.seq;
        if (page.documents.length < 2) return { seen, checkpoint };
      }
    };

    it('exports kiosk orders of every store in write order, paged, with a checkpoint', async () => {
      const start = await exportAll(0);
      expect(start.seen).toEqual([]); // click-and-collect orders are not exported

      const orders = [
        exampleKioskOrder({ id: newOrderId(), storeCode: 'PAR01' }),
        exampleKioskOrder({ id: newOrderId(), storeCode: 'LYO01' }),
        exampleKioskOrder({ id: newOrderId(), storeCode: 'PAR01' }),
      ];
      for (const order of orders) await writeOrder(order);
      const first = await exportPage(start.checkpoint, 2);
      expect(first.documents.map((d) => d.id)).toEqual(orders.slice(0, 2).map((o) => o.id));
      expect(first.documents[1]).toMatchObject({ kind: 'kiosk', storeCode: 'LYO01', _deleted: false });
      const rest = await exportAll(first.checkpoint.seq);
      expect(rest.seen).toEqual([orders[2]?.id]);

      // A changed order comes again, once, after the checkpoint.
      const [changed] = orders;
      if (!changed) throw new Error('no order');
      await writeOrder({ ...changed, status: 'submitted', updatedAt: '2025-03-01T10:00:00Z' });
      const again = await exportAll(rest.checkpoint);
      expect(again.seen).toEqual([changed.id]);
      expect((await exportPage(rest.checkpoint, 10)).documents[0]?.status).toBe('submitted');
      expect((await exportAll(0)).seen).toEqual([orders[1]?.id, orders[2]?.id, changed.id]);
    });

    it('refuses a bad cursor or limit', async () => {
      for (const query of ['after=-1', 'limit=0', 'limit=5001', 'after=x', 'checkpoint=3']) {
        const response = await shop.inject({
          method: 'GET',
          url: `/shop/v1/kiosk-orders?${query}`,
          headers: { authorization: `Bearer ${SHOP_KEY}` },
        });
        expect(response.statusCode, query).toBe(400);
      }
    });

    it('misses nothing while stores write concurrently (export order is commit order)', async () => {
      const { checkpoint: start } = await exportAll(0);
      const stores = ['PAR01', 'LYO01', 'MRS01', 'LIL01'];
      const perStore = kind.name === 'postgres' ? 25 : 10;
      const written = new Set<string>();
      let writersDone = false;
      const writer = async (storeCode: string) => {
        for (let n = 0; n < perStore; n++) {
          const order = exampleKioskOrder({ id: newOrderId(), storeCode });
          await t.db.transaction(async (tx) => {
            await lockScope(tx, 'orders', storeCode);
            await writeDocuments(tx, 'orders', storeCode, [{ id: order.id, doc: order, deleted: false }]);
            // Hold the transaction open after numbering, so a later number could commit first.
            await tx.query('SELECT pg_sleep(random() * 0.005)');
          });
          written.add(order.id);
        }
      };
      const exported = new Set<string>();
      const tail = async () => {
        let checkpoint = start;
        for (;;) {
          const caughtUpAfterWriters = writersDone;
          const page = await exportPage(checkpoint, 7);
          for (const doc of page.documents) exported.add(doc.id);
          checkpoint = page.checkpoint.seq;
          if (page.documents.length < 7 && caughtUpAfterWriters) return;
        }
      };
      const tailing = tail();
      await Promise.all(stores.map(writer));
      writersDone = true;
      await tailing;
      expect(written.size).toBe(stores.length * perStore);
      expect([...written].filter((id) => !exported.has(id))).toEqual([]);
    });
  });
});
