import type { Money } from '../money';
import type { CompletedSale } from '../sale/completed-sale';
import type { Tender } from '../sale/tender';
import type { GiftVoucher } from './gift-voucher';

// What a voucher is still worth, as far as this till knows, offline: the
// server's copy (issue and the spends it has received) plus what this till's
// own journal holds that the server may not have yet. Spends are counted once
// each (by tender id), whichever side reports them.

export type VoucherStanding =
  | { readonly known: false }
  | {
      readonly known: true;
      readonly faceValue: Money;
      readonly spent: Money;
      /** Never below zero: a voucher over-spent elsewhere is worth nothing here. */
      readonly remaining: Money;
      readonly overRedeemed: boolean;
    };

export interface LocalSale {
  readonly tillId: string;
  readonly sale: CompletedSale;
}

export function voucherStanding(
  code: string,
  server: GiftVoucher | undefined,
  localSales: readonly LocalSale[],
  /** Tenders of the sale being paid, not journaled yet. */
  pending: readonly Tender[] = [],
): VoucherStanding {
  let face: Money | undefined = server?.faceValue;
  if (face === undefined) {
    for (const { sale } of localSales) {
      const issued = sale.vouchersIssued?.find((v) => v.code === code);
      const line = issued && sale.lines.find((l) => l.lineId === issued.lineId);
      if (line) face = line.net;
    }
  }
  if (face === undefined) return { known: false };
  const spends = new Map<string, number>();
  for (const r of server?.redemptions ?? []) spends.set(r.tenderId, r.amount.minor);
  for (const tenders of [...localSales.map(({ sale }) => sale.tenders), pending]) {
    for (const tender of tenders) {
      if (tender.type === 'voucher' && tender.code.toUpperCase() === code)
        spends.set(tender.tenderId, tender.amount.minor);
    }
  }
  const spentMinor = [...spends.values()].reduce((a, b) => a + b, 0);
  return {
    known: true,
    faceValue: face,
    spent: { minor: spentMinor, currency: face.currency },
    remaining: { minor: Math.max(0, face.minor - spentMinor), currency: face.currency },
    overRedeemed: (server?.overRedeemed ?? false) || spentMinor > face.minor,
  };
}
