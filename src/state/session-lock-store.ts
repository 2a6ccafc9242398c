import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { staffPolicyOf } from '../core/staff/permissions';
import type { StaffMember } from '../core/staff/staff-member';
import { readSessionLock, writeSessionLock } from '../data/staff-access-documents';
import { t } from '../i18n/i18n';
import type { ApproverChoice } from './approval-store';
import { createPinGuard, type PinGuard } from './pin-guard';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

// The till locked while its cashier steps away: by hand (menu, shortcut) or
// after the idle time of the store settings. The open sale stays where it is
// (open-sale.ts keeps it); only the same cashier, or a manager, PINs back in.
// A manager who unlocks takes the till over, sale included. The lock is kept
// in a local document, so a reload does not undo it. Wrong PINs count per
// person (pin-guard.ts).

export type LockCause = 'manual' | 'idle';

export interface TillLock {
  readonly staff: SignedInStaff;
  readonly since: string;
  readonly cause: LockCause;
}

export interface SessionLockState {
  readonly lock: TillLock | undefined;
  /** Who may PIN back in: the locked cashier first, then the active managers. */
  readonly people: readonly ApproverChoice[];
  /** The person whose PIN is typed. */
  readonly unlockAs: string | undefined;
  readonly checking: boolean;
  readonly problem: string | undefined;
}

/** What the lock needs of the till's session (the sale store, in CashierScreen). */
export interface LockedSession {
  /** Who is signed in now. */
  current(): SignedInStaff | undefined;
  /** Someone other than the locked cashier PINned back in: the till is theirs, sale included. */
  resumeAs(staff: SignedInStaff): void;
  /** Never locks for idleness while this holds (a card payment on the terminal). */
  busy?(): boolean;
}

const storedLockSchema = z.object({
  staff: z.object({
    id: z.string().min(1).max(64),
    displayName: z.string().min(1).max(80),
    role: z.enum(['cashier', 'supervisor', 'manager']),
  }),
  since: z.iso.datetime({ offset: true }),
  cause: z.enum(['manual', 'idle']),
});

export type SessionLockServices = Pick<TillServices, 'db' | 'journal'> & {
  readonly pinGuard?: PinGuard;
  readonly now?: () => number;
};

const signedIn = (m: StaffMember): SignedInStaff => ({ id: m.id, displayName: m.displayName, role: m.role });

export function createSessionLockStore(services: SessionLockServices, session: LockedSession) {
  const now = services.now ?? Date.now;
  const guard = services.pinGuard ?? createPinGuard(services, { now });
  const store = createStore<SessionLockState>()(() => ({
    lock: undefined,
    people: [],
    unlockAs: undefined,
    checking: false,
    problem: undefined,
  }));
  let lastActivity = now();
  let idleLockMs = staffPolicyOf(undefined).idleLockSeconds * 1000;

  const staffList = async () =>
    (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);

  async function show(lock: TillLock): Promise<void> {
    const staff = await staffList();
    const managers = staff.filter((m) => m.active && m.role === 'manager' && m.id !== lock.staff.id);
    const people = [lock.staff, ...managers.map(signedIn)];
    store.setState({ lock, people, unlockAs: lock.staff.id, checking: false, problem: undefined });
  }

  const api = {
    store,

    /** Puts back a lock the till had before a reload; reads the idle time from the settings. */
    async restore(): Promise<void> {
      await api.refreshPolicy();
      const stored = storedLockSchema.safeParse(await readSessionLock(services.db));
      if (stored.success) await show(stored.data);
    },

    /** Idle time from the store settings (read again when they change). */
    async refreshPolicy(): Promise<void> {
      const settings = (await services.db.settings.findOne().exec())?.toMutableJSON();
      idleLockMs = staffPolicyOf(settings).idleLockSeconds * 1000;
    },

    /** Locks the till for the signed-in cashier; nothing to lock when nobody is signed in. */
    async lock(cause: LockCause = 'manual'): Promise<void> {
      const staff = session.current();
      if (!staff || store.getState().lock) return;
      const lock: TillLock = { staff, since: new Date(now()).toISOString(), cause };
      // Locked on screen at once, then stored: a reload in between finds the till signed in, as before.
      store.setState({ lock, people: [staff], unlockAs: staff.id, checking: false, problem: undefined });
      await writeSessionLock(services.db, lock);
      await show(lock);
    },

    choose(staffId: string): void {
      const { people } = store.getState();
      if (people.some((p) => p.id === staffId)) store.setState({ unlockAs: staffId, problem: undefined });
    },

    async unlock(pin: string): Promise<boolean> {
      const { lock, unlockAs, checking } = store.getState();
      if (!lock || !unlockAs || checking) return false;
      store.setState({ checking: true, problem: undefined });
      const member = (await staffList()).find((m) => m.id === unlockAs);
      if (!member?.active) {
        store.setState({ checking: false, problem: t('lock.notActive') });
        return false;
      }
      const check = await guard.checkPerson(member, pin, 'unlock');
      if (check.kind !== 'ok') {
        store.setState({ checking: false, problem: check.words });
        return false;
      }
      await writeSessionLock(services.db, null);
      if (session.current()?.id !== member.id) session.resumeAs(signedIn(member));
      lastActivity = now();
      store.setState({
        lock: undefined,
        people: [],
        unlockAs: undefined,
        checking: false,
        problem: undefined,
      });
      return true;
    },

    /** A key, a touch or a scan: the till is in use. */
    touch(): void {
      lastActivity = now();
    },

    /** Locks once the till has been idle for the settings' time (0 = never). Called every second or so. */
    checkIdle(): void {
      if (idleLockMs <= 0 || store.getState().lock || !session.current() || session.busy?.()) return;
      if (now() - lastActivity >= idleLockMs) void api.lock('idle');
    },

    /** Watches the clock and the settings; returns the stop. */
    watchIdle(intervalMs = 1_000): () => void {
      const timer = setInterval(() => api.checkIdle(), intervalMs);
      const settings = services.db.settings.find().$.subscribe(() => void api.refreshPolicy());
      return () => {
        clearInterval(timer);
        settings.unsubscribe();
      };
    },
  };
  return api;
}

export type SessionLockStore = ReturnType<typeof createSessionLockStore>;
