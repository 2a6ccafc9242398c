import type { ReceiptContext } from '../core/receipts';
import { err, ok, type Result } from '../core/result';
import { type StoreSettings, storeSiretOf } from '../core/settings/store-settings';
import { storeSettingsErrorWords } from '../i18n/error-words';
import { reasonLabels } from './sale-reasons';

/** Why no receipt can be issued from these settings, in words for the cashier (active language). */
export interface ReceiptSettingsProblem {
  readonly code: 'siret-missing' | 'siret-malformed';
  readonly message: string;
}

/** What the receipt needs of the entry that sealed the sale. */
export interface SealedReceipt {
  readonly receiptNumber: string;
  readonly entryHash: string;
}

/**
 * The store header, logo and footer of receipts, from the settings the
 * server replicates. A missing or malformed SIRET is a configuration error:
 * no receipt is issued with a made-up number.
 */
export function receiptContextFrom(
  settings: StoreSettings,
  sealed: SealedReceipt,
  cashierName: string,
): Result<ReceiptContext, ReceiptSettingsProblem> {
  const siret = storeSiretOf(settings);
  if (!siret.ok) {
    return err({ code: siret.error.code, message: storeSettingsErrorWords(siret.error) });
  }
  const vat = settings.legalIds
    .find((id) => id.startsWith('TVA'))
    ?.replace(/^TVA\s*/, '')
    .replace(/\s/g, '');
  return ok({
    store: {
      name: settings.storeName,
      addressLines: settings.addressLines,
      siret: siret.value,
      vatNumber: vat && /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vat) ? vat : null,
    },
    receiptNumber: sealed.receiptNumber,
    entryHash: sealed.entryHash,
    locale: 'fr-FR',
    cashierName,
    footerLines: settings.receiptFooter,
    logoAssetId: settings.logoAssetId ?? null,
    // The words of the discount and price-change reasons the till offers (sale-reasons.ts).
    reasonLabels: reasonLabels(),
  });
}
