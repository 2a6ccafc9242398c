import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostChild,
  type HostSupervisor,
  superviseHostProcess,
} from '../../electron/main/host-process-supervisor';
import { DEMO_DEVICE_IDS, type DemoDevices, startDemoDevices } from '../../hardware/simulators/demo-devices';
import type { BridgeEvent } from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { makeTempDir } from '../support/processes';

// The built utility-process bundle (dist/electron/device-host.cjs) in a real
// child process, driven by the real supervisor of the main process. Only
// Electron's utilityProcess.fork is replaced: Node's fork with a shim for
// process.parentPort, since the Electron binary cannot run here.

const BUNDLE = resolve('dist/electron/device-host.cjs');
const SHIM = resolve('tests/support/electron/parent-port-shim.cjs');

const children: ChildProcess[] = [];
let supervisor: HostSupervisor | undefined;
// The demo devices run in this process; the host process gets a device file
// pointing at them, so killing it leaves no simulator behind.
let demo: DemoDevices | undefined;
let devicesFile = '';

beforeAll(async () => {
  demo = await startDemoDevices();
  devicesFile = join(makeTempDir('electron-host-devices'), 'devices.json');
  writeFileSync(devicesFile, JSON.stringify(demo.config));
});
afterAll(async () => {
  await demo?.close();
});

function forkWithNode(): HostChild {
  const child = fork(BUNDLE, [], {
    execArgv: ['--require', SHIM],
    serialization: 'advanced',
    env: { ...process.env, TILL_DEVICES: devicesFile, TILL_DATA_DIR: makeTempDir('electron-host-data') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return {
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'message') child.on('message', listener as (message: unknown) => void);
      else child.on('exit', (code) => (listener as (code: number) => void)(code ?? -1));
      return child;
    },
    postMessage: (message) => {
      child.send(message as object);
    },
    kill: () => child.kill(),
  } as HostChild;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

afterEach(() => {
  supervisor?.stop();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('Electron hardware host process', () => {
  it('serves bridge calls from the built bundle, and comes back after a crash', async () => {
    expect(existsSync(BUNDLE), 'run `npm run build` first').toBe(true);
    const events: Array<[BridgeEvent, unknown]> = [];
    supervisor = superviseHostProcess({
      fork: forkWithNode,
      onEvent: (event, payload) => events.push([event, payload]),
      initialBackoffMs: 50,
      log: () => undefined,
    });
    const host = supervisor;
    await until(host.isUp);
    const deviceIds = async () => {
      const statuses = await host.call('devices.status', {});
      return statuses.ok ? (statuses.value as DeviceStatus[]).map((d) => d.deviceId).sort() : [];
    };
    const devices = Object.values(DEMO_DEVICE_IDS).sort();
    await expect.poll(deviceIds).toEqual(devices);
    expect(await host.call('display.show', { upper: 'x'.repeat(30), lower: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });

    // A native driver crash takes the process down hard.
    children[0]?.kill('SIGKILL');
    await until(() => !host.isUp());
    expect(await host.call('devices.status', {})).toMatchObject({
      ok: false,
      error: { code: 'host-unreachable', retryable: true },
    });
    const restarting = events.filter(
      ([, payload]) => (payload as { detail?: string }).detail === 'hardware service restarting',
    );
    expect(restarting).toHaveLength(devices.length);

    await until(host.isUp);
    expect(children).toHaveLength(2);
    await expect.poll(deviceIds).toEqual(devices);
  });
});
