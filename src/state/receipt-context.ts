import type { ReceiptContext } from '../core/receipts';
import type { StoreSettings } from '../core/settings/store-settings';

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** The store header and footer of receipts, from the settings the server replicates. */
export function receiptContextFrom(
  settings: StoreSettings,
  receiptNumber: string,
  cashierName: string,
): ReceiptContext {
  const siret = digitsOf(settings.legalIds.find((id) => id.startsWith('SIRET')) ?? '');
  const vat = settings.legalIds
    .find((id) => id.startsWith('TVA'))
    ?.replace(/^TVA\s*/, '')
    .replace(/\s/g, '');
  return {
    store: {
      name: settings.storeName,
      addressLines: settings.addressLines,
      siret: siret.length === 14 ? siret : '00000000000000',
      vatNumber: vat && /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vat) ? vat : null,
    },
    receiptNumber,
    locale: 'fr-FR',
    cashierName,
    footerLines: settings.receiptFooter,
  };
}
