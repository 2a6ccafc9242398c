import { describe, expect, it } from 'vitest';
import { defaultScanConfig } from '../core/barcodes/scan-config';
import type { StoreSettings } from '../core/settings/store-settings';
import { storeSettingsSchema } from '../core/settings/store-settings';
import { receiptContextFrom } from './receipt-context';

const settings = (legalIds: string[]): StoreSettings => ({
  id: 'store:PAR01',
  storeCode: 'PAR01',
  storeName: 'Marché Saint-Antoine',
  addressLines: ['12 rue du Faubourg Saint-Antoine', '75011 Paris'],
  legalIds,
  currency: 'EUR',
  receiptFooter: [],
  scanConfig: defaultScanConfig,
  promotions: [],
  orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
  logoAssetId: 'logo-demo',
});
const sealed = { receiptNumber: 'PAR01-01-000001', entryHash: 'a'.repeat(64) };

describe('receipt context from the store settings', () => {
  it.each([
    ['missing', ['TVA FR40552100554'], 'siret-missing'],
    ['malformed (13 digits)', ['SIRET 552 100 554 0002'], 'siret-malformed'],
    ['a wrong check digit', ['SIRET 552 100 554 00025'], 'siret-malformed'],
  ])('a SIRET %s is a configuration error the cashier is told of, never a made-up number', (_, ids, code) => {
    const context = receiptContextFrom(settings(ids), sealed, 'Camille');
    expect(JSON.stringify(context)).not.toContain('00000000000000');
    expect(context.ok ? null : context.error.code).toBe(code);
    expect(context.ok ? '' : context.error.message).toMatch(/^Configuration du magasin : SIRET/);
    // The server reads settings with the same schema, and refuses them.
    expect(storeSettingsSchema.safeParse(settings(ids)).success).toBe(false);
  });

  it('takes the SIRET, the logo and the entry hash from the settings and the journal', () => {
    const context = receiptContextFrom(settings(['SIRET 552 100 554 00021']), sealed, 'Camille');
    expect(context.ok && context.value).toMatchObject({
      store: { siret: '55210055400021' },
      logoAssetId: 'logo-demo',
      entryHash: 'a'.repeat(64),
    });
    expect(storeSettingsSchema.safeParse(settings(['SIRET 552 100 554 00021'])).success).toBe(true);
  });
});
