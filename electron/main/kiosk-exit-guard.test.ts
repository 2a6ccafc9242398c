import { describe, expect, it } from 'vitest';
import { hashPin, type StaffMember } from '../../src/core/staff/staff-member';
import { createKioskExitGuard, kioskManagers, routeKioskExit } from './kiosk-exit-guard';

const salt = (seed: number) => new Uint8Array(16).map((_, i) => (i * 13 + seed) % 256);

function staff(
  id: string,
  role: StaffMember['role'],
  pin: string,
  extra: Partial<StaffMember> = {},
): StaffMember {
  return {
    id,
    storeCode: 'PAR01',
    displayName: id,
    role,
    pin: hashPin(pin, salt(id.length), 1_000),
    active: true,
    ...extra,
  };
}

const manager = staff('mgr-claire', 'manager', '482193');
const cashier = staff('csh-tom', 'cashier', '111111');
const formerManager = staff('mgr-old', 'manager', '222222', { active: false });
const otherStore = staff('mgr-lyon', 'manager', '333333', { storeCode: 'LYO01' });

describe('kiosk managers file', () => {
  const file = (body: unknown) => JSON.stringify(body);

  it('keeps only the active managers of this store', () => {
    const loaded = kioskManagers(
      file({ storeCode: 'PAR01', staff: [manager, cashier, formerManager, otherStore] }),
      'PAR01',
    );
    expect(loaded).toEqual({ ok: true, managers: [manager] });
  });

  it.each([
    ['not JSON', '{'],
    ['another store', file({ storeCode: 'LYO01', staff: [otherStore] })],
    ['no manager', file({ storeCode: 'PAR01', staff: [cashier] })],
    [
      'a PIN in clear instead of a hash',
      file({ storeCode: 'PAR01', staff: [{ ...manager, pin: '482193' }] }),
    ],
  ])('is refused when it holds %s', (_name, text) => {
    expect(kioskManagers(text, 'PAR01').ok).toBe(false);
  });
});

describe('kiosk exit guard', () => {
  it("lets a manager's PIN out, and names the manager", () => {
    const guard = createKioskExitGuard({ managers: [manager], now: () => 0 });
    expect(guard.tryExit('482193')).toEqual({ answer: { ok: true }, staffId: 'mgr-claire' });
  });

  it('refuses other PINs', () => {
    const guard = createKioskExitGuard({ managers: [manager], now: () => 0 });
    expect(guard.tryExit('111111').answer).toEqual({ ok: false, reason: 'wrong-pin' });
  });

  it('is closed when the till has no manager PINs', () => {
    const guard = createKioskExitGuard({ managers: [], now: () => 0 });
    expect(guard.tryExit('482193').answer).toEqual({ ok: false, reason: 'not-configured' });
  });

  it('locks after repeated wrong PINs, does not check PINs while locked, and doubles the lockout', () => {
    let now = 0;
    const guard = createKioskExitGuard({
      managers: [manager],
      now: () => now,
      maxAttempts: 3,
      lockoutMs: 30_000,
    });
    expect(guard.tryExit('000001').answer.ok).toBe(false);
    expect(guard.tryExit('000002').answer).toEqual({ ok: false, reason: 'wrong-pin' });
    expect(guard.tryExit('000003').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30_000 });
    now += 10_000;
    // Even the right PIN is not checked while locked.
    expect(guard.tryExit('482193').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 20_000 });
    now += 20_000;
    guard.tryExit('000004');
    guard.tryExit('000005');
    expect(guard.tryExit('000006').answer).toEqual({ ok: false, reason: 'locked', retryAfterMs: 60_000 });
    now += 60_000;
    expect(guard.tryExit('482193').answer).toEqual({ ok: true });
  });
});

describe('kiosk:exit channel', () => {
  const guard = () => createKioskExitGuard({ managers: [manager], now: () => 0 });
  const ours = { senderFrame: { url: 'app://till/kiosk', parent: null } };

  it('passes a well-formed PIN from our page to the guard', () => {
    expect(routeKioskExit(ours, { pin: '482193' }, guard()).answer).toEqual({ ok: true });
  });

  it('refuses other senders and malformed requests without checking a PIN', () => {
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(routeKioskExit(evil, { pin: '482193' }, guard()).answer).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(routeKioskExit(ours, { pin: '48' }, guard()).answer).toEqual({ ok: false, reason: 'bad-request' });
    expect(routeKioskExit(ours, { pin: '482193', hash: 'x' }, guard()).answer).toEqual({
      ok: false,
      reason: 'bad-request',
    });
  });
});
