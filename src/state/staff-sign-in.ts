import { type StaffMember, verifyPin } from '../core/staff/staff-member';

export type SignedInStaff = Pick<StaffMember, 'id' | 'displayName' | 'role'>;

/**
 * Offline sign-in: the PIN is checked against the hashes replicated to this
 * till, so it works with no network. PINs are unique within a store, so the
 * PIN alone identifies the person.
 */
export function findStaffByPin(staff: readonly StaffMember[], pin: string): SignedInStaff | undefined {
  const member = staff.find((candidate) => candidate.active && verifyPin(pin, candidate.pin));
  return member ? { id: member.id, displayName: member.displayName, role: member.role } : undefined;
}
