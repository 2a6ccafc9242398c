import { createStore } from 'zustand/vanilla';
import type { StaffMember } from '../core/staff/staff-member';
import { t } from '../i18n/i18n';
import type { ApproverChoice } from './approval-store';
import { createPinGuard, type PinGuard } from './pin-guard';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

// Signing in at the till, offline: the PIN is checked against the hashes
// replicated to this till. The cashier may choose their name in the list
// first (then wrong PINs count against that person), or type the PIN alone
// (PINs are unique per store; wrong PINs then count against the sign-in pad,
// which locks for the same delay). See docs/staff-and-approvals.md.

export interface SignInState {
  /** Active staff of this till's store, in the order of their names. */
  readonly people: readonly ApproverChoice[];
  /** The name chosen; undefined = the PIN alone says who. */
  readonly chosen: string | undefined;
  readonly checking: boolean;
  readonly problem: string | undefined;
}

export type SignInServices = Pick<TillServices, 'db' | 'journal'> & {
  readonly pinGuard?: PinGuard;
  readonly now?: () => number;
};

export function createSignInStore(services: SignInServices, onSignedIn: (staff: SignedInStaff) => void) {
  const guard = services.pinGuard ?? createPinGuard(services, services.now ? { now: services.now } : {});
  const store = createStore<SignInState>()(() => ({
    people: [],
    chosen: undefined,
    checking: false,
    problem: undefined,
  }));
  const staffList = async () =>
    (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
  const peopleOf = (staff: readonly StaffMember[]) =>
    staff
      .filter((m) => m.active)
      .map(({ id, displayName, role }) => ({ id, displayName, role }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));

  return {
    store,

    /** Keeps the list of names up to date as staff replicate; returns the stop. */
    watchStaff(): () => void {
      const sub = services.db.staff.find().$.subscribe((docs) => {
        const people = peopleOf(docs.map((doc) => doc.toMutableJSON() as StaffMember));
        store.setState((s) => ({
          people,
          chosen: people.some((p) => p.id === s.chosen) ? s.chosen : undefined,
        }));
      });
      return () => sub.unsubscribe();
    },

    /** A name chosen in the list, or undefined to type the PIN alone. */
    choose(staffId: string | undefined): void {
      const { people } = store.getState();
      if (staffId === undefined || people.some((p) => p.id === staffId))
        store.setState({ chosen: staffId, problem: undefined });
    },

    async signIn(pin: string): Promise<boolean> {
      const { chosen, checking } = store.getState();
      if (checking) return false;
      store.setState({ checking: true, problem: undefined });
      const staff = (await staffList()).filter((m) => m.active);
      if (staff.length === 0) {
        store.setState({ checking: false, problem: t('lock.staffNotSynced') });
        return false;
      }
      const member = staff.find((m) => m.id === chosen);
      const check = member
        ? await guard.checkPerson(member, pin, 'sign-in')
        : await guard.checkAnyone(staff, pin, 'sign-in');
      if (check.kind !== 'ok') {
        store.setState({ checking: false, problem: check.words });
        return false;
      }
      store.setState({ checking: false, chosen: undefined, problem: undefined });
      const { id, displayName, role } = check.member;
      onSignedIn({ id, displayName, role });
      return true;
    },
  };
}

export type SignInStore = ReturnType<typeof createSignInStore>;
