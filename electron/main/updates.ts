import { createHash } from 'node:crypto';
import type { UpdateInfo } from 'electron-updater';
import { syncUrlProblem } from '../../src/core/runtime/sync-url';

// Signed updates through electron-updater's generic provider. The feed URL
// is a setting (TILL_UPDATE_URL; no URL, no updates). A release rolls out in
// stages by store: latest.yml's `stagingPercentage` says how much of the
// estate gets it, and each store's code decides, the same way on every till
// of the store, whether the store is in. So a store's tills move to a new
// version together (they share receipts, orders and the sync protocol), and
// raising the percentage only ever adds stores. What electron-updater
// verifies on each platform is in docs/electron.md ("Updates").

export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60_000;

export interface UpdateSettings {
  /** Base URL of the generic feed: https://…/ holding latest.yml (Windows) and latest-linux.yml. */
  readonly feedUrl: string;
  /** The till's store code: its place in the staged rollout. */
  readonly storeCode: string;
}

export type UpdateSettingsResult =
  | { readonly ok: true; readonly settings: UpdateSettings | undefined }
  | { readonly ok: false; readonly problem: string };

/** TILL_UPDATE_URL: empty = updates off; otherwise https (plain http only to this machine, for tests). */
export function updateSettingsFromEnv(env: NodeJS.ProcessEnv, storeCode: string): UpdateSettingsResult {
  const feedUrl = env.TILL_UPDATE_URL?.trim() ?? '';
  if (feedUrl === '') return { ok: true, settings: undefined };
  const problem = syncUrlProblem(feedUrl);
  if (problem)
    return {
      ok: false,
      problem: `TILL_UPDATE_URL: ${problem.replace('the sync URL', 'the update feed URL')}`,
    };
  return { ok: true, settings: { feedUrl, storeCode } };
}

/**
 * The store's place in every rollout, in [0, 100): the first 32 bits of
 * SHA-256("store-till-rollout:" + store code) scaled to a percentage. Fixed per
 * store, so the same stores go first in every release (the pilot stores are
 * those with the lowest numbers; docs/electron.md lists how to see a store's).
 */
export function storeRolloutPoint(storeCode: string): number {
  const digest = createHash('sha256').update(`store-till-rollout:${storeCode}`).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

/**
 * Whether the store takes a release published with `stagingPercentage`.
 * None given: everyone. A value that is not a number from 0 to 100 fails
 * closed: nobody, until the feed is fixed (a typo must not ship to every store).
 */
export function storeInRollout(storeCode: string, stagingPercentage: unknown): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percentage = typeof stagingPercentage === 'string' ? Number(stagingPercentage) : stagingPercentage;
  if (typeof percentage !== 'number' || !Number.isFinite(percentage) || percentage < 0 || percentage > 100)
    return false;
  return storeRolloutPoint(storeCode) < percentage;
}

/** The part of electron-updater's AppUpdater this module uses (its real classes fit it: see updates.test.ts). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  isUserWithinRollout: (info: UpdateInfo) => boolean | Promise<boolean>;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

/** Points the updater at the feed with the store's rollout and the till's safe defaults. */
export function configureUpdater(updater: Updater, settings: UpdateSettings): void {
  updater.setFeedURL({ provider: 'generic', url: settings.feedUrl });
  updater.isUserWithinRollout = (info) => storeInRollout(settings.storeCode, info.stagingPercentage);
  updater.autoDownload = true;
  // Installed when the till is next closed or restarted, never in the middle of a sale.
  updater.autoInstallOnAppQuit = true;
  // A feed cannot push a till back to an older (possibly vulnerable) version, nor a pre-release.
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
}

export interface UpdateScheduler {
  stop(): void;
}

/** Checks now and every `everyMs`; failures (offline store, feed down) are logged and retried at the next check. */
export function scheduleUpdateChecks(
  updater: Updater,
  settings: UpdateSettings,
  log: (message: string) => void,
  everyMs = UPDATE_CHECK_EVERY_MS,
): UpdateScheduler {
  configureUpdater(updater, settings);
  updater.on('error', (error) => log(`updates: ${error.message}`));
  updater.on('update-downloaded', (info) =>
    log(`updates: version ${info.version} downloaded and verified; it installs when the till next restarts`),
  );
  const check = () =>
    void updater.checkForUpdates().catch((error: unknown) => {
      log(`updates: check failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  check();
  const timer = setInterval(check, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
