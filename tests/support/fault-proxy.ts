import { createServer, connect as netConnect, type Socket } from 'node:net';

// A real TCP proxy on 127.0.0.1 in front of the sync server, to play the
// store's link going wrong. It reads only the request lines that pass
// through (HTTP/1.1, one request at a time per connection, as fetch sends
// them) so faults can target one kind of request; the bytes themselves are
// forwarded untouched.

export interface SeenRequest {
  readonly method: string;
  /** Path and query, e.g. /sync/v1/journal/push. */
  readonly path: string;
}

export type RequestMatcher = (request: SeenRequest) => boolean;

export type ProxyMode =
  /** Forward everything. */
  | { readonly kind: 'pass' }
  /** The link is down: every open connection is reset, every new one reset after its request line is read. */
  | { readonly kind: 'offline' }
  /** Forward matching requests, then reset the connection before any byte of the response reaches the client. */
  | { readonly kind: 'lose-responses'; readonly match: RequestMatcher; readonly times?: number }
  /** Forward matching requests and the first `afterBytes` bytes of their response, then reset. */
  | {
      readonly kind: 'cut-mid-response';
      readonly match: RequestMatcher;
      readonly afterBytes: number;
      readonly times?: number;
    };

export type RequestOutcome =
  | 'forwarded'
  | 'refused'
  | 'response-lost'
  | 'response-cut'
  | 'upstream-down'
  | 'in-flight';

export interface LoggedRequest extends SeenRequest {
  /** Milliseconds since the epoch when the request line passed. */
  readonly at: number;
  outcome: RequestOutcome;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  /** Fault modes with `times` fall back to 'pass' once used up. */
  setMode(mode: ProxyMode): void;
  /** The server came back elsewhere (restarted on a new port): new connections go there. */
  retarget(port: number): void;
  /** Called once each request line has been forwarded (e.g. to kill the server mid-push). */
  onRequest(listener: (request: LoggedRequest) => void): () => void;
  /** Every request line seen, attempts refused while offline included. */
  log(): readonly LoggedRequest[];
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]\r\n/g;

function requestLinesIn(chunk: Buffer): SeenRequest[] {
  return [...chunk.toString('latin1').matchAll(REQUEST_LINE)].map((m) => ({
    method: m[1] ?? '',
    path: m[2] ?? '',
  }));
}

interface Fault {
  readonly kind: 'lose' | 'cut';
  readonly afterBytes: number;
}

interface Link {
  readonly client: Socket;
  readonly upstream: Socket | undefined;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let target = targetPort;
  let mode: ProxyMode = { kind: 'pass' };
  let remaining = Number.POSITIVE_INFINITY;
  const requests: LoggedRequest[] = [];
  const listeners = new Set<(request: LoggedRequest) => void>();
  const links = new Set<Link>();

  const reset = (link: Link) => {
    if (!link.client.destroyed) link.client.resetAndDestroy();
    link.upstream?.destroy();
  };

  /** Which fault, if any, applies to this request; uses up one of the mode's `times`. */
  const faultFor = (request: SeenRequest): Fault | undefined => {
    if (mode.kind !== 'lose-responses' && mode.kind !== 'cut-mid-response') return undefined;
    if (!mode.match(request)) return undefined;
    const fault: Fault =
      mode.kind === 'lose-responses'
        ? { kind: 'lose', afterBytes: 0 }
        : { kind: 'cut', afterBytes: mode.afterBytes };
    remaining--;
    if (remaining <= 0) mode = { kind: 'pass' };
    return fault;
  };

  const refuse = (client: Socket) => {
    const link: Link = { client, upstream: undefined };
    links.add(link);
    client.on('error', () => undefined);
    client.on('close', () => links.delete(link));
    const record = (chunk?: Buffer) => {
      const seen = chunk ? requestLinesIn(chunk) : [];
      const first = seen[0] ?? { method: '?', path: '?' };
      requests.push({ ...first, at: Date.now(), outcome: 'refused' });
      reset(link);
    };
    client.once('data', record);
    // A client that connects but sends nothing is still an attempt.
    setTimeout(() => {
      if (!client.destroyed) record();
    }, 200).unref();
  };

  const forward = (client: Socket) => {
    const upstream = netConnect(target, '127.0.0.1');
    const link: Link = { client, upstream };
    links.add(link);
    let current: { entry: LoggedRequest; fault: Fault | undefined; sent: number } | undefined;

    client.on('data', (chunk: Buffer) => {
      const seen = requestLinesIn(chunk);
      upstream.write(chunk);
      for (const request of seen) {
        const entry: LoggedRequest = { ...request, at: Date.now(), outcome: 'in-flight' };
        requests.push(entry);
        current = { entry, fault: faultFor(request), sent: 0 };
        for (const listener of listeners) listener(entry);
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!current) {
        client.write(chunk);
        return;
      }
      const { fault } = current;
      if (fault?.kind === 'lose') {
        current.entry.outcome = 'response-lost';
        reset(link);
        return;
      }
      if (fault?.kind === 'cut') {
        const room = fault.afterBytes - current.sent;
        if (room > 0) client.write(chunk.subarray(0, room));
        current.sent += Math.min(room, chunk.length);
        if (current.sent >= fault.afterBytes) {
          current.entry.outcome = 'response-cut';
          // Let the bytes already written leave before the reset.
          setTimeout(() => reset(link), 20);
        }
        return;
      }
      if (current.entry.outcome === 'in-flight') current.entry.outcome = 'forwarded';
      client.write(chunk);
    });
    upstream.on('error', () => {
      if (current?.entry.outcome === 'in-flight') current.entry.outcome = 'upstream-down';
      else if (!current) requests.push({ method: '?', path: '?', at: Date.now(), outcome: 'upstream-down' });
      reset(link);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('end', () => client.end());
    client.on('end', () => upstream.end());
    upstream.on('close', () => {
      if (!client.destroyed) client.destroy();
    });
    client.on('close', () => {
      upstream.destroy();
      links.delete(link);
    });
  };

  const server = createServer((client) => {
    if (mode.kind === 'offline') refuse(client);
    else forward(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    setMode(next) {
      mode = next;
      remaining = 'times' in next && next.times !== undefined ? next.times : Number.POSITIVE_INFINITY;
      if (next.kind === 'offline') for (const link of [...links]) reset(link);
    },
    retarget(port) {
      target = port;
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log: () => requests,
    async close() {
      for (const link of [...links]) reset(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
