import { randomBytes } from 'node:crypto';
import { defaultScanConfig } from '../../../src/core/barcodes/scan-config';
import type { Product } from '../../../src/core/catalog/product';
import { type StockLevel, stockLevelId } from '../../../src/core/catalog/stock-level';
import {
  type StoreSettings,
  storeSettingsId,
  storeSettingsSchema,
} from '../../../src/core/settings/store-settings';
import { hashPin, type StaffMember } from '../../../src/core/staff/staff-member';
import type { ServerKeys } from '../auth/server-keys';
import { ensureStore } from '../auth/till-registry';
import type { Database } from '../db/database';
import { lockScope, writeDocuments } from '../sync/document-store';
import { demoQuickKeys } from './demo-quick-keys';

export const DEMO_STORE = { code: 'PAR01', name: 'Marché Saint-Antoine – Paris 11e' } as const;

/** Demo staff and their PINs, printed in the README so a tester can sign in. */
export const DEMO_STAFF = [
  { id: 'staff-camille', displayName: 'Camille Martin', role: 'cashier', pin: '1234' },
  { id: 'staff-karim', displayName: 'Karim Benali', role: 'supervisor', pin: '2468' },
  { id: 'staff-sophie', displayName: 'Sophie Lefèvre', role: 'manager', pin: '9876' },
] as const;

/**
 * The demo store's own data: settings (with the key that signs online
 * orders), staff, and opening stock for every product. Each part is written
 * only when the store has none yet.
 */
export async function seedDemoStore(
  db: Database,
  keys: ServerKeys,
  products: readonly Product[],
): Promise<void> {
  const store = DEMO_STORE.code;
  await ensureStore(db, store, DEMO_STORE.name);
  const now = new Date().toISOString();
  await seedScopeOnce(db, 'settings', store, () => {
    const settings: StoreSettings = {
      id: storeSettingsId(store),
      storeCode: store,
      storeName: DEMO_STORE.name,
      addressLines: ['12 rue du Faubourg Saint-Antoine', '75011 Paris'],
      legalIds: ['SIRET 552 100 554 00021', 'TVA FR 40 552100554'],
      currency: 'EUR',
      receiptFooter: ['Merci de votre visite !', 'Échange ou remboursement sous 30 jours avec ce ticket.'],
      scanConfig: defaultScanConfig,
      promotions: [],
      orderSigningKey: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: String(keys.publicJwk.x),
        kid: keys.kid,
      },
      logoAssetId: 'logo-demo',
      receiptPrintMode: 'ask',
      quickKeys: demoQuickKeys(products),
    };
    // The same check every reader applies: settings without a real SIRET are refused, never stored.
    return [storeSettingsSchema.parse(settings)];
  });
  await seedScopeOnce(db, 'staff', store, () =>
    DEMO_STAFF.map(
      (member): StaffMember => ({
        id: member.id,
        storeCode: store,
        displayName: member.displayName,
        role: member.role,
        pin: hashPin(member.pin, randomBytes(16)),
        active: true,
      }),
    ),
  );
  await seedScopeOnce(db, 'inventory', store, () =>
    products.map(
      (product, index): StockLevel => ({
        id: stockLevelId(store, store, product.id),
        storeCode: store,
        productId: product.id,
        location: { kind: 'this-store', code: store },
        // Loose goods in grams, packaged goods in pieces; a few out of stock.
        quantity:
          product.unit === 'kg' ? 5_000 + (index % 20) * 1_000 : index % 17 === 0 ? 0 : 6 + (index % 40),
        updatedAt: now,
      }),
    ),
  );
}

async function seedScopeOnce(
  db: Database,
  collection: 'settings' | 'staff' | 'inventory',
  store: string,
  build: () => readonly { readonly id: string }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockScope(tx, collection, store);
    const existing = await tx.query(
      'SELECT 1 FROM sync_documents WHERE collection = $1 AND scope = $2 LIMIT 1',
      [collection, store],
    );
    if (existing.rows.length > 0) return;
    const docs = build();
    for (let start = 0; start < docs.length; start += 500) {
      const batch = docs
        .slice(start, start + 500)
        .map((doc) => ({ id: doc.id, doc: { ...doc }, deleted: false }));
      await writeDocuments(tx, collection, store, batch);
    }
  });
}
