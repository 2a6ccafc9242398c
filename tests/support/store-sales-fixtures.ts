import { randomFillSync } from 'node:crypto';
import { aProduct, unwrap } from '../../src/core/cart/test-builders';
import { createUuidV7Generator } from '../../src/core/ids';
import type { CompletedReturn } from '../../src/core/returns/completed-return';
import { createReturn } from '../../src/core/returns/create-return';
import { type ReturnableSource, returnableSourceFromSale } from '../../src/core/returns/returnable-source';
import { completeSale } from '../../src/core/sale/complete-sale';
import type { CompletedSale } from '../../src/core/sale/completed-sale';
import { aSale } from '../../src/core/sale/test-builders';

// Sales and returns made "now" by a given till, for the store-sales feed tests
// (the core builders date theirs in 2025, older than any feed window).

export const newId = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => randomFillSync(new Uint8Array(n)),
});

export interface Till {
  readonly storeCode: string;
  readonly tillCode: string;
}

/** A sale of a yogurt (1), a scarf (2) and a cheese (1), paid by card, completed at `at`. */
export function aSaleAt(till: Till, at = new Date().toISOString()): CompletedSale {
  const { cart, payment } = aSale(newId)
    .with(aProduct({ id: 'yaourt', name: 'Yaourt nature', priceMinor: 250 }))
    .with(aProduct({ id: 'echarpe', name: 'Écharpe laine', priceMinor: 2900, category: 'clothing' }), 2)
    .with(aProduct({ id: 'fromage', name: 'Tomme', priceMinor: 640 }))
    .paidBy('card')
    .build();
  return unwrap(
    completeSale(cart, payment, {
      saleId: newId(),
      storeCode: till.storeCode,
      tillCode: till.tillCode,
      staffId: 'staff-camille',
      startedAt: at,
      completedAt: at,
    }),
  );
}

/** A return at `till` of `units` of line `lineIndex` of `source`, refunded to the original card. */
export function aReturnAt(
  till: Till,
  source: ReturnableSource | CompletedSale,
  lineIndex: number,
  units = 1,
  previousReturns: readonly CompletedReturn[] = [],
): CompletedReturn {
  const returnable = 'saleId' in source ? returnableSourceFromSale(source) : source;
  const line = returnable.lines[lineIndex];
  if (!line) throw new Error(`no line ${lineIndex}`);
  return unwrap(
    createReturn({
      details: {
        returnId: newId(),
        storeCode: till.storeCode,
        tillCode: till.tillCode,
        staffId: 'staff-camille',
        createdAt: new Date().toISOString(),
      },
      source: returnable,
      previousReturns,
      lines: [
        {
          sourceLineId: line.lineId,
          quantity: units,
          restock: true,
          reason: { code: 'changed-mind', note: null },
        },
      ],
      policy: { type: 'original-tenders', voucherPortionTo: 'store-credit', storeCreditAccountId: null },
    }),
  );
}
