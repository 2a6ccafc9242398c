import type { RxCollection, RxJsonSchema } from 'rxdb';
import type { StaffMember } from '../../core/staff/staff-member';

export const staffCollectionSchema: RxJsonSchema<StaffMember> = {
  title: 'staff',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    storeCode: { type: 'string', maxLength: 8 },
    displayName: { type: 'string', maxLength: 80 },
    role: { type: 'string', maxLength: 16 },
    pin: { type: 'object' },
    active: { type: 'boolean' },
  },
  required: ['id', 'storeCode', 'displayName', 'role', 'pin', 'active'],
};

export type StaffCollection = RxCollection<StaffMember>;
