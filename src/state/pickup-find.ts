import { defaultScanConfig, parseScan, type ScanConfig } from '../core/barcodes';
import type { PickupRefusalReason } from '../core/journal/pickup-refusal-payload';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import type { HandoverIdentification } from '../core/orders/handover';
import { isValidPickupCode } from '../core/orders/pickup-code';
import { matchesDeskSearch } from '../core/orders/pickup-queue';
import { orderTokenWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import type { PickupPort } from './pickup-port';
import type { PickupRefusalLog } from './pickup-refusal-log';

// Finding an order at the pickup desk from what the clerk scanned or typed:
// the QR of the customer's confirmation (POS1:P:<code>) or the pickup code
// typed identify the customer and open the order, once its signature checks
// out offline; anything else searches the store's orders by number, name,
// phone or email. A code that is malformed, unknown or whose order does not
// verify is refused in words, and the refusal is logged.

export type PickupFound =
  | {
      readonly kind: 'order';
      readonly order: ClickCollectOrder;
      /** Set when the customer proved who they are by their code. */
      readonly identification: HandoverIdentification | undefined;
    }
  | { readonly kind: 'matches'; readonly orders: readonly ClickCollectOrder[] }
  | { readonly kind: 'refused'; readonly words: string };

export interface PickupFindServices {
  readonly port: PickupPort;
  readonly refusals: PickupRefusalLog;
  readonly orders: () => readonly ClickCollectOrder[];
}

/** A pickup code as scanned in a QR, or typed: undefined when the input is not meant as one. */
function readCode(
  raw: string,
  config: ScanConfig,
): { readonly code: string } | { readonly malformed: true } | undefined {
  const text = raw.trim();
  if (/^POS1:P:/i.test(text)) {
    const scan = parseScan(text, config);
    return scan.ok && scan.value.kind === 'pickup' ? { code: scan.value.pickupCode } : { malformed: true };
  }
  const typed = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{6,8}$/.test(typed) && isValidPickupCode(typed) ? { code: typed } : undefined;
}

export async function findPickupOrder(services: PickupFindServices, raw: string): Promise<PickupFound> {
  const settings = await services.port.settings();
  const code = readCode(raw, settings?.scanConfig ?? defaultScanConfig);
  const refuse = (reason: PickupRefusalReason, words: string, orderId?: string): PickupFound => {
    services.refusals.log({ input: raw.trim(), reason, words, orderId });
    return { kind: 'refused', words };
  };
  if (code && 'malformed' in code) return refuse('malformed-code', t('pickupApp.find.malformedCode'));
  const byCode = code ? services.orders().find((o) => o.pickupCode === code.code) : undefined;
  if (code && byCode) {
    const verified = await verifyForDesk(services, byCode, raw);
    if (!verified.ok) return { kind: 'refused', words: verified.words };
    return {
      kind: 'order',
      order: byCode,
      identification: { method: 'pickup-code-scanned', pickupCode: code.code },
    };
  }
  // A QR names a code and nothing else; typed text that looks like a code may still be a name.
  const scanned = /^POS1:/i.test(raw.trim());
  const matches = scanned ? [] : services.orders().filter((o) => matchesDeskSearch(o, raw));
  if (matches.length === 0) {
    return code
      ? refuse('unknown-code', t('pickupApp.find.unknownCode'))
      : { kind: 'refused', words: t('pickupApp.find.nothing') };
  }
  const [only] = matches;
  if (matches.length === 1 && only) return { kind: 'order', order: only, identification: undefined };
  return { kind: 'matches', orders: matches };
}

/**
 * The order's signature, checked offline against the store's key: goods leave
 * only on an order the server signed, unchanged. A failure is logged.
 */
export async function verifyForDesk(
  services: Pick<PickupFindServices, 'port' | 'refusals'>,
  order: ClickCollectOrder,
  input: string,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly words: string }> {
  const settings = await services.port.settings();
  if (!settings) return { ok: false, words: t('pickupApp.find.noSettings') };
  const verified = await services.port.verify(order, settings.orderSigningKey);
  if (verified.ok) return { ok: true };
  const words = orderTokenWords(verified.error);
  services.refusals.log({
    input: input.trim() || order.webOrderId,
    reason: verified.error,
    words,
    orderId: order.id,
  });
  return { ok: false, words };
}
