export type ServerHealth =
  | { readonly reachable: true; readonly checkedAt: number }
  | { readonly reachable: false; readonly checkedAt: number; readonly reason: string };

/** One round trip to the sync server's health check, with a timeout. */
export async function checkServerHealth(syncUrl: string, timeoutMs = 4_000): Promise<ServerHealth> {
  const checkedAt = Date.now();
  try {
    const response = await fetch(`${syncUrl}/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    if (response.ok) return { reachable: true, checkedAt };
    return { reachable: false, checkedAt, reason: `HTTP ${response.status}` };
  } catch (error) {
    return { reachable: false, checkedAt, reason: error instanceof Error ? error.message : String(error) };
  }
}
