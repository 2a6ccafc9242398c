import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { DATABASE_KINDS, startTestServer, type TestServer } from '../../support/sync-server-harness';

// The URL `npm start` prints for the sync server is its root: it once
// answered 404. It must name the server, its version and health, list its
// endpoints and link to the protocol document.

describe('sync server root page', () => {
  let t: TestServer;
  const [pglite] = DATABASE_KINDS.filter((kind) => kind.name === 'pglite');
  if (!pglite) throw new Error('no pglite database kind');
  beforeAll(async () => {
    t = await startTestServer(pglite);
  });
  afterAll(() => t?.close());

  it('answers a page naming the server, its version, its health and its endpoints', async () => {
    const page = await t.server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Store Till sync server');
    expect(page.body).toContain(`Version <strong>${version}</strong>`);
    expect(page.body).toContain('data-health="ok"');
    // Endpoints come from the routes registered, from every plugin.
    for (const endpoint of [
      'GET <a href="/health">',
      'GET <a href="/metrics">',
      'POST /sync/v1/enrol',
      'GET /sync/v1/:collection/pull',
      'POST /admin/v1/pairing-codes',
      'PUT /shop/v1/orders/:webOrderId',
    ])
      expect(page.body).toContain(endpoint);
    expect(page.body).not.toContain('HEAD ');
  });

  it('links to the protocol document, which it serves', async () => {
    const page = await t.server.app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('<a href="/docs/sync-protocol.md">');
    const doc = await t.server.app.inject({ method: 'GET', url: '/docs/sync-protocol.md' });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toMatch(/^text\/markdown/);
    expect(doc.body).toMatch(/^# Sync protocol \(version 1\)/);
  });

  it('gives the same facts as JSON to a client that asks for JSON', async () => {
    const response = await t.server.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'application/json' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Store Till sync server',
      version,
      protocolVersion: 1,
      health: { status: 'ok', database: 'pglite' },
      protocolDocument: '/docs/sync-protocol.md',
    });
    expect(response.json().endpoints).toContainEqual({ method: 'GET', url: '/sync/v1/stream' });
  });

  it('says the database is unavailable, with 503, when it does not answer', async () => {
    const own = await startTestServer(pglite);
    await own.db.close();
    const page = await own.server.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('data-health="unavailable"');
    // Its change hub's LISTEN goes with the database; closing reports that, which is not what is tested here.
    await own.server.close().catch(() => undefined);
  });
});
