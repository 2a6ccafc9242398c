import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STAFF_POLICY } from '../core/staff/permissions';
import type { TillDatabase } from '../data/till-database';
import { createPinGuard } from './pin-guard';
import { createSessionLockStore } from './session-lock-store';
import { createSignInStore } from './sign-in-store';
import {
  asSignedIn,
  CAMILLE,
  journalOf,
  journalWriter,
  MARC,
  settingsWith,
  staffTill,
} from './staff-access.test-support';
import type { SignedInStaff } from './staff-sign-in';

// Locking the till and PINning back in, the idle lock from the settings,
// signing in with or without a name, and five wrong PINs locking a person
// or the sign-in pad: against RxDB in memory and the real journal writer.

describe('the till lock and sign-in', () => {
  let db: TillDatabase;
  let clock: number;
  let signedIn: SignedInStaff | undefined;
  let busy: boolean;
  const who = () => signedIn?.id;

  beforeEach(async () => {
    db = await staffTill('lock');
    clock = Date.parse('2026-12-06T10:00:00Z');
    signedIn = asSignedIn(CAMILLE);
    busy = false;
  });
  afterEach(async () => {
    await db.close();
  });

  const services = () => {
    const base = { db, journal: journalWriter(db), now: () => clock };
    return { ...base, pinGuard: createPinGuard(base, { now: () => clock }) };
  };
  const openLock = (shared = services()) =>
    createSessionLockStore(shared, {
      current: () => signedIn,
      resumeAs: (staff) => {
        signedIn = staff;
      },
      busy: () => busy,
    });

  it('locks by hand; a wrong PIN is refused; the same cashier’s PIN unlocks, still signed in', async () => {
    const lock = openLock();
    await lock.lock();
    expect(lock.store.getState()).toMatchObject({
      lock: { staff: { id: 'camille' }, cause: 'manual', since: '2026-12-06T10:00:00.000Z' },
      unlockAs: 'camille',
    });
    // The cashier first, then the active managers (not the supervisor, not the inactive one).
    expect(lock.store.getState().people.map((p) => p.id)).toEqual(['camille', 'marc']);
    expect(await lock.unlock('2222')).toBe(false);
    expect(lock.store.getState().problem).toBe('Code PIN incorrect. Essais restants : 4');
    expect(await lock.unlock('1111')).toBe(true);
    expect(lock.store.getState().lock).toBeUndefined();
    expect(who()).toBe('camille');
    expect(await journalOf(db)).toEqual([]);
  });

  it('a manager may unlock instead, and takes the till over', async () => {
    const lock = openLock();
    await lock.lock();
    lock.choose('marc');
    lock.choose('samia'); // not in the list: ignored
    expect(lock.store.getState().unlockAs).toBe('marc');
    expect(await lock.unlock('3333')).toBe(true);
    expect(signedIn).toEqual(asSignedIn(MARC));
  });

  it('the lock survives a reload: a new store on the same database is locked for the same cashier', async () => {
    await openLock().lock();
    const reloaded = openLock();
    expect(reloaded.store.getState().lock).toBeUndefined();
    await reloaded.restore();
    expect(reloaded.store.getState().lock).toMatchObject({ staff: { id: 'camille' }, cause: 'manual' });
    expect(await reloaded.unlock('1111')).toBe(true);
    const again = openLock();
    await again.restore();
    expect(again.store.getState().lock).toBeUndefined();
  });

  it('locks after the idle time of the settings, never while busy, never with nobody signed in', async () => {
    await settingsWith(db, { ...DEFAULT_STAFF_POLICY, idleLockSeconds: 30 });
    const lock = openLock();
    await lock.restore();
    clock += 29_000;
    lock.checkIdle();
    expect(lock.store.getState().lock).toBeUndefined();
    lock.touch();
    clock += 29_000;
    lock.checkIdle();
    expect(lock.store.getState().lock).toBeUndefined();
    clock += 1_000;
    busy = true;
    lock.checkIdle();
    expect(lock.store.getState().lock).toBeUndefined();
    busy = false;
    lock.checkIdle();
    expect(lock.store.getState().lock).toMatchObject({ cause: 'idle', staff: { id: 'camille' } });
  });

  it('an idle time of 0 never locks; nobody signed in, nothing to lock', async () => {
    await settingsWith(db, { ...DEFAULT_STAFF_POLICY, idleLockSeconds: 0 });
    const lock = openLock();
    await lock.restore();
    clock += 86_400_000;
    lock.checkIdle();
    expect(lock.store.getState().lock).toBeUndefined();
    signedIn = undefined;
    await lock.lock();
    expect(lock.store.getState().lock).toBeUndefined();
  });

  it('five wrong PINs at the lock screen lock the cashier out (journalled); a manager still unlocks', async () => {
    const lock = openLock();
    await lock.lock();
    for (const _ of [1, 2, 3, 4]) expect(await lock.unlock('0000')).toBe(false);
    expect(lock.store.getState().problem).toBe('Code PIN incorrect. Essais restants : 1');
    expect(await lock.unlock('0000')).toBe(false);
    expect(lock.store.getState().problem).toBe(
      'Trop de codes PIN erronés : verrouillé pendant encore 5 min.',
    );
    // The right PIN now waits out the delay.
    expect(await lock.unlock('1111')).toBe(false);
    const entries = await journalOf(db);
    expect(entries.map((e) => [e.kind, e.payload])).toEqual([
      [
        'staff.locked-out',
        {
          staffId: 'camille',
          place: 'unlock',
          failedAttempts: 5,
          lockedUntil: '2026-12-06T10:05:00.000Z',
        },
      ],
    ]);
    lock.choose('marc');
    expect(await lock.unlock('3333')).toBe(true);
    expect(who()).toBe('marc');
  });

  it('signs in with a name chosen (wrong PINs count against that person) or with the PIN alone', async () => {
    signedIn = undefined;
    const shared = services();
    const signIn = createSignInStore(shared, (staff) => {
      signedIn = staff;
    });
    const stop = signIn.watchStaff();
    await new Promise((r) => setTimeout(r, 50));
    expect(signIn.store.getState().people.map((p) => p.id)).toEqual(['camille', 'marc', 'samia']);
    signIn.choose('samia');
    expect(await signIn.signIn('1111')).toBe(false); // Camille's PIN is not Samia's
    expect(signIn.store.getState().problem).toBe('Code PIN incorrect. Essais restants : 4');
    expect(await signIn.signIn('2222')).toBe(true);
    expect(who()).toBe('samia');
    expect(signIn.store.getState().chosen).toBeUndefined();
    expect(await signIn.signIn('1111')).toBe(true);
    expect(who()).toBe('camille');
    stop();
  });

  it('five wrong PINs with no name lock the sign-in pad, journalled with nobody named; a name still works', async () => {
    signedIn = undefined;
    const signIn = createSignInStore(services(), (staff) => {
      signedIn = staff;
    });
    for (const _ of [1, 2, 3, 4, 5]) expect(await signIn.signIn('9999')).toBe(false);
    expect(signIn.store.getState().problem).toMatch(/^Trop de codes PIN erronés/);
    expect(await signIn.signIn('1111')).toBe(false);
    expect((await journalOf(db)).map((e) => e.payload)).toEqual([
      { staffId: null, place: 'sign-in', failedAttempts: 5, lockedUntil: '2026-12-06T10:05:00.000Z' },
    ]);
    // Naming oneself still signs in: the lock was on the anonymous pad, not on Camille.
    const stop = signIn.watchStaff();
    await new Promise((r) => setTimeout(r, 50));
    signIn.choose('camille');
    expect(await signIn.signIn('1111')).toBe(true);
    clock += 5 * 60_000 + 1;
    expect(await signIn.signIn('3333')).toBe(true);
    expect(who()).toBe('marc');
    stop();
  });

  it('a person locked out at the lock screen cannot sign in with their PIN alone either', async () => {
    const shared = services();
    const lock = openLock(shared);
    await lock.lock();
    for (const _ of [1, 2, 3, 4, 5]) await lock.unlock('0000');
    const signIn = createSignInStore(shared, () => undefined);
    expect(await signIn.signIn('1111')).toBe(false);
    expect(signIn.store.getState().problem).toMatch(/^Trop de codes PIN erronés/);
  });
});
