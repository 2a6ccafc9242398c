import { performance } from 'node:perf_hooks';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { SYNC_COLLECTION_NAMES } from '../../src/core/sync/collections';
import { readServerSentEvents } from '../../src/data/sync/server-sent-events';
import { type NodeTill, syncHeaders } from './server';

// The live streams of the `tills` suite's simulated tills, in a worker thread
// of the bench process: every till holds its stream open, applies the deltas
// that follow its checkpoint and pulls what a `resync` or a gap names, as the
// real till does. Each real till parses only its own stream on its own
// machine; here 500 share one process, and parsing every store's deltas on
// the thread that sends the uploads and times them delayed the uploads'
// timing itself (the bench's event loop: max 83-143 ms a run, bench/README.md).
// The worker tells the bench when a till's stream heard of a stock change,
// with the wall-clock time it did.

export interface PullStats {
  pulls: number;
  errors: number;
  readonly byCollection: Map<string, number>;
}

export interface DeltaStats {
  events: number;
  documents: number;
  /** Deltas that did not follow the till's checkpoint: it pulled instead. */
  gaps: number;
  readonly byCollection: Map<string, number>;
}

interface Delta {
  collection: string;
  from: number;
  to: number;
  documents: unknown[];
}

interface StreamingTill {
  readonly till: NodeTill;
  readonly checkpoints: Map<string, number>;
  /** Collections being pulled now, and those named again meanwhile. */
  readonly pulling: Set<string>;
  readonly dirty: Set<string>;
  resyncs: number;
}

interface Setup {
  readonly base: string;
  readonly tills: readonly NodeTill[];
  readonly deltas: readonly string[];
}

type ToWorker = { type: 'stats' } | { type: 'stop' };
type FromWorker =
  | { type: 'settled' }
  | { type: 'failed'; message: string }
  /** Tills whose stream heard of a stock change: [till index, epoch ms] pairs. */
  | { type: 'heard'; heard: number[] }
  | {
      type: 'stats';
      pulls: number;
      errors: number;
      pullsBy: [string, number][];
      events: number;
      documents: number;
      gaps: number;
      eventsBy: [string, number][];
    };

