import { aProduct, idSequence, unwrap } from '../cart/test-builders';
import { completeSale } from '../sale/complete-sale';
import type { CompletedSale } from '../sale/completed-sale';
import { aSale } from '../sale/test-builders';
import type { CompletedReturn } from './completed-return';
import { createReturn } from './create-return';
import { type ReturnableSource, returnableSourceFromSale } from './returnable-source';

// Sales and returns made at a given time by a given till, for the store-sales
// feed tests (the core builders date theirs in 2025, older than any feed
// window). Pure: the caller passes the time.

/** One id sequence for every record these builders make (unique within a test process). */
const newId = idSequence(1_780_000_000_000);

export interface Till {
  readonly storeCode: string;
  readonly tillCode: string;
}

/** A sale of a yogurt (1), a scarf (2) and a cheese (1), paid by card, completed at `at`. */
export function aSaleAt(till: Till, at: string): CompletedSale {
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
  at: string,
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
        createdAt: at,
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
