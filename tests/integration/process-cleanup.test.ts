import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// The harness promise: processes started by a test are stopped even when
// the test fails. A child Vitest runs a suite that starts the sync server and
// the agent, then fails; afterwards neither process may be left running.
describe('test process harness', () => {
  it('stops the processes a failing test started', () => {
    const run = spawnSync(
      'npx',
      ['vitest', 'run', '--config', 'tests/support/fixtures/vitest.fixture.config.ts', '--reporter=verbose'],
      { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 150_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('failing on purpose');
    const pids = /PIDS (\d+) (\d+)/.exec(output)?.slice(1).map(Number) ?? [];
    expect(pids, output).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid), `process ${pid} still running`).toBe(false);
  });
});
