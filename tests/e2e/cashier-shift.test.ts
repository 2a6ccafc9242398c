import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import type { CompletedReturn } from '../../src/core/returns/completed-return';
import type { CompletedSale } from '../../src/core/sale';
import { EURO_DENOMINATIONS } from '../../src/core/shifts/denominations';
import { entriesOfShift, findShift } from '../../src/core/shifts/shift-entries';
import { computeShiftTotals, type ShiftTotals } from '../../src/core/shifts/shift-totals';
import { generateFrenchCatalog } from '../../sync-server/src/demo/french-catalog';
import { launchChromium } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import { startDemoStore, startTestDevices, stopAll } from '../support/processes';
import { waitForProjections } from '../support/projections';
import { CashierPage } from './pages/cashier-page';
import { ReturnsPage } from './pages/returns-page';
import { ShiftPage } from './pages/shift-page';

// A full shift at the till, end to end (issue 12, "Shifts, cash and
// reports"): the cashier opens the till with a float counted by
// denomination, sells for cash and by card, voids a line, takes cash out,
// takes back the cash sale's article (refunded in cash) and the card sale's
// (refunded on the card, naming the original payment), reads the X report,
// closes with a drawer 25 € short (a manager approves) and gets the Z
// report, printed and reconciled with the server. Money is
// checked three ways: the screen, the till's journal as the server stored
// it, and SQL over the server's projection tables.
// TILL_SCREENSHOTS=docs/screens saves every state at both till sizes.

const FLOAT = { 2000: 4, 1000: 5, 500: 4, 200: 10, 100: 10 } as const; // 80 + 50 + 20 + 20 + 10 = 180 €
const FLOAT_MINOR = 18_000;
const CASH_OUT = 1_250;
const SHORT = 2_500;

/** French money as the screen writes it, with plain spaces. */
const euros = (minor: number) =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')} €`;

/** The fewest notes and coins that make `minor` (how the test counts the drawer). */
function piecesFor(minor: number): Record<number, number> {
  const pieces: Record<number, number> = {};
  let left = minor;
  for (const { valueMinor } of EURO_DENOMINATIONS) {
    const count = Math.floor(left / valueMinor);
    if (count > 0) pieces[valueMinor] = count;
    left -= count * valueMinor;
  }
  return pieces;
}

