import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidSiret } from './siret';
import { TILL_SOFTWARE } from './till-software';

describe('isValidSiret', () => {
  it('accepts numbers that pass the INSEE check digit, and La Poste establishments', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('55210055400021')).toBe(true);
    // La Poste: digits add up to a multiple of 5 (3+5+6+5+1 = 20 passes, 3+5+6+4+8 = 26 fails).
    expect(isValidSiret('35600000000051')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(false);
  });

  it('refuses the placeholder, a typo, and anything but 14 digits', () => {
    expect(isValidSiret('00000000000000')).toBe(false);
    expect(isValidSiret('55210055400025')).toBe(false);
    expect(isValidSiret('5521005540002')).toBe(false);
    expect(isValidSiret('552 100 554 00021')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });
});

describe('TILL_SOFTWARE', () => {
  it('prints the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(TILL_SOFTWARE.version).toBe(pkg.version);
  });
});
