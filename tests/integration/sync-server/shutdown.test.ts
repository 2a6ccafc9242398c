import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../src/core/sync/protocol';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../../support/processes';

// The built sync server process, stopped by a signal while a till holds its
// live stream open (as every running till does). It once logged "shutting
// down" and then hung until killed: the open stream kept Fastify's close
// waiting for ever. It must end its streams, close its database and exit
// within 2 s.

const protocol = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), 'content-type': 'application/json' };

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Enrols a till over HTTP and opens its live stream; resolves once the first event arrived. */
async function openLiveStream(url: string) {
  const { pairingCode } = await json<{ pairingCode: string }>(
    await fetch(`${url}/admin/v1/pairing-codes`, {
      method: 'POST',
      headers: { ...protocol, authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ storeCode: 'PAR01', tillCode: '09' }),
    }),
    201,
  );
  const { tillId, credential } = await json<{ tillId: string; credential: string }>(
    await fetch(`${url}/sync/v1/enrol`, {
      method: 'POST',
      headers: protocol,
      body: JSON.stringify({ pairingCode, deviceName: 'shutdown test' }),
    }),
    201,
  );
  const { accessToken } = await json<{ accessToken: string }>(
    await fetch(`${url}/sync/v1/token`, {
      method: 'POST',
      headers: {
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
        authorization: `Bearer ${tillId}.${credential}`,
      },
    }),
    200,
  );
  const stream = await fetch(`${url}/sync/v1/stream`, {
    headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), authorization: `Bearer ${accessToken}` },
  });
  expect(stream.status).toBe(200);
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain('event: resync');
  // Drains the rest; the server's end of the stream ends this loop.
  const ended = (async () => {
    try {
      while (!(await reader.read()).done);
      return 'ended';
    } catch {
      return 'ended';
    }
  })();
  return { ended };
}

afterAll(() => stopAll());

describe.each(['SIGTERM', 'SIGINT'] as const)('sync server on %s', (signal) => {
  it('ends its live streams, closes its database and exits within 2 s', { timeout: 150_000 }, async () => {
    const server = await startSyncServer({ seedDemoCatalog: true });
    const stream = await openLiveStream(server.url);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.child.once('exit', (code, signalCode) => resolve({ code, signal: signalCode })),
    );
    const started = performance.now();
    server.child.kill(signal);
    const outcome = await Promise.race([
      exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 2_000)),
    ]);
    const tookMs = performance.now() - started;
    expect(outcome, server.output()).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(2_000);
    expect(await stream.ended).toBe('ended');
  });
});
