import { isHostParentPort, serveHostOverPort } from './host-process-server';
import { loadDeviceHost } from './load-device-host';

// Entry of Electron's hardware utility process (utilityProcess.fork of
// dist/electron/device-host.cjs). Native device modules load here, never in
// the main process: a driver that crashes takes down only this process, and
// the main process restarts it.

async function main(): Promise<void> {
  const port: unknown = Reflect.get(process, 'parentPort');
  if (!isHostParentPort(port)) throw new Error('not started by Electron utilityProcess.fork');
  // Main always says which devices (electron/main/shell-config.ts); without
  // that, no devices: never simulators, whose card terminal approves everything.
  const host = await loadDeviceHost({
    devices: process.env.TILL_DEVICES ?? 'none',
    dataDir: process.env.TILL_DATA_DIR ?? '.data/hardware',
  });
  serveHostOverPort(port, host);
  // Main kills the process to stop it; SIGTERM (OS shutdown) closes drivers first.
  process.once('SIGTERM', () => {
    void host.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error('device host failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
