import { describe, expect, it } from 'vitest';
import { createKioskExitGuard, kioskManagers } from '../../electron/main/kiosk-exit-guard';
import { DEMO_STAFF } from '../../sync-server/src/demo/seed-store';
import { demoKioskManagersFile } from './demo-kiosk-managers';

describe('demo kiosk managers file', () => {
  it("is read by the kiosk's main process and opens with the demo manager's PIN only", () => {
    const loaded = kioskManagers(demoKioskManagersFile('PAR01'), 'PAR01');
    if (!loaded.ok) throw new Error(loaded.reason);
    const manager = DEMO_STAFF.find((member) => member.role === 'manager');
    const cashier = DEMO_STAFF.find((member) => member.role === 'cashier');
    expect(loaded.managers.map((member) => member.id)).toEqual([manager?.id]);
    const guard = createKioskExitGuard({ managers: loaded.managers, now: () => 0 });
    expect(guard.tryExit(cashier?.pin ?? '').answer).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(guard.tryExit(manager?.pin ?? '')).toEqual({ answer: { ok: true }, staffId: manager?.id });
  });
});
