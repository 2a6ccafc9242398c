import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { version } from '../../../package.json';
import { SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import type { Database } from '../db/database';

// GET / : what a person who opens the server's URL (which `npm start`
// prints) needs: which server this is, its version, whether it is healthy,
// its endpoints, and the protocol document. The endpoints are read from the
// routes actually registered, so the page cannot drift from the server.
// `accept: application/json` gets the same facts as JSON.

export const SERVER_NAME = 'Store Till sync server';
export const PROTOCOL_DOC_PATH = '/docs/sync-protocol.md';

const SECTIONS: readonly { readonly prefix: string; readonly title: string }[] = [
  { prefix: '/sync/v1/', title: 'Replication API for tills (header x-till-protocol, bearer token)' },
  { prefix: '/admin/v1/', title: 'Admin API (bearer TILL_ADMIN_TOKEN)' },
  { prefix: '/shop/v1/', title: 'Web shop API (bearer TILL_SHOP_API_KEY; off when unset)' },
  { prefix: '/', title: 'Operations' },
];

interface Endpoint {
  readonly method: string;
  readonly url: string;
}

/** docs/sync-protocol.md, found from this module in the sources and in the bundle (dist/sync-server). */
function findProtocolDoc(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, 'docs', 'sync-protocol.md');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A client that lists JSON and not HTML (curl -H 'accept: application/json', a monitor); browsers list HTML. */
const wantsJson = (accept: string | undefined) =>
  accept !== undefined && /\bapplication\/json\b/.test(accept) && !/\btext\/html\b/.test(accept);

export function registerRootPage(app: FastifyInstance, db: Database): void {
  const endpoints: Endpoint[] = [];
  // Application hook: it sees the routes of every plugin registered after this call.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (method !== 'HEAD' && method !== 'OPTIONS') endpoints.push({ method, url: route.url });
  });
  const protocolDoc = findProtocolDoc();

  app.get('/', async (request, reply) => {
    let healthy = true;
    try {
      await db.query('SELECT 1');
    } catch (error) {
      healthy = false;
      app.log.error({ err: error }, 'root page: database unreachable');
    }
    const facts = {
      name: SERVER_NAME,
      version,
      protocolVersion: SYNC_PROTOCOL_VERSION,
      health: { status: healthy ? 'ok' : 'unavailable', database: db.kind },
      endpoints: [...endpoints].sort(
        (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
      ),
      ...(protocolDoc ? { protocolDocument: PROTOCOL_DOC_PATH } : {}),
    };
    reply.code(healthy ? 200 : 503);
    if (wantsJson(request.headers.accept)) return facts;
    return reply.type('text/html; charset=utf-8').send(renderPage(facts));
  });

  if (protocolDoc)
    app.get(PROTOCOL_DOC_PATH, async (_request, reply) =>
      reply.type('text/markdown; charset=utf-8').send(readFileSync(protocolDoc, 'utf8')),
    );
}

function renderPage(facts: {
  name: string;
  version: string;
  protocolVersion: number;
  health: { status: string; database: string };
  endpoints: readonly Endpoint[];
  protocolDocument?: string;
}): string {
  const sectionOf = (url: string) => SECTIONS.find((section) => url.startsWith(section.prefix));
  const sections = SECTIONS.map((section) => {
    const rows = facts.endpoints.filter((endpoint) => sectionOf(endpoint.url) === section);
    if (rows.length === 0) return '';
    const items = rows
      .map((endpoint) => {
        const url = escapeHtml(endpoint.url);
        // Only parameterless GETs open in a browser.
        const shown =
          endpoint.method === 'GET' && !endpoint.url.includes(':') ? `<a href="${url}">${url}</a>` : url;
        return `<li><code>${endpoint.method} ${shown}</code></li>`;
      })
      .join('\n');
    return `<h2>${escapeHtml(section.title)}</h2>\n<ul>\n${items}\n</ul>`;
  }).join('\n');
  const healthy = facts.health.status === 'ok';
  const doc = facts.protocolDocument
    ? `<p>The protocol: <a href="${facts.protocolDocument}">sync protocol, version ${facts.protocolVersion}</a> (docs/sync-protocol.md).</p>`
    : `<p>The protocol: docs/sync-protocol.md in the till's repository (version ${facts.protocolVersion}).</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(facts.name)} ${escapeHtml(facts.version)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{font-size:.95em}.ok{color:#06602a}.bad{color:#a3000b}</style>
</head>
<body>
<h1>${escapeHtml(facts.name)}</h1>
<p>Version <strong>${escapeHtml(facts.version)}</strong>, sync protocol version ${facts.protocolVersion}.</p>
<p>Health: <strong class="${healthy ? 'ok' : 'bad'}" data-health="${escapeHtml(facts.health.status)}">${healthy ? 'ok' : 'unavailable: the database does not answer'}</strong> (database: ${escapeHtml(facts.health.database)}; <a href="/health">/health</a>).</p>
${doc}
${sections}
</body>
</html>
`;
}
