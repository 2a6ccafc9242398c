import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eur, idSequence } from '../cart/test-builders';
import { allocateMoney } from '../money';
import { type CompletedReturn, completedReturnSchema } from './completed-return';
import { createReturn } from './create-return';
import type { RefundPolicy } from './refund-policy';
import { type ReturnableSource, TENDER_TYPES } from './returnable-source';
import { returnDetails, returning } from './test-builders';

// Random sources, then random sequences of partial returns against them:
// whatever the order and size of the returns, nothing comes back twice and
// no refund exceeds what was paid, per line, per payment, or in total.

const arbSource: fc.Arbitrary<ReturnableSource> = fc
  .record({
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 6 }),
        netPaid: fc.integer({ min: 0, max: 50_000 }),
        vatRateBps: fc.constantFrom(2000, 1000, 550, 210),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    payments: fc.array(
      fc.record({ type: fc.constantFrom(...TENDER_TYPES), weight: fc.integer({ min: 1, max: 10 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    extraPaid: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ lines, payments, extraPaid }) => {
    const total = lines.reduce((sum, l) => sum + l.netPaid, 0) + extraPaid;
    const shares =
      total > 0
        ? allocateMoney(
            eur(total),
            payments.map((p) => p.weight),
          )
        : [];
    return {
      source: { type: 'sale', id: 'sale-1' },
      currency: 'EUR',
      lines: lines.map((l, i) => ({
        lineId: `line-${i}`,
        productId: `p${i}`,
        name: `Article ${i}`,
        vatRateBps: l.vatRateBps,
        quantity: l.quantity,
        netPaid: eur(l.netPaid),
      })),
      payments: payments.flatMap((p, i) => {
        const amount = shares[i];
        return amount && amount.minor > 0
          ? [
              {
                tenderId: `t${i}`,
                type: p.type,
                amount,
                accountId: p.type === 'store-credit' ? 'client-1' : null,
                reference: null,
              },
            ]
          : [];
      }),
    };
  });

const arbPolicy: fc.Arbitrary<RefundPolicy> = fc.constantFrom<RefundPolicy>(
  { type: 'original-tenders', voucherPortionTo: 'store-credit', storeCreditAccountId: 'client-1' },
  { type: 'original-tenders', voucherPortionTo: 'cash', storeCreditAccountId: null },
  { type: 'cash' },
  { type: 'store-credit', accountId: 'client-2' },
);

const arbVisits = fc.array(
  fc.record({
    lines: fc.array(
      fc.record({ line: fc.integer({ min: 0, max: 4 }), quantity: fc.integer({ min: 1, max: 7 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    policy: arbPolicy,
  }),
  { minLength: 1, maxLength: 8 },
);

describe('returns across random sequences of partial returns', () => {
  it('never refund more than was paid or return more than is still returnable', () => {
    fc.assert(
      fc.property(arbSource, arbVisits, (source, visits) => {
        const ids = idSequence();
        const done: CompletedReturn[] = [];
        for (const visit of visits) {
          const requested = visit.lines.flatMap(({ line, quantity }) => {
            const l = source.lines[line];
            return l ? [returning(l.lineId, quantity)] : [];
          });
          const unique = requested.filter(
            (r, i) => requested.findIndex((o) => o.sourceLineId === r.sourceLineId) === i,
          );
          const before = new Map(source.lines.map((l) => [l.lineId, 0]));
          for (const r of done.flatMap((d) => d.lines))
            before.set(r.sourceLineId, (before.get(r.sourceLineId) ?? 0) + r.quantity);
          const result = createReturn({
            details: returnDetails(ids()),
            source,
            previousReturns: done,
            lines: unique,
            policy: visit.policy,
          });
          const tooMany = unique.some((r) => {
            const line = source.lines.find((l) => l.lineId === r.sourceLineId);
            return line !== undefined && r.quantity > line.quantity - (before.get(r.sourceLineId) ?? 0);
          });
          if (unique.length === 0) {
            expect(result.ok ? 'ok' : result.error.code).toBe('empty-return');
          } else if (tooMany) {
            expect(result.ok ? 'ok' : result.error.code).toBe('quantity-exceeds-returnable');
          } else {
            if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
            expect(completedReturnSchema.safeParse(result.value).success).toBe(true);
            done.push(result.value);
          }
        }

        for (const line of source.lines) {
          const back = done.flatMap((d) => d.lines).filter((l) => l.sourceLineId === line.lineId);
          const units = back.reduce((n, l) => n + l.quantity, 0);
          const refunded = back.reduce((n, l) => n + l.refund.minor, 0);
          expect(units).toBeLessThanOrEqual(line.quantity);
          expect(refunded).toBeLessThanOrEqual(line.netPaid.minor);
          if (units === line.quantity) expect(refunded).toBe(line.netPaid.minor);
        }
        for (const payment of source.payments) {
          const given = done
            .flatMap((d) => d.refunds)
            .filter((r) => r.sourceTenderId === payment.tenderId)
            .reduce((n, r) => n + r.amount.minor, 0);
          expect(given).toBeLessThanOrEqual(payment.amount.minor);
        }
        const refundedTotal = done.reduce((n, d) => n + d.total.minor, 0);
        expect(refundedTotal).toBeLessThanOrEqual(source.lines.reduce((n, l) => n + l.netPaid.minor, 0));
        expect(done.flatMap((d) => d.refunds).reduce((n, r) => n + r.amount.minor, 0)).toBe(refundedTotal);
      }),
    );
  });
});
