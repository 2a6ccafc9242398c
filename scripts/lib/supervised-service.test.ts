import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SupervisedService, superviseService } from './supervised-service';

// Real child processes (node -e): a service that says it is ready, then dies
// a given number of times before it stays up, counting its starts in a file.

const BACKOFF = { baseMs: 50, maxMs: 200 };

function flakyService(dieTimes: number, exitCode = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'till-supervised-'));
  const counter = join(dir, 'starts');
  const script = `
    const fs = require('node:fs');
    const starts = (fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0) + 1;
    fs.writeFileSync(${JSON.stringify(counter)}, String(starts));
    console.log(JSON.stringify({ event: 'ready', service: 'flaky', url: 'http://127.0.0.1:1/' + starts }));
    if (starts <= ${dieTimes}) setTimeout(() => { console.error('boom ' + starts); process.exit(${exitCode}); }, 30);
    else setInterval(() => {}, 1000);
  `;
  return {
    service: { name: 'flaky', args: ['-e', script] },
    starts: () => (existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0),
  };
}

const isAlive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let supervised: SupervisedService | undefined;
afterEach(async () => {
  await supervised?.stop();
  supervised = undefined;
});

describe('superviseService (the launcher keeps its services up)', () => {
  it('says which process died and why, and restarts it with a doubling back-off', async () => {
    const flaky = flakyService(3);
    const lines: string[] = [];
    supervised = await superviseService({
      service: flaky.service,
      backoff: BACKOFF,
      log: (l) => lines.push(l),
    });
    await expect.poll(() => supervised?.restarts(), { timeout: 10_000 }).toBe(3);
    expect(supervised.current().url).toBe('http://127.0.0.1:1/4');
    expect(isAlive(supervised.current().child.pid)).toBe(true);
    const died = lines.filter((line) => line.includes('died'));
    expect(died).toHaveLength(3);
    expect(died[0]).toContain('[start] flaky died: exited with code 3. Its last lines:');
    expect(died[0]).toContain('boom 1');
    expect(lines.filter((line) => line.includes('restarting'))).toEqual([
      '[start] restarting flaky in 50 ms (failure 1 in a row)',
      '[start] restarting flaky in 100 ms (failure 2 in a row)',
      '[start] restarting flaky in 200 ms (failure 3 in a row)',
    ]);
    expect(lines).toContain('[start] flaky is running again (http://127.0.0.1:1/4)');
  });

  it('names the signal that killed a process', async () => {
    const flaky = flakyService(0);
    const lines: string[] = [];
    supervised = await superviseService({
      service: flaky.service,
      backoff: BACKOFF,
      log: (l) => lines.push(l),
    });
    supervised.current().child.kill('SIGKILL');
    await expect.poll(() => supervised?.restarts(), { timeout: 10_000 }).toBe(1);
    expect(lines[0]).toMatch(/^\[start\] flaky died: killed by SIGKILL\. Its last lines:/);
  });

  it('starts the back-off over once a restarted process stayed up long enough', async () => {
    const flaky = flakyService(0);
    const lines: string[] = [];
    supervised = await superviseService({
      service: flaky.service,
      backoff: BACKOFF,
      stableAfterMs: 300,
      log: (l) => lines.push(l),
    });
    supervised.current().child.kill('SIGKILL');
    await expect.poll(() => supervised?.restarts(), { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    supervised.current().child.kill('SIGKILL');
    await expect.poll(() => supervised?.restarts(), { timeout: 10_000 }).toBe(2);
    expect(lines.filter((line) => line.includes('restarting'))).toEqual([
      '[start] restarting flaky in 50 ms (failure 1 in a row)',
      '[start] restarting flaky in 50 ms (failure 1 in a row)',
    ]);
  });

  it('stop cancels a pending restart and leaves no process', async () => {
    const flaky = flakyService(100);
    const lines: string[] = [];
    supervised = await superviseService({
      service: flaky.service,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      log: (l) => lines.push(l),
    });
    const first = supervised.current().child;
    await expect.poll(() => lines.some((line) => line.includes('restarting'))).toBe(true);
    const started = performance.now();
    await supervised.stop();
    expect(performance.now() - started).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(flaky.starts()).toBe(1);
    expect(isAlive(first.pid)).toBe(false);
  });

  it('stop ends a running process', async () => {
    const flaky = flakyService(0);
    supervised = await superviseService({ service: flaky.service, backoff: BACKOFF, log: () => undefined });
    const child = supervised.current().child;
    await supervised.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  });

  it('stop ends a restart that is still starting, without waiting for its ready timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'till-supervised-'));
    const counter = join(dir, 'starts');
    const pidFile = join(dir, 'pid');
    // Ready on its first start, then dies; the second start never says it is ready.
    const script = `
      const fs = require('node:fs');
      const starts = (fs.existsSync(${JSON.stringify(counter)}) ? 1 : 0) + 1;
      fs.writeFileSync(${JSON.stringify(counter)}, String(starts));
      if (starts === 1) {
        console.log(JSON.stringify({ event: 'ready', service: 'slow', url: 'http://127.0.0.1:1' }));
        setTimeout(() => process.exit(1), 30);
      } else {
        fs.writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
        setInterval(() => {}, 1000);
      }
    `;
    supervised = await superviseService({
      service: { name: 'slow', args: ['-e', script], readyTimeoutMs: 60_000 },
      backoff: BACKOFF,
      log: () => undefined,
    });
    await expect.poll(() => existsSync(pidFile), { timeout: 10_000 }).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(isAlive(pid)).toBe(true);
    const started = performance.now();
    await supervised.stop();
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(isAlive(pid)).toBe(false);
  });

  it('does not restart a process whose exit is final (the Electron window closed)', async () => {
    const flaky = flakyService(1, 0);
    let finalExits = 0;
    supervised = await superviseService({
      service: flaky.service,
      backoff: BACKOFF,
      log: () => undefined,
      isFinalExit: (code) => code === 0,
      onFinalExit: () => {
        finalExits += 1;
      },
    });
    await expect.poll(() => finalExits).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(flaky.starts()).toBe(1);
    expect(supervised.restarts()).toBe(0);
  });
});
