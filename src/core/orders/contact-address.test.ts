import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSchema, normalizeContact, normalizePhone } from './contact';
import { normalizeAddress, postalAddressSchema } from './postal-address';

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+32 470 12 34 56', '+32470123456'],
    ['(01) 42-68-53-00', '+33142685300'],
  ])('normalises %s to %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it('uses the store country for national numbers', () => {
    expect(normalizePhone('0470 12 34 56', '32')).toBe('+32470123456');
  });

  it.each(['12', 'abc', '+0612345678', '06 12 34 56 78 90 12 34 56', '+33 6 12 ab 56 78', '0'])(
    'refuses %s',
    (typed) => {
      expect(normalizePhone(typed)).toBeUndefined();
    },
  );
});

describe('contact details', () => {
  it('trims the name and keeps email and phone in their stored form', () => {
    expect(
      normalizeContact({ name: '  Camille   Martin ', email: ' c@example.fr ', phone: '06 12 34 56 78' }),
    ).toEqual({ ok: true, value: { name: 'Camille Martin', email: 'c@example.fr', phone: '+33612345678' } });
  });

  it('accepts an email alone or a phone alone', () => {
    expect(normalizeContact({ name: 'A', email: 'a@example.fr' })).toEqual({
      ok: true,
      value: { name: 'A', email: 'a@example.fr' },
    });
    expect(normalizeContact({ name: 'A', phone: '+447700900123', email: '  ' })).toEqual({
      ok: true,
      value: { name: 'A', phone: '+447700900123' },
    });
  });

  it('reports every problem at once', () => {
    expect(normalizeContact({})).toEqual({
      ok: false,
      error: [{ code: 'missing-contact-name' }, { code: 'missing-email-and-phone' }],
    });
    expect(normalizeContact({ name: 'A', email: 'not-an-email', phone: '12' })).toEqual({
      ok: false,
      error: [
        { code: 'invalid-email', value: 'not-an-email' },
        { code: 'invalid-phone', value: '12' },
      ],
    });
    expect(normalizeContact({ name: 'x'.repeat(101), email: 'a@example.fr' })).toMatchObject({
      ok: false,
      error: [{ code: 'invalid-field', path: 'contact.name' }],
    });
  });

  it('schema refuses a contact without email and phone, untrimmed text and unknown keys', () => {
    expect(contactSchema.safeParse({ name: 'A' }).success).toBe(false);
    expect(contactSchema.safeParse({ name: ' A', email: 'a@example.fr' }).success).toBe(false);
    expect(contactSchema.safeParse({ name: 'A\nB', email: 'a@example.fr' }).success).toBe(false);
    expect(contactSchema.safeParse({ name: 'A', phone: '0612345678' }).success).toBe(false);
    expect(contactSchema.safeParse({ name: 'A', email: 'a@example.fr', pwd: 'x' }).success).toBe(false);
    expect(contactSchema.safeParse({ name: 'A', email: `${'a'.repeat(250)}@example.fr` }).success).toBe(
      false,
    );
  });

  it('whatever is typed, normalizeContact either refuses it or returns a contact the schema accepts', () => {
    const text = fc.option(fc.string({ maxLength: 40 }), { nil: undefined });
    fc.assert(
      fc.property(text, text, text, (name, email, phone) => {
        const result = normalizeContact({
          ...(name === undefined ? {} : { name }),
          ...(email === undefined ? {} : { email }),
          ...(phone === undefined ? {} : { phone }),
        });
        if (result.ok) expect(contactSchema.safeParse(result.value).success).toBe(true);
        else expect(result.error.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('postal addresses', () => {
  const paris = { name: 'Camille Martin', lines: ['12 rue des Lilas'], postcode: '75011', city: 'Paris' };

  it('defaults to France, drops blank street lines and upper-cases postcode and country', () => {
    expect(normalizeAddress({ ...paris, lines: [' 12 rue des Lilas ', ' '] })).toEqual({
      ok: true,
      value: { ...paris, country: 'FR' },
    });
    expect(
      normalizeAddress({
        name: 'Jan',
        lines: ['Damrak 1'],
        postcode: '1012 lg',
        city: 'Amsterdam',
        country: 'nl',
      }),
    ).toEqual({
      ok: true,
      value: { name: 'Jan', lines: ['Damrak 1'], postcode: '1012 LG', city: 'Amsterdam', country: 'NL' },
    });
  });

  it('checks the postcode format of known countries and loosely the others', () => {
    expect(normalizeAddress({ ...paris, postcode: '7501' })).toEqual({
      ok: false,
      error: [{ code: 'invalid-postcode', postcode: '7501', country: 'FR' }],
    });
    expect(normalizeAddress({ ...paris, postcode: '97400', city: 'Saint-Denis' }).ok).toBe(true); // La Réunion
    expect(normalizeAddress({ ...paris, postcode: 'SW1A 1AA', country: 'GB' }).ok).toBe(true);
    expect(normalizeAddress({ ...paris, postcode: '1000', country: 'BE' }).ok).toBe(true);
    expect(normalizeAddress({ ...paris, postcode: '10000', country: 'BE' }).ok).toBe(false);
    expect(normalizeAddress({ ...paris, postcode: '<script>', country: 'GB' }).ok).toBe(false);
  });

  it('reports missing parts', () => {
    const result = normalizeAddress({ postcode: '75011' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((issue) => (issue.code === 'invalid-field' ? issue.path : issue.code))).toEqual(
        ['address.name', 'address.lines', 'address.city'],
      );
    }
  });

  it('schema refuses hostile shapes', () => {
    const valid = { ...paris, country: 'FR' };
    expect(postalAddressSchema.parse(valid)).toEqual(valid);
    for (const bad of [
      { ...valid, lines: [] },
      { ...valid, lines: ['a', 'b', 'c', 'd'] },
      { ...valid, lines: ['x'.repeat(101)] },
      { ...valid, country: 'FRA' },
      { ...valid, country: 'fr' },
      { ...valid, postcode: 75011 },
      { ...valid, city: '' },
      { ...valid, extra: true },
    ]) {
      expect(postalAddressSchema.safeParse(bad).success).toBe(false);
    }
  });
});
