import { Subject } from 'rxjs';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../core/sync/protocol';
import {
  type DeltaCollection,
  type DeltaEvent,
  deltaEventSchema,
  resyncEventSchema,
} from '../../core/sync/wire';
import { readServerSentEvents } from './server-sent-events';
import type { TillSession } from './till-session';

export type StreamState = 'connecting' | 'open' | 'closed';

/**
 * The server pings every 15 s. A link that dies without a reset (a router
 * reboot, a cable pulled upstream) leaves a socket that never ends: after
 * this long without a byte the connection is given up and reopened.
 */
const STREAM_SILENCE_MS = 45_000;

/**
 * The server's live stream (server-sent events) read with fetch, because
 * EventSource cannot send an Authorization header. Each `resync` event names
 * collections to pull again; reconnects back off and always begin with a
 * resync, so nothing committed while the link was down is missed. The
 * collections in `deltas` come as documents in `delta` events instead of
 * resyncs (docs/sync-protocol.md, section 8).
 */
export function openChangeStream(syncUrl: string, session: TillSession, deltas: readonly DeltaCollection[]) {
  const resync$ = new Subject<readonly string[]>();
  const delta$ = new Subject<DeltaEvent>();
  const state$ = new Subject<StreamState>();
  const controller = new AbortController();
  let failures = 0;

  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      state$.next('connecting');
      const connection = new AbortController();
      const giveUp = () => connection.abort();
      controller.signal.addEventListener('abort', giveUp);
      let silence = setTimeout(giveUp, STREAM_SILENCE_MS);
      try {
        // Stock and sales changes come as deltas: one read per store on the server instead of one pull per till.
        const query = deltas.length > 0 ? `?deltas=${deltas.join(',')}` : '';
        const response = await fetch(`${syncUrl}/sync/v1/stream${query}`, {
          headers: {
            [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
            authorization: await session.authorization(),
          },
          signal: connection.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
        failures = 0;
        state$.next('open');
        session.pacer.linkUp();
        await readServerSentEvents(
          response.body,
          (data) => {
            const json = safeJson(data);
            const parsed = resyncEventSchema.safeParse(json);
            if (parsed.success) return resync$.next(parsed.data.collections);
            const delta = deltaEventSchema.safeParse(json);
            if (delta.success) delta$.next(delta.data.delta);
          },
          () => {
            clearTimeout(silence);
            silence = setTimeout(giveUp, STREAM_SILENCE_MS);
          },
        );
      } catch {
        // Network errors and aborts end up here; the loop decides what next.
      } finally {
        clearTimeout(silence);
        controller.signal.removeEventListener('abort', giveUp);
      }
      state$.next('closed');
      if (controller.signal.aborted) return;
      const failedAt = session.pacer.failureMark();
      failures++;
      await session.pacer.wait(failures, failedAt, controller.signal);
    }
  };
  void run();

  return {
    resync$: resync$.asObservable(),
    /** The store's stock and sales changes, as documents after a checkpoint (pull-replication.ts applies them). */
    delta$: delta$.asObservable(),
    state$: state$.asObservable(),
    close() {
      controller.abort();
      resync$.complete();
      delta$.complete();
      state$.complete();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
