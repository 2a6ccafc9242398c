import type { PinPlace } from '../core/journal/staff-lockout-payload';
import { staffPolicyOf } from '../core/staff/permissions';
import { type StaffMember, verifyPin } from '../core/staff/staff-member';
import { t } from '../i18n/i18n';
import { newId } from './ids';
import type { TillServices } from './till-services';

// Wrong PINs, counted per person wherever they are typed (sign-in with a
// name chosen, unlock, approval): after the settings' limit in a row that
// person is locked for the settings' delay, and the lock is journalled
// (`staff.locked-out`). PINs typed with no name chosen cannot be charged to
// anyone: they count against the pad they were typed on, which locks the
// same way (the journal entry then names nobody). A right PIN clears the
// count. The counts live in a local document, so a reload does not reset them.

export type PinCheck =
  | { readonly kind: 'ok'; readonly member: StaffMember }
  | { readonly kind: 'wrong'; readonly attemptsLeft: number; readonly words: string }
  | { readonly kind: 'locked'; readonly until: number; readonly words: string };

interface Lockouts {
  /** Wrong PINs in a row, by key (`staff:<id>` or `pad:<place>`). */
  readonly failures: Record<string, number>;
  /** Epoch ms until which the key is locked. */
  readonly lockedUntil: Record<string, number>;
}

const DOC = 'pin-lockouts';
const personKey = (staffId: string) => `staff:${staffId}`;
const padKey = (place: PinPlace) => `pad:${place}`;

export type PinGuardServices = Pick<TillServices, 'db' | 'journal'>;

export function createPinGuard(services: PinGuardServices, { now = Date.now }: { now?: () => number } = {}) {
  const { db } = services;
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<Lockouts> =>
    (await db.getLocal<Lockouts>(DOC))?.toJSON().data ?? { failures: {}, lockedUntil: {} };
  const write = (data: Lockouts) => db.upsertLocal<Lockouts>(DOC, data);
  const policy = async () => staffPolicyOf((await db.settings.findOne().exec())?.toMutableJSON());
  const lockedWords = (until: number) =>
    t('approvals.lockedFor', { minutes: Math.max(1, Math.ceil((until - now()) / 60_000)) });
  const lockedCheck = (until: number): PinCheck => ({ kind: 'locked', until, words: lockedWords(until) });

  /** One check at a time, so two quick PINs never lose a count. */
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };

  async function fail(
    data: Lockouts,
    key: string,
    staffId: string | null,
    place: PinPlace,
  ): Promise<PinCheck> {
    const { wrongPinLimit, lockoutSeconds } = await policy();
    const failures = (data.failures[key] ?? 0) + 1;
    if (failures < wrongPinLimit) {
      await write({ ...data, failures: { ...data.failures, [key]: failures } });
      return {
        kind: 'wrong',
        attemptsLeft: wrongPinLimit - failures,
        words: t('approvals.wrongPin', { left: wrongPinLimit - failures }),
      };
    }
    const until = now() + lockoutSeconds * 1000;
    await write({
      failures: { ...data.failures, [key]: 0 },
      lockedUntil: { ...data.lockedUntil, [key]: until },
    });
    // The lock holds even if the journal refuses the entry; the entry is the trace, not the lock.
    await services.journal.append({
      kind: 'staff.locked-out',
      payload: { staffId, place, failedAttempts: failures, lockedUntil: new Date(until).toISOString() },
      id: newId(),
      recordedAt: new Date(now()).toISOString(),
    });
    return lockedCheck(until);
  }

  const lockOf = (data: Lockouts, key: string): number | undefined => {
    const until = data.lockedUntil[key];
    return until !== undefined && until > now() ? until : undefined;
  };

  const cleared = (data: Lockouts, keys: readonly string[]): Lockouts => {
    const failures = { ...data.failures };
    for (const key of keys) delete failures[key];
    return { ...data, failures };
  };

  return {
    /** A named person's PIN (unlock, approval, sign-in with a name chosen). */
    checkPerson(member: StaffMember, pin: string, place: PinPlace): Promise<PinCheck> {
      return serial(async () => {
        const data = await read();
        const key = personKey(member.id);
        const locked = lockOf(data, key);
        if (locked !== undefined) return lockedCheck(locked);
        if (!member.active || !verifyPin(pin, member.pin)) return fail(data, key, member.id, place);
        if (data.failures[key]) await write(cleared(data, [key]));
        return { kind: 'ok', member };
      });
    },

    /** A PIN typed with no name chosen: whoever among `members` it belongs to (PINs are unique per store). */
    checkAnyone(members: readonly StaffMember[], pin: string, place: PinPlace): Promise<PinCheck> {
      return serial(async () => {
        const data = await read();
        const key = padKey(place);
        const padLocked = lockOf(data, key);
        if (padLocked !== undefined) return lockedCheck(padLocked);
        const member = members.find((m) => m.active && verifyPin(pin, m.pin));
        if (!member) return fail(data, key, null, place);
        // The right PIN of a locked person still waits out that person's lock.
        const personLocked = lockOf(data, personKey(member.id));
        if (personLocked !== undefined) return lockedCheck(personLocked);
        if (data.failures[key] || data.failures[personKey(member.id)])
          await write(cleared(data, [key, personKey(member.id)]));
        return { kind: 'ok', member };
      });
    },

    /** Until when this person is locked (epoch ms), if they are. */
    async lockedUntil(staffId: string): Promise<number | undefined> {
      return lockOf(await read(), personKey(staffId));
    },
  };
}

export type PinGuard = ReturnType<typeof createPinGuard>;