/** Wall-clock milliseconds with performance.now()'s resolution, comparable across threads. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

async function pull(base: string, sim: StreamingTill, collection: string, stats: PullStats) {
  if (sim.pulling.has(collection)) {
    sim.dirty.add(collection);
    return;
  }
  sim.pulling.add(collection);
  try {
    do {
      sim.dirty.delete(collection);
      for (let failures = 0; failures < 3; ) {
        const checkpoint = sim.checkpoints.get(collection) ?? 0;
        try {
          const response = await fetch(
            `${base}/sync/v1/${collection}/pull?checkpoint=${checkpoint}&limit=500`,
            { headers: syncHeaders(sim.till) },
          );
          stats.pulls++;
          stats.byCollection.set(collection, (stats.byCollection.get(collection) ?? 0) + 1);
          if (!response.ok) throw new Error(`pull: HTTP ${response.status}`);
          const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } };
          sim.checkpoints.set(collection, body.checkpoint.seq);
          if (body.documents.length < 500) break;
        } catch {
          // A till retries a failed pull; the failures are counted and printed.
          stats.errors++;
          failures++;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    } while (sim.dirty.has(collection));
  } finally {
    sim.pulling.delete(collection);
  }
}

function openStream(
  base: string,
  deltas: readonly string[],
  sim: StreamingTill,
  signal: AbortSignal,
  onResync: (collections: string[]) => void,
  onDelta: (delta: Delta) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    void (async () => {
      const query = deltas.length > 0 ? `?deltas=${deltas.join(',')}` : '';
      const response = await fetch(`${base}/sync/v1/stream${query}`, {
        headers: syncHeaders(sim.till),
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
      resolve();
      await readServerSentEvents(response.body, (data) => {
        const event = JSON.parse(data) as { collections?: string[]; delta?: Delta };
        if (event.delta) onDelta(event.delta);
        else onResync(event.collections ?? []);
      });
    })().catch((error: unknown) => {
      if (!signal.aborted) reject(error);
    });
  });
}

async function inBatches<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** The worker's side: opens every stream, then answers the bench's messages. */
async function serveStreams(port: NonNullable<typeof parentPort>, { base, tills, deltas }: Setup) {
  const send = (message: FromWorker) => port.postMessage(message);
  const stop = new AbortController();
  const pullStats: PullStats = { pulls: 0, errors: 0, byCollection: new Map() };
  const deltaStats: DeltaStats = { events: 0, documents: 0, gaps: 0, byCollection: new Map() };
  // Heard stock changes, sent in one message a few milliseconds later (the time is taken on arrival).
  let heard: number[] = [];
  const flush = setInterval(() => {
    if (heard.length === 0) return;
    send({ type: 'heard', heard });
    heard = [];
  }, 5);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      stop.abort();
      clearInterval(flush);
      port.close();
      return;
    }
    send({
      type: 'stats',
      pulls: pullStats.pulls,
      errors: pullStats.errors,
      pullsBy: [...pullStats.byCollection],
      events: deltaStats.events,
      documents: deltaStats.documents,
      gaps: deltaStats.gaps,
      eventsBy: [...deltaStats.byCollection],
    });
  });
  const sims: StreamingTill[] = tills.map((till) => ({
    till,
    checkpoints: new Map(),
    pulling: new Set(),
    dirty: new Set(),
    resyncs: 0,
  }));
  try {
    await inBatches(
      sims.map((sim, index) => ({ sim, index })),
      50,
      ({ sim, index }) =>
        openStream(
          base,
          deltas,
          sim,
          stop.signal,
          (collections) => {
            sim.resyncs++;
            if (collections.includes('inventory')) heard.push(index, epochMs());
            for (const collection of collections) void pull(base, sim, collection, pullStats);
          },
          (delta) => {
            const { collection } = delta;
            deltaStats.events++;
            deltaStats.documents += delta.documents.length;
            deltaStats.byCollection.set(collection, (deltaStats.byCollection.get(collection) ?? 0) + 1);
            // A sale lowers its store's stock: the pushing till hears of it (its own journal is not announced).
            if (collection === 'inventory') heard.push(index, epochMs());
            // Applied when it follows the till's checkpoint (as pull-replication.ts does), else pulled.
            const checkpoint = sim.checkpoints.get(collection) ?? 0;
            if (delta.from > checkpoint || sim.pulling.has(collection)) {
              deltaStats.gaps++;
              void pull(base, sim, collection, pullStats);
            } else sim.checkpoints.set(collection, Math.max(checkpoint, delta.to));
          },
        ),
    );
    // Every till's first event names every collection: settled once each has pulled them all.
    const deadline = Date.now() + 60_000;
    while (
      sims.some(
        (s) => s.resyncs === 0 || s.pulling.size > 0 || s.checkpoints.size < SYNC_COLLECTION_NAMES.length,
      )
    ) {
      if (Date.now() > deadline) throw new Error('streams did not settle within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    send({ type: 'settled' });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort && (workerData as { tillStreams?: Setup } | undefined)?.tillStreams)
  void serveStreams(parentPort, (workerData as { tillStreams: Setup }).tillStreams);

export interface TillStreams {
  /**
   * Called with the till's index and the wall-clock time its stream heard of
   * a stock change; the listener answers false for a time it could not use
   * (heard before the till's latest push was sent: counted in `dropped`).
   */
  onHeard(listener: (index: number, atEpochMs: number) => boolean): void;
  /** Rejects once the worker has stopped on its own (an error or an exit): the run's figures would be missing. */
  stats(): Promise<{ pulls: PullStats; deltas: DeltaStats; dropped: number }>;
  stop(): Promise<void>;
}

/** Starts the worker, which opens every till's stream; resolves once they have all settled. */
export async function startTillStreams(setup: Setup): Promise<TillStreams> {
  // The bench runs under tsx: the worker registers it before loading this file.
  const self = new URL(import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(self)}); })`,
    { eval: true, workerData: { tillStreams: setup } },
  );
  const listeners: ((index: number, at: number) => boolean)[] = [];
  let dropped = 0;
  let stopping = false;
  let broken: Error | undefined;
  let statsWaiting: ((message: Extract<FromWorker, { type: 'stats' }>) => void) | undefined;
  worker.on('error', (error) => {
    broken ??= error;
  });
  worker.on('exit', (code) => {
    if (!stopping) broken ??= new Error(`the tills' streams worker exited (code ${code})`);
  });
  const settled = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', () => reject(broken));
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'settled') resolve();
      else if (message.type === 'failed') reject(new Error(message.message));
      else if (message.type === 'heard') {
        for (let i = 0; i < message.heard.length; i += 2)
          for (const listener of listeners)
            if (!listener(message.heard[i] as number, message.heard[i + 1] as number)) dropped++;
      } else statsWaiting?.(message);
    });
  });
  await settled.catch(async (error: unknown) => {
    stopping = true;
    await worker.terminate();
    throw error;
  });
  return {
    onHeard: (listener) => listeners.push(listener),
    stats: () =>
      new Promise((resolve, reject) => {
        if (broken) {
          reject(broken);
          return;
        }
        statsWaiting = (m) =>
          resolve({
            pulls: { pulls: m.pulls, errors: m.errors, byCollection: new Map(m.pullsBy) },
            deltas: {
              events: m.events,
              documents: m.documents,
              gaps: m.gaps,
              byCollection: new Map(m.eventsBy),
            },
            dropped,
          });
        worker.postMessage({ type: 'stats' } satisfies ToWorker);
      }),
    async stop() {
      stopping = true;
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      await worker.terminate();
    },
  };
}
