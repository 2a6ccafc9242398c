import { z } from 'zod';
import { type KioskExitAnswer, kioskExitRequestSchema } from '../../src/core/runtime/kiosk-exit';
import { type StaffMember, staffMemberSchema, verifyPin } from '../../src/core/staff/staff-member';
import { storeCodeSchema } from '../../src/core/values/identifiers';
import { type InvokeEvent, isTrustedSender } from './ipc-router';

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
}

export interface KioskExitGuard {
  /** Checks a typed PIN; `staffId` names the manager who let the kiosk go (for the log). */
  tryExit(pin: string): { answer: KioskExitAnswer; staffId?: string };
}

/**
 * A 4-digit PIN falls to 10,000 guesses, so wrong PINs lock the dialog for a
 * growing time; while locked, no PIN is even checked (no oracle to probe).
 */
export function createKioskExitGuard(options: KioskExitGuardOptions): KioskExitGuard {
  const maxAttempts = options.maxAttempts ?? 5;
  const lockoutMs = options.lockoutMs ?? 30_000;
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000;
  let wrongInARow = 0;
  let lockouts = 0;
  let lockedUntil = 0;

  return {
    tryExit(pin) {
      if (options.managers.length === 0) return { answer: { ok: false, reason: 'not-configured' } };
      const now = options.now();
      if (now < lockedUntil)
        return { answer: { ok: false, reason: 'locked', retryAfterMs: lockedUntil - now } };
      const manager = options.managers.find((member) => verifyPin(pin, member.pin));
      if (manager) {
        wrongInARow = 0;
        lockouts = 0;
        return { answer: { ok: true }, staffId: manager.id };
      }
      wrongInARow += 1;
      if (wrongInARow < maxAttempts) return { answer: { ok: false, reason: 'wrong-pin' } };
      wrongInARow = 0;
      const wait = Math.min(maxLockoutMs, lockoutMs * 2 ** lockouts);
      lockouts += 1;
      lockedUntil = now + wait;
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
