import { notAProductWords, scanErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import type { ScanLookup } from './scan-lookup';

/** A scan that gave no product, told to the cashier: what was wrong, never the parser's own text. */
export function scanProblemWords(found: Exclude<ScanLookup, { kind: 'product' }>): string {
  switch (found.kind) {
    case 'rejected':
      return t('sale.scanRefused', { words: scanErrorWords(found.error) });
    case 'unknown-product':
      return t('sale.unknownCode', { code: found.code });
    case 'not-a-product':
      return notAProductWords(found.scanKind);
  }
}
