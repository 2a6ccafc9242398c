import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A serial cable between two pseudo-terminals (socat), linked at fixed
 * paths: the till's driver opens `tillSide`, the simulated device opens
 * `deviceSide`. `close` kills socat and removes the links.
 */
export interface SocatLink {
  readonly tillSide: string;
  readonly deviceSide: string;
  close(): Promise<void>;
}

export async function startSocatLink(name: string): Promise<SocatLink> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const tillSide = join(dir, 'till');
  const deviceSide = join(dir, 'device');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${tillSide}`, `pty,raw,echo=0,link=${deviceSide}`], {
    stdio: 'ignore',
  });
  const close = async () => {
    if (socat.exitCode === null && socat.signalCode === null) {
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const until = Date.now() + 5_000;
  while (!(existsSync(tillSide) && existsSync(deviceSide))) {
    if (Date.now() > until || socat.exitCode !== null) {
      await close();
      throw new Error(`socat did not link ${tillSide} and ${deviceSide}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { tillSide, deviceSide, close };
}
