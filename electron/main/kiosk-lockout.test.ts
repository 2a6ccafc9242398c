import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPin, type StaffMember } from '../../src/core/staff/staff-member';
import { createKioskExitGuard, type KioskExitFailure } from './kiosk-exit-guard';
import { fileLockoutStore } from './kiosk-lockout-store';

// The kiosk-exit lockout once lived in memory only: relaunching the app (a
// crash, a power cut, pulling the plug) gave a guesser five fresh tries.
// It is kept in a file now, and every wrong PIN is logged.

const manager: StaffMember = {
  id: 'mgr-claire',
  storeCode: 'PAR01',
  displayName: 'Claire',
  role: 'manager',
  pin: hashPin('482193', new Uint8Array(16).fill(7), 1_000),
  active: true,
};

function relaunchable(file: string, clock: { now: number }, failures: KioskExitFailure[] = []) {
  return createKioskExitGuard({
    managers: [manager],
    now: () => clock.now,
    store: fileLockoutStore(file),
    onFailure: (failure) => failures.push(failure),
  });
}

describe('kiosk-exit lockout across relaunches', () => {
  it('a relaunch does not clear a lockout, nor the wrong PINs counted before it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-kiosk-lock-')), 'kiosk-exit-lockout.json');
    const clock = { now: 1_000_000 };
    const first = relaunchable(file, clock);
    for (let i = 0; i < 3; i++)
      expect(first.tryExit('000000').answer).toEqual({ ok: false, reason: 'wrong-pin' });

    // Relaunch: two more wrong PINs reach the limit of five.
    const second = relaunchable(file, clock);
    expect(second.tryExit('000000').answer).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(second.tryExit('000000').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30_000 });

    // Relaunch while locked: still locked, even for the right PIN.
    clock.now += 10_000;
    const third = relaunchable(file, clock);
    expect(third.tryExit('482193').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 20_000 });

    // After the lockout the right PIN works, and a success clears the file's count.
    clock.now += 20_000;
    expect(relaunchable(file, clock).tryExit('482193').answer).toEqual({ ok: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ wrongInARow: 0, lockouts: 0, lockedUntil: 0 });
  });

  it('the next lockout after a relaunch is longer, as without the relaunch', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-kiosk-lock-')), 'lock.json');
    const clock = { now: 5_000_000 };
    const guard = relaunchable(file, clock);
    for (let i = 0; i < 5; i++) guard.tryExit('000000');
    clock.now += 30_000;
    const again = relaunchable(file, clock);
    for (let i = 0; i < 4; i++) again.tryExit('000000');
    expect(again.tryExit('000000').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 60_000 });
  });

  it('logs every failure: each wrong PIN, each lockout, each try while locked (never the PIN)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-kiosk-lock-')), 'lock.json');
    const clock = { now: 9_000_000 };
    const failures: KioskExitFailure[] = [];
    const guard = relaunchable(file, clock, failures);
    for (let i = 0; i < 6; i++) guard.tryExit('000000');
    expect(failures.map((f) => [f.reason, f.wrongInARow])).toEqual([
      ['wrong-pin', 1],
      ['wrong-pin', 2],
      ['wrong-pin', 3],
      ['wrong-pin', 4],
      ['locked', 5],
      ['still-locked', 0],
    ]);
    expect(failures[4]).toMatchObject({ lockedForMs: 30_000, lockouts: 1 });
    expect(JSON.stringify(failures)).not.toContain('000000');
  });

  it('a damaged lockout file fails closed: the guard starts locked for the first lockout', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-kiosk-lock-')), 'lock.json');
    writeFileSync(file, '{ not json');
    const clock = { now: 7_000_000 };
    expect(relaunchable(file, clock).tryExit('482193').answer).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMs: 30_000,
    });
  });
});
