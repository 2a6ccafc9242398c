import type { BridgeError } from '../core/bridge/bridge-error';
import {
  BRIDGE_ERROR_CODES,
  CART_ERROR_CODES,
  COMPLETE_SALE_ERROR_CODES,
  ENROLMENT_REFUSAL_CODES,
  JOURNAL_APPEND_ERROR_CODES,
  KIOSK_EXIT_REFUSAL_CODES,
  type ListsExactly,
  RECEIPT_ERROR_CODES,
  SALE_LOOKUP_ERROR_CODES,
  SCAN_ERROR_CODES,
  SCAN_KINDS,
  STORE_SETTINGS_ERROR_CODES,
  SYNC_HTTP_ERROR_CODES,
  TENDER_ERROR_CODES,
} from '../core/error-codes';
import type { JournalWriteError } from '../data/journal-writer';
import { t } from './i18n';

// Error codes in the cashier's words. A code never reaches a screen: a code
// this build does not know gets its group's general words, and the host's or
// server's own text goes only into a "details" disclosure for support.

type Assert<T extends true> = T;

/** The journal writer's own failures, besides the core's append errors it wraps. */
export const JOURNAL_WRITE_ERROR_CODES = ['append-refused', 'not-enrolled'] as const;
export type JournalWriteErrorCodesListed = Assert<
  ListsExactly<JournalWriteError['code'], (typeof JOURNAL_WRITE_ERROR_CODES)[number]>
>;

/** Why the till could not start; each has a title and what to do (start screen). */
export const STARTUP_ERROR_CODES = [
  'config-unavailable',
  'storage-unavailable',
  'not-enrolled',
  ...ENROLMENT_REFUSAL_CODES,
  'pairing-code-malformed',
  'server-unreachable',
  'server-refused',
  'upgrade-required',
  'unexpected',
] as const;
export type StartupErrorCode = (typeof STARTUP_ERROR_CODES)[number];

/** Every group of codes with one sentence each, as the words' test walks them. */
export const ERROR_WORD_GROUPS = {
  scan: SCAN_ERROR_CODES,
  notAProduct: SCAN_KINDS,
  cart: CART_ERROR_CODES,
  tender: TENDER_ERROR_CODES,
  completeSale: COMPLETE_SALE_ERROR_CODES,
  journal: [...JOURNAL_APPEND_ERROR_CODES, ...JOURNAL_WRITE_ERROR_CODES],
  receipt: RECEIPT_ERROR_CODES,
  storeSettings: STORE_SETTINGS_ERROR_CODES,
  bridge: [...BRIDGE_ERROR_CODES, 'unknown'],
  sync: [...SYNC_HTTP_ERROR_CODES, 'network', 'unknown'],
  kioskExit: [...KIOSK_EXIT_REFUSAL_CODES, 'accepted'],
  saleLookup: SALE_LOOKUP_ERROR_CODES,
} as const;
export type ErrorWordGroup = keyof typeof ERROR_WORD_GROUPS;

const listed = <L extends readonly string[]>(list: L, code: string): code is L[number] =>
  (list as readonly string[]).includes(code);

type Coded<C extends string> = { readonly code: C };

export const scanErrorWords = (error: Coded<(typeof SCAN_ERROR_CODES)[number]>): string =>
  t(`errors.scan.${error.code}`);

export const notAProductWords = (scanKind: string): string =>
  listed(SCAN_KINDS, scanKind) ? t(`errors.notAProduct.${scanKind}`) : t('errors.scan.unknown-format');

export const cartErrorWords = (error: Coded<(typeof CART_ERROR_CODES)[number]>): string =>
  t(`errors.cart.${error.code}`);

export const tenderErrorWords = (error: Coded<(typeof TENDER_ERROR_CODES)[number]>): string =>
  t(`errors.tender.${error.code}`);

export const completeSaleErrorWords = (error: Coded<(typeof COMPLETE_SALE_ERROR_CODES)[number]>): string =>
  t(`errors.completeSale.${error.code}`);

export const receiptErrorWords = (error: Coded<(typeof RECEIPT_ERROR_CODES)[number]>): string =>
  t(`errors.receipt.${error.code}`);

export const storeSettingsErrorWords = (error: Coded<(typeof STORE_SETTINGS_ERROR_CODES)[number]>): string =>
  t(`errors.storeSettings.${error.code}`);

/** Why the sale brought back for a return was not found. */
export const saleLookupErrorWords = (error: Coded<(typeof SALE_LOOKUP_ERROR_CODES)[number]>): string =>
  t(`errors.saleLookup.${error.code}`);

/** The journal writer's failure; a refused append is told by the core's reason. */
export function journalErrorWords(error: JournalWriteError): string {
  if (error.code === 'append-refused') {
    const inner = (error.detail as { code?: unknown } | null | undefined)?.code;
    if (typeof inner === 'string' && listed(JOURNAL_APPEND_ERROR_CODES, inner))
      return t(`errors.journal.${inner}`);
  }
  return t(`errors.journal.${error.code}`);
}

/** A bridge failure as one short phrase; a code this build does not know gets general words. */
export function bridgeErrorWords(error: Pick<BridgeError, 'code'>): string {
  return listed(BRIDGE_ERROR_CODES, error.code)
    ? t(`errors.bridge.${error.code}`)
    : t('errors.bridge.unknown');
}

/**
 * A sync failure as the till records it (`SyncRequestError.message`:
 * "400 bad-request: …" for the server's refusals, the browser's own text,
 * e.g. "Failed to fetch", when the request did not get through).
 */
export function syncFailureWords(failure: string | undefined): string {
  const http = /^\d{3} ([a-z-]+):/.exec(failure ?? '');
  if (!http?.[1]) return t('errors.sync.network');
  return listed(SYNC_HTTP_ERROR_CODES, http[1]) ? t(`errors.sync.${http[1]}`) : t('errors.sync.unknown');
}

export interface StartupErrorWords {
  readonly title: string;
  readonly action: string;
}

export const startupErrorWords = (code: StartupErrorCode): StartupErrorWords => ({
  title: t(`errors.startup.${code}.title`),
  action: t(`errors.startup.${code}.action`),
});
