import { expect } from 'vitest';

/** Journal entries pushed but not projected yet, parked failures aside: 0 once the server's projector has caught up. */
const UNPROJECTED_ENTRIES_SQL =
  'SELECT count(*)::text AS n FROM journal_projection_queue WHERE failed_at IS NULL';

/**
 * Waits until the server's projector has caught up with every pushed entry (docs/projections.md, "The
 * projector"). Projections follow a push off its path, so a test that reads projected rows waits for this
 * first; `query` runs SQL on the server's database.
 */
export async function waitForProjections(
  query: (sql: string) => Promise<readonly { n: string }[]>,
  timeout = 30_000,
): Promise<void> {
  await expect.poll(async () => (await query(UNPROJECTED_ENTRIES_SQL))[0]?.n, { timeout }).toBe('0');
}
