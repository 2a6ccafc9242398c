import { describe, expect, it } from 'vitest';
import { checkKioskContact } from './kiosk-contact';

describe('the kiosk’s contact step', () => {
  it('keeps the contact in its stored form once the customer agreed to order messages', () => {
    expect(checkKioskContact({ name: ' Camille  Martin', phone: '06 12 34 56 78', consent: true })).toEqual({
      ok: true,
      value: { name: 'Camille Martin', phone: '+33612345678' },
    });
    expect(checkKioskContact({ name: 'A', email: 'a@example.fr', consent: true }).ok).toBe(true);
  });

  it('asks for consent, and reports every problem at once', () => {
    expect(checkKioskContact({ name: 'A', email: 'a@example.fr' })).toEqual({
      ok: false,
      error: [{ code: 'consent-missing' }],
    });
    expect(checkKioskContact({ name: '', email: 'not-an-email', consent: false })).toEqual({
      ok: false,
      error: [
        { code: 'missing-contact-name' },
        { code: 'invalid-email', value: 'not-an-email' },
        { code: 'consent-missing' },
      ],
    });
    expect(checkKioskContact({ name: 'A', consent: true })).toEqual({
      ok: false,
      error: [{ code: 'missing-email-and-phone' }],
    });
  });
});
