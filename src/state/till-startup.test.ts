import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import { SyncRequestError } from '../data/sync/sync-http';
import type { TillServices } from './till-services';
import type { StartupDeps } from './till-startup';
import { createTillStartup } from './till-startup';

const config: RuntimeConfig = {
  syncUrl: 'http://127.0.0.1:1',
  storeCode: 'PAR01',
  tillCode: '01',
  pairingCodes: { cashier: 'AAAA-BBBB-CCCC' },
};

const refusedWith = (reason: string) =>
  new SyncRequestError({
    kind: 'http',
    status: 401,
    error: 'unauthenticated',
    message: 'pairing code already used',
    details: { reason },
  });

function startupWith(fail: (config: RuntimeConfig) => unknown, load = async () => config) {
  const seen: RuntimeConfig[] = [];
  const deps: StartupDeps = {
    loadRuntimeConfig: load,
    async startTillServices(cfg, _screenSet, { progress }) {
      seen.push(cfg);
      progress.step('database');
      progress.step('enrolment');
      const failure = fail(cfg);
      if (failure) throw failure;
      return {} as TillServices;
    },
  };
  return { startup: createTillStartup('cashier', deps), seen };
}

describe('till start-up failures', () => {
  it('a used pairing code is told as such, at the enrolment step, with the server’s text kept for support', async () => {
    const { startup } = startupWith(() => refusedWith('code-used'));
    await startup.start();
    expect(startup.store.getState().failure).toEqual({
      code: 'code-used',
      step: 'enrolment',
      detail: 'Error: 401 unauthenticated: pairing code already used',
    });
  });

  it('a pairing code typed on the start screen replaces the configured one; a mistyped one is not sent', async () => {
    const { startup, seen } = startupWith((cfg) =>
      cfg.pairingCodes?.cashier === 'WXYZ-2345-6789' ? undefined : refusedWith('code-used'),
    );
    await startup.start();
    await startup.start('wxyz 2345');
    expect(startup.store.getState().failure?.code).toBe('pairing-code-malformed');
    expect(seen).toHaveLength(1);
    await startup.start('WXYZ-2345-6789');
    expect(startup.store.getState().failure).toBeUndefined();
    expect(startup.store.getState().step).toBe('ready');
    expect(seen.at(-1)?.pairingCodes?.cashier).toBe('WXYZ-2345-6789');
  });

  it('no server, no configuration, no pairing code, an unknown failure', async () => {
    const network = startupWith(() => new SyncRequestError({ kind: 'network', message: 'Failed to fetch' }));
    await network.startup.start();
    expect(network.startup.store.getState().failure?.code).toBe('server-unreachable');

    const noConfig = startupWith(
      () => undefined,
      async () => {
        throw new Error('runtime config: HTTP 404');
      },
    );
    await noConfig.startup.start();
    expect(noConfig.startup.store.getState().failure?.code).toBe('config-unavailable');

    const notEnrolled = startupWith(
      () => new Error('this till is not enrolled and has no pairing code'),
      async () => ({ ...config, pairingCodes: undefined }),
    );
    await notEnrolled.startup.start();
    expect(notEnrolled.startup.store.getState().failure?.code).toBe('not-enrolled');

    const old = startupWith(
      () => new SyncRequestError({ kind: 'http', status: 426, error: 'upgrade-required', message: 'v2' }),
    );
    await old.startup.start();
    expect(old.startup.store.getState().failure?.code).toBe('upgrade-required');
  });
});
