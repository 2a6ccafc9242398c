import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_ORDERING, kioskOrderingRules } from '../settings/kiosk-ordering';
import {
  checkFrenchDelivery,
  deliveryFee,
  departmentOfPostcode,
  type PostalDirectory,
} from './french-delivery';

// A few real entries of La Poste's list, as src/data/postal-directory.ts gives them.
const TOWNS = {
  '75011': [{ name: 'Paris 11e Arrondissement', mailName: 'PARIS', department: '75' }],
  '42000': [{ name: 'Saint-Étienne', mailName: 'ST ETIENNE', department: '42' }],
  '01000': [
    { name: 'Bourg-en-Bresse', mailName: 'BOURG-EN-BRESSE', department: '01' },
    { name: 'Saint-Denis-lès-Bourg', mailName: 'SAINT-DENIS-LES-BOURG', department: '01' },
  ],
  '20000': [{ name: 'Ajaccio', mailName: 'AJACCIO', department: '2A' }],
  '97400': [{ name: 'Saint-Denis', mailName: 'SAINT DENIS', department: '974' }],
} as const;
const directory: PostalDirectory = { townsOf: (code) => TOWNS[code as keyof typeof TOWNS] ?? [] };
const rules = DEFAULT_KIOSK_ORDERING;

describe('French postal code and town', () => {
  it('accepts a town as people type it, and gives La Poste’s name (the town, not its arrondissement) and the department', () => {
    expect(checkFrenchDelivery({ postcode: '75011', city: 'paris' }, rules, directory)).toEqual({
      ok: true,
      value: { postcode: '75011', city: 'Paris', department: '75', checked: true },
    });
    for (const city of ['Paris 11e', 'PARIS 11', ' Paris  ']) {
      expect(checkFrenchDelivery({ postcode: '75011', city }, rules, directory).ok).toBe(true);
    }
    expect(checkFrenchDelivery({ postcode: '42 000', city: 'st etienne' }, rules, directory)).toMatchObject({
      ok: true,
      value: { postcode: '42000', city: 'Saint-Étienne' },
    });
    expect(
      checkFrenchDelivery({ postcode: '01000', city: 'saint denis les bourg' }, rules, directory),
    ).toMatchObject({
      ok: true,
      value: { city: 'Saint-Denis-lès-Bourg', department: '01' },
    });
  });

  it('says what is wrong: the form, an unknown code, a town the code does not serve, no town', () => {
    expect(checkFrenchDelivery({ postcode: '7501', city: 'Paris' }, rules, directory)).toEqual({
      ok: false,
      error: [{ code: 'postcode-malformed' }],
    });
    expect(checkFrenchDelivery({ postcode: '75099', city: 'Paris' }, rules, directory)).toEqual({
      ok: false,
      error: [{ code: 'postcode-unknown' }],
    });
    expect(checkFrenchDelivery({ postcode: '01000', city: 'Lyon' }, rules, directory)).toEqual({
      ok: false,
      error: [{ code: 'town-mismatch', towns: ['Bourg-en-Bresse', 'Saint-Denis-lès-Bourg'] }],
    });
    expect(checkFrenchDelivery({ postcode: 'abcde', city: ' ' }, rules, directory)).toEqual({
      ok: false,
      error: [{ code: 'postcode-malformed' }, { code: 'town-missing' }],
    });
  });

  it('does not deliver overseas unless the store says so', () => {
    expect(checkFrenchDelivery({ postcode: '97400', city: 'Saint-Denis' }, rules, directory)).toEqual({
      ok: false,
      error: [{ code: 'not-delivered', department: '974' }],
    });
    const everywhere = kioskOrderingRules({ homeDelivery: { feeMinor: 990 } });
    expect(checkFrenchDelivery({ postcode: '97400', city: 'Saint-Denis' }, everywhere, directory).ok).toBe(
      true,
    );
  });

  it('without the directory, checks the form and the department rules only', () => {
    expect(checkFrenchDelivery({ postcode: '75011', city: 'Paris' }, rules)).toEqual({
      ok: true,
      value: { postcode: '75011', city: 'Paris', department: '75', checked: false },
    });
    expect(checkFrenchDelivery({ postcode: '96000', city: 'X' }, rules).ok).toBe(false);
    expect(checkFrenchDelivery({ postcode: '00100', city: 'X' }, rules).ok).toBe(false);
    expect(checkFrenchDelivery({ postcode: '97911', city: 'X' }, rules).ok).toBe(false);
    expect(departmentOfPostcode('20090')).toBe('2A');
    expect(departmentOfPostcode('20200')).toBe('2B');
    expect(departmentOfPostcode('97411')).toBe('974');
    expect(departmentOfPostcode('98799')).toBe('987');
    expect(departmentOfPostcode('7501')).toBeUndefined();
  });
});

describe('delivery fee', () => {
  it('charges the store’s fee, plus Corsica’s surcharge, and nothing from the free threshold on', () => {
    expect(deliveryFee(2_500, '75', rules)).toEqual({ feeMinor: 590, free: false, untilFreeMinor: 3_500 });
    expect(deliveryFee(2_500, '2A', rules)).toEqual({ feeMinor: 1_590, free: false, untilFreeMinor: 3_500 });
    expect(deliveryFee(6_000, '2B', rules)).toEqual({ feeMinor: 0, free: true });
    const neverFree = kioskOrderingRules({ homeDelivery: { feeMinor: 790 } });
    expect(deliveryFee(100_000, '75', neverFree)).toEqual({ feeMinor: 790, free: false });
  });
});
