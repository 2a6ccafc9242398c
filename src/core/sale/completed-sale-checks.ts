import { grossOfMeasure } from '../cart/cart-line';
import { isAwaitingApproval } from '../cart/discount';
import { type Money, moneyEquals, subtractMoney, sumMoney } from '../money';
import { vatBreakdown } from '../tax';
import type { CompletedSaleShape, SaleLine } from './completed-sale-shape';
import { duplicateIssues, foreignCurrencyIssues, guarded, type RecordIssue } from './record-checks';
import { sameVatTable, toVatTable } from './vat-table';

// Re-derives the figures of a completed sale from its lines and tenders. The
// server runs this on every pushed sale (through completedSaleSchema), so a
// till bug or a tampered record cannot slip a wrong total into the books.

const isActive = (line: SaleLine): boolean => line.voided === null;

function lineIssues(line: SaleLine, index: number): RecordIssue[] {
  const path = ['lines', index];
  const issues: RecordIssue[] = [];
  const expect = (ok: boolean, field: string, message: string): void => {
    if (!ok) issues.push({ path: [...path, field], message });
  };
  expect(
    moneyEquals(line.gross, grossOfMeasure(line.unitPrice, line.measure)),
    'gross',
    'gross ≠ unit price × measure',
  );
  const promotions = sumMoney(
    line.promotions.map((p) => p.amount),
    line.gross.currency,
  );
  expect(
    moneyEquals(line.promotionDiscount, promotions),
    'promotionDiscount',
    'not the sum of the line promotions',
  );
  if (!isActive(line)) {
    const zero = [line.promotionDiscount, line.lineDiscount, line.basketDiscountShare, line.net];
    expect(
      zero.every((m) => m.minor === 0),
      'net',
      'a voided line carries no amount',
    );
    return issues;
  }
  const net = [line.promotionDiscount, line.lineDiscount, line.basketDiscountShare].reduce(
    subtractMoney,
    line.gross,
  );
  expect(moneyEquals(line.net, net), 'net', 'net ≠ gross − promotions − line discount − basket share');
  expect(
    line.lineDiscount.minor === 0 || line.discount !== null,
    'lineDiscount',
    'line discount without a discount',
  );
  const discount = line.discount;
  expect(discount === null || !isAwaitingApproval(discount), 'discount', 'discount not approved');
  expect(
    line.priceOverride === undefined || !moneyEquals(line.priceOverride.originalUnitPrice, line.unitPrice),
    'priceOverride',
    'a price override must change the price',
  );
  return issues;
}

function totalsIssues(sale: CompletedSaleShape): RecordIssue[] {
  const active = sale.lines.filter(isActive);
  const sum = (pick: (l: SaleLine) => Money): Money => sumMoney(active.map(pick), sale.currency);
  const t = sale.totals;
  const expected: [keyof typeof t, Money][] = [
    ['gross', sum((l) => l.gross)],
    ['promotionDiscount', sum((l) => l.promotionDiscount)],
    ['lineDiscount', sum((l) => l.lineDiscount)],
    ['basketDiscount', sum((l) => l.basketDiscountShare)],
    ['totalDiscount', sumMoney([t.promotionDiscount, t.lineDiscount, t.basketDiscount], sale.currency)],
    ['total', sum((l) => l.net)],
  ];
  const issues: RecordIssue[] = expected
    .filter(([field, value]) => !moneyEquals(t[field], value))
    .map(([field]) => ({ path: ['totals', field], message: `${field} does not add up` }));
  if (!moneyEquals(subtractMoney(t.gross, t.totalDiscount), t.total)) {
    issues.push({ path: ['totals', 'total'], message: 'total ≠ gross − total discount' });
  }
  if (active.length === 0)
    issues.push({ path: ['lines'], message: 'no line left once voided lines are set aside' });
  return issues;
}

function discountAndPromotionIssues(sale: CompletedSaleShape): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const basket = sale.basketDiscount;
  const basketAmount = basket ? basket.amount : { minor: 0, currency: sale.currency };
  if (!moneyEquals(basketAmount, sale.totals.basketDiscount)) {
    issues.push({ path: ['basketDiscount', 'amount'], message: 'basket discount ≠ the sum of its shares' });
  }
  if (basket && isAwaitingApproval(basket.discount)) {
    issues.push({ path: ['basketDiscount', 'discount'], message: 'discount not approved' });
  }
  const perPromotion = new Map<string, Money>();
  for (const line of sale.lines) {
    for (const p of line.promotions) {
      const previous = perPromotion.get(p.promotionId);
      perPromotion.set(p.promotionId, previous ? sumMoney([previous, p.amount], sale.currency) : p.amount);
    }
  }
  const summary = [...perPromotion.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const matches =
    summary.length === sale.promotions.length &&
    summary.every(
      ([id, amount], i) =>
        sale.promotions[i]?.promotionId === id && moneyEquals(sale.promotions[i].amount, amount),
    );
  if (!matches)
    issues.push({ path: ['promotions'], message: 'not the per-promotion sum of the line promotions' });
  return issues;
}

