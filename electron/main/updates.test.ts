import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { DebUpdater, type UpdateInfo } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  configureUpdater,
  scheduleUpdateChecks,
  storeInRollout,
  storeRolloutPoint,
  type Updater,
  updateSettingsFromEnv,
} from './updates';

describe('update settings', () => {
  it('are off without TILL_UPDATE_URL', () => {
    expect(updateSettingsFromEnv({}, 'PAR01')).toEqual({ ok: true, settings: undefined });
    expect(updateSettingsFromEnv({ TILL_UPDATE_URL: ' ' }, 'PAR01')).toEqual({
      ok: true,
      settings: undefined,
    });
  });

  it('take an https feed, and refuse plain http to another host with a clear error', () => {
    expect(updateSettingsFromEnv({ TILL_UPDATE_URL: 'https://updates.example.fr/till' }, 'PAR01')).toEqual({
      ok: true,
      settings: { feedUrl: 'https://updates.example.fr/till', storeCode: 'PAR01' },
    });
    const plain = updateSettingsFromEnv({ TILL_UPDATE_URL: 'http://updates.example.fr/till' }, 'PAR01');
    expect(plain).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^TILL_UPDATE_URL: the update feed URL .* plain http/),
    });
  });
});

describe('staged rollout per store', () => {
  const stores = Array.from({ length: 2_000 }, (_, i) => `S${String(i).padStart(4, '0')}`);

  it('gives each store one fixed point in [0, 100), the same on every till', () => {
    expect(storeRolloutPoint('PAR01')).toBe(storeRolloutPoint('PAR01'));
    expect(storeRolloutPoint('PAR01')).not.toBe(storeRolloutPoint('LYO01'));
    for (const store of stores) {
      const point = storeRolloutPoint(store);
      expect(point).toBeGreaterThanOrEqual(0);
      expect(point).toBeLessThan(100);
    }
  });

  it('takes about the published share of stores, and raising it only adds stores', () => {
    const inAt = (percentage: number) => stores.filter((store) => storeInRollout(store, percentage));
    const ten = inAt(10);
    const fifty = inAt(50);
    expect(ten.length / stores.length).toBeGreaterThan(0.07);
    expect(ten.length / stores.length).toBeLessThan(0.13);
    expect(fifty.length / stores.length).toBeGreaterThan(0.45);
    expect(fifty.length / stores.length).toBeLessThan(0.55);
    expect(ten.every((store) => fifty.includes(store))).toBe(true);
    expect(inAt(0)).toEqual([]);
    expect(inAt(100)).toEqual(stores);
  });

  it('takes everyone without a percentage, and nobody with a malformed one', () => {
    expect(storeInRollout('PAR01', undefined)).toBe(true);
    expect(storeInRollout('PAR01', '100')).toBe(true);
    for (const bad of ['ten', -1, 101, Number.NaN, {}]) expect(storeInRollout('PAR01', bad)).toBe(false);
  });
});

describe('the till updater', () => {
  it('points at the generic feed and installs only on quit, never a downgrade or a pre-release', () => {
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: true,
      allowPrerelease: true,
      isUserWithinRollout: (_info: UpdateInfo) => true as boolean,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => null),
      on: vi.fn(),
    } satisfies Updater;
    configureUpdater(updater, { feedUrl: 'https://updates.example.fr/till', storeCode: 'PAR01' });
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.example.fr/till',
    });
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    const release = (stagingPercentage: number): UpdateInfo => ({
      version: '0.2.0',
      files: [],
      path: 'x.deb',
      sha512: '',
      releaseDate: '2026-12-01T10:00:00.000Z',
      stagingPercentage,
    });
    expect(updater.isUserWithinRollout(release(0))).toBe(false);
    expect(updater.isUserWithinRollout(release(100))).toBe(true);
  });

  it('checks at once and then on a timer, and logs a failed check instead of throwing', async () => {
    vi.useFakeTimers();
    try {
      const log = vi.fn();
      const updater = {
        autoDownload: false,
        autoInstallOnAppQuit: false,
        allowDowngrade: true,
        allowPrerelease: true,
        isUserWithinRollout: (_info: UpdateInfo) => true as boolean,
        setFeedURL: vi.fn(),
        checkForUpdates: vi.fn(async () => {
          throw new Error('net::ERR_INTERNET_DISCONNECTED');
        }),
        on: vi.fn(),
      } satisfies Updater;
      const scheduler = scheduleUpdateChecks(
        updater,
        { feedUrl: 'https://u.example.fr', storeCode: 'PAR01' },
        log,
        1_000,
      );
      await vi.advanceTimersByTimeAsync(2_500);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
      expect(log).toHaveBeenCalledWith('updates: check failed: net::ERR_INTERNET_DISCONNECTED');
      scheduler.stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

// electron-updater itself (its Linux .deb updater), not a fake: it reads a
// real latest-linux.yml from a generic feed over HTTP and asks our rollout.
// Only Electron's app object and its net module are replaced (a Node HTTP
// client from electron-builder's own builder-util), since the binary cannot run here.
describe('electron-updater on a generic feed with stagingPercentage', () => {
  let server: Server;
  let feedUrl = '';
  const percentage = 50;
  const inStore = ['PAR01', 'LYO01', 'MRS01', 'LIL01', 'NAN01', 'BOR01'].find(
    (s) => storeRolloutPoint(s) < percentage,
  );
  const outStore = ['PAR01', 'LYO01', 'MRS01', 'LIL01', 'NAN01', 'BOR01'].find(
    (s) => storeRolloutPoint(s) >= percentage,
  );

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/till/latest-linux.yml')) {
        response.setHeader('content-type', 'text/yaml');
        response.end(
          [
            'version: 0.2.0',
            'files:',
            '  - url: store-till_0.2.0_amd64.deb',
            '    sha512: 3q2+7w==',
            '    size: 4',
            'path: store-till_0.2.0_amd64.deb',
            'sha512: 3q2+7w==',
            `stagingPercentage: ${percentage}`,
            "releaseDate: '2026-12-01T10:00:00.000Z'",
            '',
          ].join('\n'),
        );
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/till`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function realUpdater(): DebUpdater {
    const dir = mkdtempSync(join(tmpdir(), 'till-updater-'));
    const updater = new DebUpdater(undefined, {
      version: '0.1.0',
      name: 'store-till',
      isPackaged: true,
      appUpdateConfigPath: join(dir, 'app-update.yml'),
      userDataPath: dir,
      baseCachePath: dir,
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    });
    Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
    updater.logger = null;
    return updater;
  }

  it.each([
    ['in', true],
    ['out of', false],
  ] as const)('a store %s the rollout is offered the release: %s', async (which, offered) => {
    const storeCode = which === 'in' ? inStore : outStore;
    expect(storeCode).toBeDefined();
    const updater = realUpdater();
    configureUpdater(updater, { feedUrl, storeCode: storeCode ?? '' });
    // Only the decision is under test here, not the download.
    updater.autoDownload = false;
    const result = await updater.checkForUpdates();
    expect(result?.updateInfo.version).toBe('0.2.0');
    expect(result?.isUpdateAvailable).toBe(offered);
  });
});
