import { z } from 'zod';
import type { Money } from '../money';
import type { RefundPolicy } from './refund-policy';
import type { ReturnableSource } from './returnable-source';

// The store's rules for returns at the till (store settings, `returnPolicy`):
// how much a cashier may refund alone, how a return without proof of
// purchase is paid back, and where the voucher part of a refund goes. Each
// till reads them offline from its replicated settings.

export const returnPolicySchema = z.strictObject({
  /** A refund above this total (minor units) needs a manager's approval (`refund-over-limit`). */
  refundLimitMinor: z.number().int().min(0).max(100_000_000),
  /** How a return with no proof of purchase is paid back; it always needs approval (`refund-without-receipt`). */
  withoutReceipt: z.enum(['store-credit', 'cash']),
  /** The part paid by voucher goes back onto a voucher (a store credit on its code), or in cash. */
  voucherPortionTo: z.enum(['store-credit', 'cash']),
});
export type ReturnPolicy = z.infer<typeof returnPolicySchema>;

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  refundLimitMinor: 15_000,
  withoutReceipt: 'store-credit',
  voucherPortionTo: 'store-credit',
};

/** Why a refund needs a manager, if it does. */
export type RefundApprovalNeed = 'refund-over-limit' | 'refund-without-receipt';

export function refundApprovalNeed(
  policy: ReturnPolicy,
  total: Money,
  withReceipt: boolean,
): RefundApprovalNeed | null {
  if (!withReceipt) return 'refund-without-receipt';
  return total.minor > policy.refundLimitMinor ? 'refund-over-limit' : null;
}

/** The store-credit account a voucher's part goes back to: the voucher's own code. */
export function voucherAccountOf(source: ReturnableSource): string | null {
  const code = source.payments.find((p) => p.type === 'voucher')?.reference;
  if (!code) return null;
  return `voucher:${code}`.slice(0, 64).replace(/[^A-Za-z0-9._:-]/g, '-');
}

/** How the refund is paid: back to the original tenders (the default), or all as a credit note the customer chose. */
export function refundPolicyFor(
  policy: ReturnPolicy,
  source: ReturnableSource,
  choice: { readonly to: 'original' } | { readonly to: 'store-credit'; readonly accountId: string },
): RefundPolicy {
  if (choice.to === 'store-credit') return { type: 'store-credit', accountId: choice.accountId };
  const voucherAccount = voucherAccountOf(source);
  // A voucher with no code on record cannot be credited back: its part is paid in cash.
  const voucherPortionTo = voucherAccount === null ? 'cash' : policy.voucherPortionTo;
  return {
    type: 'original-tenders',
    voucherPortionTo,
    storeCreditAccountId: voucherPortionTo === 'store-credit' ? voucherAccount : null,
  };
}
