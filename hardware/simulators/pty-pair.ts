import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

// A serial cable for simulators: socat joins two pseudo-terminals and links
// them at fixed paths. The driver opens `devicePath` as it would open
// /dev/ttyUSB0; the simulator holds `peerPath`. Unplugging kills socat, so
// the driver's side fails and its path vanishes, as when a USB adapter is
// pulled out; plugging back starts socat again on the same paths.

export interface PtyPair {
  readonly devicePath: string;
  /** The simulator's end, open while plugged in. */
  readonly peer: () => SerialPort | undefined;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function openPeer(path: string, onData: (chunk: Buffer) => void): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    port.on('error', () => undefined);
    port.on('data', onData);
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

/** `onData` gets what the driver writes to the device. */
export async function startPtyPair(name: string, onData: (chunk: Buffer) => void): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const devicePath = join(dir, 'device');
  const peerPath = join(dir, 'peer');
  let socat: ChildProcess | undefined;
  let peer: SerialPort | undefined;

  const plug = async () => {
    const child = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${peerPath}`], {
      stdio: 'ignore',
    });
    socat = child;
    await waitFor(() => existsSync(devicePath) && existsSync(peerPath), 'socat ptys');
    peer = await openPeer(peerPath, onData);
  };

  const unplug = async () => {
    const child = socat;
    socat = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    const port = peer;
    peer = undefined;
    if (port?.isOpen) await new Promise((resolve) => port.close(resolve));
    // socat removes its links when it exits cleanly; make sure the path is
    // gone either way, as a pulled USB adapter's device node is.
    rmSync(devicePath, { force: true });
    rmSync(peerPath, { force: true });
  };

  await plug();
  return {
    devicePath,
    peer: () => peer,
    unplug,
    async replug() {
      if (!socat) await plug();
    },
    async close() {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
