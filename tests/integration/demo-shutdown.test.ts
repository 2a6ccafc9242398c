import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/processes';

// `npm start` promises that stopping it stops everything it started: the
// sync server, the agent, and the demo devices' simulators with their socat
// serial cables. It is stopped here with SIGTERM on the launcher alone (a
// service manager's stop), the case that once left socat running.

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
}

function processTable(): Proc[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .flatMap((m) => (m ? [{ pid: Number(m[1]), ppid: Number(m[2]), command: m[3] ?? '' }] : []));
}

function descendants(root: number): Proc[] {
  const table = processTable();
  const found: Proc[] = [];
  const walk = (pid: number) => {
    for (const child of table.filter((p) => p.ppid === pid)) {
      found.push(child);
      walk(child.pid);
    }
  };
  walk(root);
  return found;
}

/** Gone, or a zombie nobody reaps (this container's init does not): either way no longer running. */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.startsWith('Z') !== true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('stops its services and every simulator when the launcher is told to stop', {
    timeout: 150_000,
  }, async () => {
    const dataDir = makeTempDir('demo-shutdown');
    const launcher = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        TILL_SKIP_BUILD: '1',
        TILL_ELECTRON: 'off',
        TILL_SYNC_PORT: '0',
        TILL_AGENT_PORT: '0',
        TILL_PRINTER_PAGE_PORT: '0',
        TILL_DATABASE_URL: 'pglite:memory',
        TILL_DATA_DIR: dataDir,
        TILL_CONFIG: `${dataDir}/no-such-config.json`,
        TILL_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    launcher.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    launcher.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
      const started = descendants(launcher.pid ?? -1);
      // What the demo must have started, so that this test can fail.
      expect(started.filter((p) => p.command.startsWith('socat')).length, output).toBeGreaterThanOrEqual(2);
      expect(
        started.some((p) => p.command.includes('dist/sync-server/main.js')),
        output,
      ).toBe(true);
      expect(
        started.some((p) => p.command.includes('dist/hardware/agent.js')),
        output,
      ).toBe(true);

      launcher.kill('SIGTERM');
      expect(await exited).toBe(0);
      const left = started.filter((p) => running(p.pid));
      expect(left.map((p) => `${p.pid} ${p.command}`)).toEqual([]);
    } finally {
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
      for (const p of descendants(launcher.pid ?? -1)) process.kill(p.pid, 'SIGKILL');
    }
  });
});
