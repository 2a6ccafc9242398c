import { describe, expect, it } from 'vitest';
import { exampleKioskOrder } from '../core/orders/example-orders';
import type { KioskOrder } from '../core/orders/kiosk-order';
import { transitionKioskOrder } from '../core/orders/transition-kiosk-order';
import { fromBase32, toBase32 } from '../core/tickets/base32';
import { decodeKioskTicket, isKioskTicketText, MAX_KIOSK_TICKET_CHARS } from '../core/tickets/kiosk-ticket';
import { generateDeviceKeyPair, signKioskTicket, verifyKioskTicket } from './kiosk-ticket-signing';

const atTill = (): KioskOrder => {
  const draft = exampleKioskOrder({ paymentMethod: 'at-till', kioskId: 'kiosk-1' });
  const submitted = transitionKioskOrder(draft, { type: 'submit', at: '2025-03-01T10:16:00+01:00' });
  if (!submitted.ok) throw new Error('example order does not submit');
  return submitted.value;
};

async function kiosk() {
  const pair = await generateDeviceKeyPair();
  const key = { tillId: 'kiosk-1', tillCode: 'K1', kty: 'OKP', crv: 'Ed25519', x: pair.publicX } as const;
  return { ...pair, settings: { storeCode: 'PAR01', deviceKeys: [key] } };
}

describe('kiosk tickets', () => {
  it('signs an order to pay at the till and verifies it offline with the store key list', async () => {
    const { privateKey, settings } = await kiosk();
    const signed = await signKioskTicket(atTill(), privateKey);
    if (!signed.ok) throw new Error(signed.error);
    expect(isKioskTicketText(signed.value)).toBe(true);
    expect(signed.value).toMatch(/^POS1:T:[A-Z2-7]+:[A-Z2-7]+$/);
    expect(signed.value.length).toBeLessThan(MAX_KIOSK_TICKET_CHARS);
    const verified = await verifyKioskTicket(signed.value, settings);
    if (!verified.ok) throw new Error(verified.error);
    const { payload } = verified.value;
    expect(payload.o).toBe(atTill().id);
    expect(payload.l).toEqual([
      ['P-KETTLE', '3760123450017', 'Bouilloire inox 1,7 L', 1, 3999, 2000],
      ['P-GREENTEA', '3760123450024', 'Thé vert bio 100 g', 3, 450, 550],
      ['P-BOOK', '9782012345678', 'Cuisine du marché (livre)', 2, 2490, 550],
    ]);
    expect(payload.n).toBe(3999 + 3 * 450 + 2 * 2490);
    // A scanner typing with Caps Lock on inverts the case: the ticket still reads.
    const inverted = [...signed.value].map((c) =>
      c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase(),
    );
    expect((await verifyKioskTicket(inverted.join(''), settings)).ok).toBe(true);
  });

  it('refuses an altered ticket, another kiosk key, an unknown kiosk and another store', async () => {
    const { privateKey, settings } = await kiosk();
    const signed = await signKioskTicket(atTill(), privateKey);
    if (!signed.ok) throw new Error(signed.error);
    const [, , body = '', sig = ''] = signed.value.split(':');
    const text = new TextDecoder().decode(fromBase32(body));
    // The customer (or anyone) lowers a price and re-encodes the payload.
    const cheaper = text
      .replace('3999', '1999')
      .replace(`"n":${3999 + 1350 + 4980}`, `"n":${1999 + 1350 + 4980}`);
    const altered = `POS1:T:${toBase32(new TextEncoder().encode(cheaper))}:${sig}`;
    expect(decodeKioskTicket(altered).ok).toBe(true);
    expect(await verifyKioskTicket(altered, settings)).toEqual({ ok: false, error: 'bad-signature' });

    const other = await kiosk();
    expect(await verifyKioskTicket(signed.value, other.settings)).toEqual({
      ok: false,
      error: 'bad-signature',
    });
    expect(await verifyKioskTicket(signed.value, { storeCode: 'PAR01', deviceKeys: [] })).toEqual({
      ok: false,
      error: 'unknown-device',
    });
    expect(await verifyKioskTicket(signed.value, { ...settings, storeCode: 'LYO01' })).toEqual({
      ok: false,
      error: 'other-store',
    });
    expect(await verifyKioskTicket('POS1:T:AAAA:BBBB', settings)).toEqual({ ok: false, error: 'malformed' });
  });

  it('prints no ticket for an order paid at the kiosk or already paid', async () => {
    const { privateKey } = await kiosk();
    const atKiosk = transitionKioskOrder(exampleKioskOrder(), {
      type: 'submit',
      at: '2025-03-01T10:16:00+01:00',
    });
    if (!atKiosk.ok) throw new Error('no');
    expect(await signKioskTicket(atKiosk.value, privateKey)).toEqual({ ok: false, error: 'not-pay-at-till' });
    expect(await signKioskTicket(exampleKioskOrder({ paymentMethod: 'at-till' }), privateKey)).toEqual({
      ok: false,
      error: 'not-awaiting-payment',
    });
  });

  it('prints no ticket for a delivery with a fee (a till rings up goods only); a free one gets its ticket', async () => {
    const { privateKey } = await kiosk();
    expect(
      await signKioskTicket({ ...atTill(), deliveryFee: { minor: 590, currency: 'EUR' } }, privateKey),
    ).toEqual({
      ok: false,
      error: 'has-delivery-fee',
    });
    const free = await signKioskTicket(
      { ...atTill(), deliveryFee: { minor: 0, currency: 'EUR' } },
      privateKey,
    );
    expect(free.ok).toBe(true);
  });

  it('refuses an order too large for one QR code', async () => {
    const { privateKey } = await kiosk();
    const base = atTill();
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...base.lines[0],
      lineId: `l${i}`,
      name: `Article numéro ${i} avec un nom assez long`,
    })) as KioskOrder['lines'];
    expect(await signKioskTicket({ ...base, lines: many }, privateKey)).toEqual({
      ok: false,
      error: 'too-large',
    });
  });

  it('base32 round-trips every byte and refuses impossible lengths', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n < 12; n++) expect(fromBase32(toBase32(bytes.slice(0, n)))).toEqual(bytes.slice(0, n));
    expect(fromBase32(toBase32(bytes))).toEqual(bytes);
    expect(fromBase32('A')).toBeUndefined();
    expect(fromBase32('AB')).toBeUndefined(); // non-zero padding bits
    expect(fromBase32('A0')).toBeUndefined();
  });
});