describe('a full shift at the till', () => {
  let browser: Browser;
  let page: Page;
  let cashier: CashierPage;
  let shift: ShiftPage;
  let returns: ReturnsPage;
  const receipts: string[] = [];
  let database: ScratchDatabase;
  const pageErrors: string[] = [];
  const packaged = generateFrenchCatalog().filter(
    (p) => p.unit === 'piece' && p.priceMinor < 2_000 && p.legalGuarantee !== true,
  );
  const product = (i: number) => {
    const found = packaged[i];
    if (!found) throw new Error('demo catalog too small');
    return found;
  };
  const shots = process.env.TILL_SCREENSHOTS;
  /** docs/screens/cashier-shift-<state>-<w>x<h>.png at both till sizes, when TILL_SCREENSHOTS is set. */
  const screenshot = async (state: string) => {
    if (!shots) return;
    for (const [width, height] of [
      [1024, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}/cashier-shift-${state}-${width}x${height}.png` });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  };

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  /** The cashier till's journal as the server stored it, in sequence order. */
  const serverJournal = async (): Promise<JournalEntry[]> =>
    (
      await query<{ doc: JournalEntry }>(
        `SELECT d.doc FROM sync_documents d JOIN tills t ON t.id = d.scope
          WHERE d.collection = 'journal' AND t.till_code = '01' ORDER BY (d.doc->>'sequence')::bigint`,
      )
    ).map((r) => r.doc);

  /** Rings up `codes`, voids the last if asked, takes the payment; the customer wants no receipt. */
  async function sell(codes: readonly string[], pay: 'cash' | 'card', voidLast = false): Promise<void> {
    for (const code of codes) await cashier.scan(code);
    if (voidLast) {
      await page.getByTestId('cart-line').last().locator('button.void').click();
      await expect.poll(() => cashier.cartLines()).toBe(codes.length - 1);
    }
    await cashier.startPayment();
    if (pay === 'card') await cashier.payByCard();
    else await page.getByTestId('pay-note-5000').click();
    receipts.push(await cashier.waitForSaleCompleted());
    await page.keyboard.press('n');
    await page.getByTestId('receipt-declined').waitFor();
  }

  beforeAll(async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    const started = await startTestDevices();
    database = await createScratchDatabase('till_shift');
    const { agent } = await startDemoStore({ devices: started.configPath, databaseUrl: database.url });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cashier = new CashierPage(page, shots);
    shift = new ShiftPage(page);
    returns = new ReturnsPage(page);
    await cashier.open(agent.url);
    await cashier.signIn('1234');
  });

  afterAll(async () => {
    await browser?.close();
    await stopAll();
    await database?.drop();
  });

  it('after signing in, the cashier is asked to open the till and counts the float by denomination', async () => {
    await page.getByTestId('open-shift').waitFor();
    expect(await page.getByTestId('barcode-input').count()).toBe(0);
    await cashier.expectAccessible();
    await screenshot('open-empty');
    await shift.count('float', FLOAT);
    expect(await shift.floatTotal()).toBe(euros(FLOAT_MINOR));
    await cashier.expectAccessible();
    await screenshot('open-counted');
    await page.getByTestId('open-shift-submit').click();
    await page.getByTestId('barcode-input').waitFor();
  });

  it('sells for cash and by card, with a voided line, and takes cash out with a reason', async () => {
    await expect.poll(() => cashier.deviceState('terminal'), { timeout: 20_000 }).toBe('connected');
    await sell([product(0).barcode], 'cash');
    await sell([product(1).barcode], 'card');
    await sell([product(2).barcode, product(3).barcode], 'cash', true);
    await shift.openMenu();
    await cashier.expectAccessible();
    await screenshot('menu');
    await page.keyboard.press('Escape');
    await shift.cashMovement('cash-out', '12,50', 'Timbres pour le courrier', async () => {
      await cashier.expectAccessible();
      await screenshot('cash-out');
    });
  });

  it("returns: the cash sale's article refunded in cash, the card sale's refunded on the card", async () => {
    const [cashReceipt = '', cardReceipt = ''] = receipts;
    await returns.open();
    await returns.typeNumber(cashReceipt);
    await returns.take(product(0).name, 1);
    await returns.refund();
    expect((await returns.waitDone()).cash).toBe(euros(product(0).priceMinor));
    await cashier.expectAccessible();
    await returns.receiptKey('n');
    await returns.close();

    await returns.open();
    await returns.typeNumber(cardReceipt);
    await returns.take(product(1).name, 1);
    await returns.refund();
    expect((await returns.waitDone()).card).toBe(euros(product(1).priceMinor));
    await cashier.expectAccessible();
    await returns.close();
  });

  it('the X report shows sales, voids, returns, cash out and what each tender should hold, as the journal says', async () => {
    await shift.xReport();
    const cashSales = product(0).priceMinor + product(2).priceMinor;
    const cardSales = product(1).priceMinor;
    expect(await shift.reportFigure('sales')).toBe(euros(cashSales + cardSales));
    expect(await shift.reportFigure('voids')).toBe(euros(product(3).priceMinor));
    expect(await shift.reportFigure('returns')).toBe(euros(product(0).priceMinor + product(1).priceMinor));
    expect(await shift.reportFigure('movements')).toBe(euros(-CASH_OUT));
    expect(await shift.refundedFor('cash')).toBe(euros(product(0).priceMinor));
    expect(await shift.refundedFor('card')).toBe(euros(product(1).priceMinor));
    expect(await shift.expectedFor('cash')).toBe(
      euros(FLOAT_MINOR + cashSales - CASH_OUT - product(0).priceMinor),
    );
    expect(await shift.expectedFor('card')).toBe(euros(0));
    await cashier.expectAccessible();
    await screenshot('x-report');
    await shift.backToTill();
  });

  it('closes with the drawer 25 € short: a manager approves, the Z report prints and is reconciled with the server', async () => {
    // The returned article's cash went back out of the drawer; the card sale was refunded in full.
    const cashExpected = FLOAT_MINOR + product(2).priceMinor - CASH_OUT;
    await shift.startClose();
    await shift.count('drawer', piecesFor(cashExpected - SHORT));
    await shift.countedFor('card', euros(0).replace(' €', ''));
    await expect.poll(() => shift.difference('cash')).toBe(euros(-SHORT));
    expect(await shift.difference('card')).toBe(euros(0));
    await cashier.expectAccessible();
    await screenshot('close-counted');

    await shift.submitClose();
    // 25 € is beyond a cashier's and a supervisor's limit: only the manager may approve.
    await page.getByTestId('approval-prompt').waitFor();
    await cashier.expectAccessible();
    await screenshot('close-approval');
    await page.getByTestId('approval-pin').fill('9876');
    await page.getByTestId('approval-pin-submit').click();

    await shift.zReport();
    expect(await shift.reportFigure('sales')).toBe(
      euros(product(0).priceMinor + product(1).priceMinor + product(2).priceMinor),
    );
    await expect.poll(() => page.getByTestId('report-print-status').textContent()).toBeTruthy();
    await shift.waitForReconciled();
    await cashier.expectAccessible();
    await screenshot('z-report-reconciled');
  });

  it('the journal and the server projection agree with the screen, to the cent', async () => {
    const journal = await serverJournal();
    const opened = journal.find((e) => e.kind === 'shift.opened');
    if (opened?.kind !== 'shift.opened') throw new Error('no shift.opened on the server');
    const range = findShift(journal, opened.payload.shiftId);
    if (!range?.closed) throw new Error('no shift.closed on the server');
    expect(opened.payload.openingFloat.minor).toBe(FLOAT_MINOR);
    expect(opened.payload.openingCount).toEqual(
      Object.entries(FLOAT)
        .map(([valueMinor, count]) => ({ valueMinor: Number(valueMinor), count }))
        .sort((a, b) => b.valueMinor - a.valueMinor),
    );
    const entries = entriesOfShift(journal, range);
    expect(entries.map((e) => e.kind)).toEqual([
      'sale.completed',
      'sale.completed',
      'sale.completed',
      'cash.movement',
      'return.completed',
      'return.completed',
      'manager.approval',
    ]);
    const totals: ShiftTotals = computeShiftTotals(range.opened, entries);
    const cashExpected = FLOAT_MINOR + product(2).priceMinor - CASH_OUT;
    expect(totals.tenders.find((t) => t.tender === 'cash')?.expectedMinor).toBe(cashExpected);
    expect(totals.tenders.find((t) => t.tender === 'card')?.expectedMinor).toBe(0);
    expect([totals.returnsCount, totals.returnsMinor]).toEqual([
      2,
      product(0).priceMinor + product(1).priceMinor,
    ]);
    // Each return unwinds its own sale's payment: the card refund names the card payment it reverses.
    const sold = entries.flatMap((e) => (e.kind === 'sale.completed' ? [e.payload as CompletedSale] : []));
    const cardTender = sold[1]?.tenders[0];
    if (cardTender?.type !== 'card') throw new Error('the second sale was not paid by card');
    const refunds = entries.flatMap((e) =>
      e.kind === 'return.completed' ? (e.payload as CompletedReturn).refunds : [],
    );
    expect(refunds).toEqual([
      expect.objectContaining({
        method: 'cash',
        amount: { minor: product(0).priceMinor, currency: 'EUR' },
        sourceTenderId: sold[0]?.tenders[0]?.tenderId,
      }),
      expect.objectContaining({
        method: 'card',
        amount: { minor: product(1).priceMinor, currency: 'EUR' },
        sourceTenderId: cardTender.tenderId,
        reference: cardTender.terminal?.transactionRef,
      }),
    ]);
    expect(range.closed.payload.tenders).toEqual([
      {
        tender: 'cash',
        expected: { minor: cashExpected, currency: 'EUR' },
        counted: { minor: cashExpected - SHORT, currency: 'EUR' },
      },
      {
        tender: 'card',
        expected: { minor: 0, currency: 'EUR' },
        counted: { minor: 0, currency: 'EUR' },
      },
    ]);
    const approval = entries.find((e) => e.kind === 'manager.approval');
    expect(approval?.payload).toMatchObject({
      approverStaffId: 'staff-sophie',
      requestedByStaffId: 'staff-camille',
      subject: { type: 'cash-difference', shiftId: opened.payload.shiftId },
    });

    // The projection tables, with SQL of our own over the shift's sequence range.
    // Projections follow the push within milliseconds, off its path (docs/projections.md, "The projector").
    await waitForProjections(query);
    const [from, to] = [range.opened.sequence, range.closed.sequence];
    const within = 'till_id = $1 AND sequence > $2 AND sequence < $3';
    const tillId = range.opened.tillId;
    const [sales] = await query<{ n: string; total: string }>(
      `SELECT count(*) AS n, sum(total_minor) AS total FROM sales WHERE ${within}`,
      [tillId, from, to],
    );
    expect(Number(sales?.n)).toBe(3);
    expect(Number(sales?.total)).toBe(totals.salesMinor);
    const cashIn = await query<{ kind: string; drawer: string }>(
      `SELECT p.kind, sum(p.tendered_minor - p.change_minor) AS drawer FROM sales s JOIN payments p USING (entry_id)
        WHERE s.till_id = $1 AND s.sequence > $2 AND s.sequence < $3 GROUP BY p.kind ORDER BY p.kind`,
      [tillId, from, to],
    );
    expect(cashIn.map((r) => [r.kind, Number(r.drawer)])).toEqual([
      ['card', product(1).priceMinor],
      ['cash', product(0).priceMinor + product(2).priceMinor],
    ]);
    const [voided] = await query<{ n: string; gross: string }>(
      `SELECT count(*) AS n, sum(l.gross_minor) AS gross FROM sales s JOIN sale_lines l USING (entry_id)
        WHERE s.till_id = $1 AND s.sequence > $2 AND s.sequence < $3 AND l.voided`,
      [tillId, from, to],
    );
    expect([Number(voided?.n), Number(voided?.gross)]).toEqual([1, product(3).priceMinor]);
    const refunded = await query<{ method: string; amount: string; n: string }>(
      `SELECT f.method, sum(f.amount_minor) AS amount, count(DISTINCT r.entry_id) AS n
         FROM returns r JOIN return_refunds f USING (entry_id)
        WHERE r.till_id = $1 AND r.sequence > $2 AND r.sequence < $3 GROUP BY f.method ORDER BY f.method`,
      [tillId, from, to],
    );
    expect(refunded.map((r) => [r.method, Number(r.amount), Number(r.n)])).toEqual([
      ['card', product(1).priceMinor, 1],
      ['cash', product(0).priceMinor, 1],
    ]);
    const [moved] = await query<{ drawer: string }>(
      `SELECT sum(drawer_effect_minor) AS drawer FROM cash_movements WHERE ${within}`,
      [tillId, from, to],
    );
    expect(Number(moved?.drawer)).toBe(-CASH_OUT);
    const counts = await query<{ tender: string; difference_minor: string }>(
      'SELECT tender, difference_minor FROM shift_counts WHERE shift_id = $1 ORDER BY tender_index',
      [opened.payload.shiftId],
    );
    expect(counts.map((r) => [r.tender, Number(r.difference_minor)])).toEqual([
      ['cash', -SHORT],
      ['card', 0],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
