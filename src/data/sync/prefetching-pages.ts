import type { WithDeleted } from 'rxdb';
import type { SyncCollectionName } from '../../core/sync/collections';
import type { Checkpoint } from '../../core/sync/wire';
import type { TillSession } from './till-session';

/** A prefetched page older than this is dropped and asked for again. */
const PREFETCH_MAX_AGE_MS = 5_000;

export interface PulledPage<T> {
  readonly documents: WithDeleted<T>[];
  readonly checkpoint: Checkpoint;
}

/**
 * The pull requests of one collection. When a page comes back full, the page
 * after it is asked for at once, while the till stores this one: during a first
 * sync the server's answer and the till's IndexedDB writes then overlap
 * instead of taking turns. A prefetched page is what the server held when it
 * answered, exactly as if the till had pulled then: anything committed later
 * has a higher seq and comes in a later pull.
 */
export function prefetchingPages<T>(
  name: SyncCollectionName,
  session: TillSession,
  onRemaining: ((remaining: number) => void) | undefined,
) {
  let ahead: { key: string; at: number; page: Promise<PulledPage<T>> } | undefined;
  const fetchPage = async (seq: number, limit: number): Promise<PulledPage<T>> => {
    const body = await session.request<{
      documents: WithDeleted<T>[];
      checkpoint: Checkpoint;
      remaining?: number;
    }>('GET', `/sync/v1/${name}/pull?checkpoint=${seq}&limit=${limit}`);
    onRemaining?.(body.remaining ?? 0);
    return { documents: body.documents, checkpoint: body.checkpoint };
  };
  return {
    /** Forgets the page asked for ahead (a pass that stops early: its next pass asks afresh). */
    discard(): void {
      ahead = undefined;
    },
    async take(seq: number, limit: number): Promise<PulledPage<T>> {
      const key = `${seq}/${limit}`;
      const prefetched =
        ahead?.key === key && Date.now() - ahead.at < PREFETCH_MAX_AGE_MS ? ahead : undefined;
      ahead = undefined;
      // A failed prefetch is simply asked for again.
      const page = prefetched
        ? await prefetched.page.catch(() => fetchPage(seq, limit))
        : await fetchPage(seq, limit);
      if (page.documents.length >= limit) {
        const next = fetchPage(page.checkpoint.seq, limit);
        next.catch(() => undefined);
        ahead = { key: `${page.checkpoint.seq}/${limit}`, at: Date.now(), page: next };
      }
      return page;
    },
  };
}