function tenderIssues(sale: CompletedSaleShape): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const zero = { minor: 0, currency: sale.currency };
  const paid = sumMoney(
    sale.tenders.map((t) => t.amount),
    sale.currency,
  );
  if (!moneyEquals(paid, sale.totals.total))
    issues.push({ path: ['tenders'], message: 'tenders do not add up to the total' });
  const cash = sale.tenders.flatMap((t) => (t.type === 'cash' ? [t] : []));
  const change = sumMoney(
    cash.map((t) => t.change),
    sale.currency,
  );
  if (!moneyEquals(change, sale.change))
    issues.push({ path: ['change'], message: 'change ≠ the change of the cash tenders' });
  const rounding = sumMoney(
    cash.map((t) => t.rounding),
    sale.currency,
  );
  if (!moneyEquals(rounding, sale.cashRounding)) {
    issues.push({ path: ['cashRounding'], message: 'not the rounding of the cash tenders' });
  }
  // Only the last tender can settle the sale, so only it may carry change.
  sale.tenders.forEach((t, i) => {
    if (t.type === 'cash' && i < sale.tenders.length - 1 && !moneyEquals(t.change, zero)) {
      issues.push({
        path: ['tenders', i, 'change'],
        message: 'change on a tender that did not settle the sale',
      });
    }
  });
  return [
    ...issues,
    ...duplicateIssues(
      sale.tenders.map((t) => t.tenderId),
      ['tenders'],
      'tender id',
    ),
  ];
}

function vatIssues(sale: CompletedSaleShape): RecordIssue[] {
  const expected = vatBreakdown(
    sale.lines.filter(isActive).map((l) => ({ grossMinor: l.net.minor, vatRateBps: l.vatRateBps })),
    sale.currency,
  );
  return sameVatTable(sale.vat, toVatTable(expected))
    ? []
    : [{ path: ['vat'], message: 'VAT table does not match the lines' }];
}

/**
 * A voucher is sold on an active open-price line without VAT (a multi-purpose
 * voucher is taxed when spent, not when sold), at most once per line and
 * code, and never spent on the sale that sells it.
 */
function voucherIssues(sale: CompletedSaleShape): RecordIssue[] {
  const issued = sale.vouchersIssued ?? [];
  const issues: RecordIssue[] = [];
  issued.forEach((voucher, i) => {
    const line = sale.lines.find((l) => l.lineId === voucher.lineId);
    const fit =
      line !== undefined &&
      isActive(line) &&
      line.measure.kind === 'embedded-price' &&
      line.vatRateBps === 0 &&
      line.net.minor > 0;
    if (!fit)
      issues.push({
        path: ['vouchersIssued', i, 'lineId'],
        message: 'not an active open-price line without VAT',
      });
    if (sale.tenders.some((t) => t.type === 'voucher' && t.code.toUpperCase() === voucher.code))
      issues.push({
        path: ['vouchersIssued', i, 'code'],
        message: 'voucher spent on the sale that sells it',
      });
  });
  return [
    ...issues,
    ...duplicateIssues(
      issued.map((v) => v.lineId),
      ['vouchersIssued'],
      'voucher line id',
    ),
    ...duplicateIssues(
      issued.map((v) => v.code),
      ['vouchersIssued'],
      'voucher code',
    ),
  ];
}

/** Everything that does not add up in a sale whose shape is already valid. */
export function saleInconsistencies(sale: CompletedSaleShape): RecordIssue[] {
  const foreign = foreignCurrencyIssues(sale, sale.currency);
  // Arithmetic across currencies would throw; the currency issues say it all.
  if (foreign.length > 0) return foreign;
  return guarded(() => [
    ...duplicateIssues(
      sale.lines.map((l) => l.lineId),
      ['lines'],
      'line id',
    ),
    ...sale.lines.flatMap(lineIssues),
    ...totalsIssues(sale),
    ...discountAndPromotionIssues(sale),
    ...tenderIssues(sale),
    ...vatIssues(sale),
    ...voucherIssues(sale),
  ]);
}
