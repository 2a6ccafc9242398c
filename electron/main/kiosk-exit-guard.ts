import { z } from 'zod';
import { type KioskExitAnswer, kioskExitRequestSchema } from '../../src/core/runtime/kiosk-exit';
import { type StaffMember, staffMemberSchema, verifyPin } from '../../src/core/staff/staff-member';
import { storeCodeSchema } from '../../src/core/values/identifiers';
import { type InvokeEvent, isTrustedSender } from './ipc-router';
import type { LockoutState, LockoutStore } from './kiosk-lockout-store';

// Leaving kiosk mode takes a manager PIN. The PIN hashes come from a file of
// the till's local configuration, in the shape of the staff records the
// tills sync (so it is an export of the store's managers), and never from
// the page: a page that could hand main its own hash could let itself out.

/** The kiosk managers file: staff records as synced, filtered to managers here. */
export const kioskManagersFileSchema = z.strictObject({
  storeCode: storeCodeSchema,
  staff: z.array(staffMemberSchema).max(500),
});

/** Active managers of this store from the file's text, or why there are none. */
export function kioskManagers(
  fileText: string,
  storeCode: string,
): { ok: true; managers: StaffMember[] } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'the kiosk managers file is not JSON' };
  }
  const parsed = kioskManagersFileSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `kiosk managers file: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  if (parsed.data.storeCode !== storeCode)
    return {
      ok: false,
      reason: `kiosk managers file is for store ${parsed.data.storeCode}, not ${storeCode}`,
    };
  const managers = parsed.data.staff.filter(
    (member) => member.active && member.role === 'manager' && member.storeCode === storeCode,
  );
  return managers.length > 0
    ? { ok: true, managers }
    : { ok: false, reason: 'no active manager in the file' };
}

export interface KioskExitGuardOptions {
  readonly managers: readonly StaffMember[];
  readonly now: () => number;
  /** Wrong PINs in a row before a lockout. */
  readonly maxAttempts?: number;
  /** First lockout; each further lockout doubles, up to `maxLockoutMs`. */
  readonly lockoutMs?: number;
  readonly maxLockoutMs?: number;
  /** Keeps the counters across relaunches (kiosk-lockout-store.ts); in memory only without it. */
  readonly store?: LockoutStore;
  /** Told of every failure, for the log; never given the PIN. */
  readonly onFailure?: (failure: KioskExitFailure) => void;
}

/** One failed exit attempt: a wrong PIN, the one that locked the dialog, or a try while locked. */
export interface KioskExitFailure {
  readonly reason: 'wrong-pin' | 'locked' | 'still-locked';
  /** Wrong PINs in a row, this one included (0 once a lockout started). */
  readonly wrongInARow: number;
  readonly lockouts: number;
  /** For 'locked' and 'still-locked': how long the dialog stays locked. */
  readonly lockedForMs?: number;
}

export interface KioskExitGuard {
  /** Checks a typed PIN; `staffId` names the manager who let the kiosk go (for the log). */
  tryExit(pin: string): { answer: KioskExitAnswer; staffId?: string };
}

/**
 * A 4-digit PIN falls to 10,000 guesses, so wrong PINs lock the dialog for a
 * growing time; while locked, no PIN is even checked (no oracle to probe).
 * With a store, the counters survive a relaunch; every failure is reported.
 */
export function createKioskExitGuard(options: KioskExitGuardOptions): KioskExitGuard {
  const maxAttempts = options.maxAttempts ?? 5;
  const lockoutMs = options.lockoutMs ?? 30_000;
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000;
  const report = options.onFailure ?? (() => undefined);
  const saved = options.store?.load();
  // A damaged file fails closed: locked for the first lockout, as if the limit had been hit.
  const state: LockoutState =
    saved === 'damaged'
      ? { wrongInARow: 0, lockouts: 0, lockedUntil: options.now() + lockoutMs }
      : { wrongInARow: 0, lockouts: 0, lockedUntil: 0, ...saved };
  const save = () => options.store?.save({ ...state });
  if (saved === 'damaged') save();

  return {
    tryExit(pin) {
      if (options.managers.length === 0) return { answer: { ok: false, reason: 'not-configured' } };
      const now = options.now();
      if (now < state.lockedUntil) {
        const retryAfterMs = state.lockedUntil - now;
        report({
          reason: 'still-locked',
          wrongInARow: 0,
          lockouts: state.lockouts,
          lockedForMs: retryAfterMs,
        });
        return { answer: { ok: false, reason: 'locked', retryAfterMs } };
      }
      const manager = options.managers.find((member) => verifyPin(pin, member.pin));
      if (manager) {
        Object.assign(state, { wrongInARow: 0, lockouts: 0, lockedUntil: 0 });
        save();
        return { answer: { ok: true }, staffId: manager.id };
      }
      state.wrongInARow += 1;
      if (state.wrongInARow < maxAttempts) {
        save();
        report({ reason: 'wrong-pin', wrongInARow: state.wrongInARow, lockouts: state.lockouts });
        return { answer: { ok: false, reason: 'wrong-pin' } };
      }
      const wrongInARow = state.wrongInARow;
      const wait = Math.min(maxLockoutMs, lockoutMs * 2 ** state.lockouts);
      Object.assign(state, { wrongInARow: 0, lockouts: state.lockouts + 1, lockedUntil: now + wait });
      save();
      report({ reason: 'locked', wrongInARow, lockouts: state.lockouts, lockedForMs: wait });
      return { answer: { ok: false, reason: 'locked', retryAfterMs: wait } };
    },
  };
}

/** The `kiosk:exit` channel: our page only, a well-formed PIN only, then the guard. */
export function routeKioskExit(
  event: InvokeEvent,
  request: unknown,
  guard: KioskExitGuard,
): { answer: KioskExitAnswer; staffId?: string } {
  if (!isTrustedSender(event)) return { answer: { ok: false, reason: 'forbidden' } };
  const parsed = kioskExitRequestSchema.safeParse(request);
  if (!parsed.success) return { answer: { ok: false, reason: 'bad-request' } };
  return guard.tryExit(parsed.data.pin);
}
