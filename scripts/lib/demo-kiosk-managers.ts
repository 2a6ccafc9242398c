import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashPin, type StaffMember } from '../../src/core/staff/staff-member';
import { DEMO_STAFF } from '../../sync-server/src/demo/seed-store';

// The kiosk leaves kiosk mode only with a manager PIN checked by Electron's
// main process against a local file of staff records (docs/electron.md).
// The demo store writes that file from its demo staff, so the demo kiosk
// can be left with the demo manager's PIN from the README.

export function demoKioskManagersFile(storeCode: string): string {
  const staff = DEMO_STAFF.map(
    (member): StaffMember => ({
      id: member.id,
      storeCode,
      displayName: member.displayName,
      role: member.role,
      pin: hashPin(member.pin, randomBytes(16)),
      active: true,
    }),
  );
  return `${JSON.stringify({ storeCode, staff }, null, 2)}\n`;
}

/** Writes the demo file (owner-only: it holds PIN hashes) and returns its path. */
export function writeDemoKioskManagers(path: string, storeCode: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, demoKioskManagersFile(storeCode), { mode: 0o600 });
  return path;
}
