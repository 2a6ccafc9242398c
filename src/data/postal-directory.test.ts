import { describe, expect, it } from 'vitest';
import { checkFrenchDelivery } from '../core/orders/french-delivery';
import { DEFAULT_KIOSK_ORDERING } from '../core/settings/kiosk-ordering';
import { loadPostalDirectory } from './postal-directory';

describe('La Poste’s postal directory (codes-postaux)', () => {
  it('knows every code’s towns and their departments, Corsica and overseas included', async () => {
    const directory = await loadPostalDirectory();
    expect(directory.townsOf('75011')).toEqual([
      { name: 'Paris 11e Arrondissement', mailName: 'PARIS', department: '75' },
    ]);
    expect(directory.townsOf('20200').map((town) => town.department)).toContain('2B');
    expect(directory.townsOf('97400')[0]?.department).toBe('974');
    expect(directory.townsOf('99999')).toEqual([]);
    expect(await loadPostalDirectory()).toBe(directory);
  });

  it('checks real addresses with it', async () => {
    const directory = await loadPostalDirectory();
    const check = (postcode: string, city: string) =>
      checkFrenchDelivery({ postcode, city }, DEFAULT_KIOSK_ORDERING, directory);
    expect(check('69004', 'Lyon')).toMatchObject({
      ok: true,
      value: { city: 'Lyon', department: '69' },
    });
    expect(check('42000', 'st etienne')).toMatchObject({ ok: true, value: { city: 'Saint-Étienne' } });
    expect(check('44000', 'Rennes')).toMatchObject({
      ok: false,
      error: [{ code: 'town-mismatch', towns: ['Nantes'] }],
    });
    expect(check('20000', 'Ajaccio')).toMatchObject({ ok: true, value: { department: '2A' } });
  });
});
