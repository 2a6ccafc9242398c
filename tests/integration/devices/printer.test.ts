import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type EscposPrinterSimulator,
  startEscposPrinterSimulator,
} from '../../../hardware/simulators/escpos-printer/escpos-simulator';
import { unwrap } from '../../../src/core/cart/test-builders';
import { buildSaleReceipt, type ReceiptDocument, receiptToPlainText } from '../../../src/core/receipts';
import { aReceiptContext, theWorkedSale } from '../../../src/core/receipts/test-builders';
import {
  type BridgeClient,
  connectThroughAgent,
  startPrinterHost,
  waitFor,
} from '../../support/printer-bridge';

// The receipt printer as the till reaches it: a WebSocket to the agent, the
// device host, the node-thermal-printer driver, real TCP to the ESC/POS
// simulator on 127.0.0.1. Every simulator scenario goes through this path.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const saleReceipt = (): ReceiptDocument => unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext()));

async function setUp(dataDir?: string): Promise<{ sim: EscposPrinterSimulator; till: BridgeClient }> {
  const sim = await startEscposPrinterSimulator({ port: 0 });
  cleanups.push(() => sim.close());
  const till = await connectPrinter(sim, dataDir);
  return { sim, till };
}

async function connectPrinter(sim: EscposPrinterSimulator, dataDir?: string): Promise<BridgeClient> {
  const printerHost = startPrinterHost(
    { simulated: true, connection: { type: 'tcp', host: sim.host, port: sim.port } },
    dataDir,
  );
  const till = await connectThroughAgent(printerHost.host);
  cleanups.push(async () => {
    await till.close();
    await printerHost.close();
  });
  await waitFor(() => till.latest('printer-1')?.state === 'connected', 5_000, 'printer connected');
  return till;
}

describe('receipt printer through the agent WebSocket', () => {
  it('prints the sale receipt as the screen shows it, with its logo and the receipt number as a QR code', async () => {
    const { sim, till } = await setUp();
    const document = saleReceipt();
    const printed = await till.call('printer.print', { jobId: 'sale-1', document });
    expect(printed).toMatchObject({
      ok: true,
      value: { jobId: 'sale-1', printedNow: true, paperNearEnd: false },
    });
    const [receipt] = sim.receipts();
    expect(receipt?.text).toBe(receiptToPlainText(document, 42, { charset: 'windows-1252' }));
    expect(receipt?.text).toContain('Comté');
    expect(receipt?.qr).toEqual(['POS1:R:PAR01-03-000123']);
    expect(receipt?.images).toMatchObject([{ widthDots: 192, heightDots: 48 }]);
    expect(sim.unknownCommands()).toEqual([]);
    expect(till.latest('printer-1-drawer')).toMatchObject({
      kind: 'drawer',
      state: 'connected',
      detail: 'Tiroir fermé',
    });
  });

  it('on paper, as the independent decoder reads the bytes: VAT codes, quantity x price, legal guarantee, NF525 block, DUPLICATA n° 2', async () => {
    const { sim, till } = await setUp();
    const document = unwrap(
      buildSaleReceipt(
        theWorkedSale(),
        aReceiptContext({ duplicate: true, reprintCount: 2, legalGuaranteeProductIds: ['tshirt-bio'] }),
      ),
    );
    expect(await till.call('printer.print', { jobId: 'dup-2', document })).toMatchObject({ ok: true });
    const lines = (sim.receipts()[0]?.text ?? '').split('\n');
    // Written out here rather than taken from receiptToPlainText: the decoder's reading of the bytes.
    for (const line of [
      '         SIRET 123 456 782 00010',
      '              DUPLICATA n° 2',
      'T-shirt coton bio                25,80 € A',
      '  2 x 12,90 €',
      '  Garantie légale de conformité : 2 ans',
      'Quotidien Le Monde                3,50 € C',
      '  1 x 3,50 €',
      'A 20 %        16,12       3,23       19,35',
      '       Logiciel : Store Till 0.1.0',
      '     Empreinte : 3f9a 2c4d 5e6f 7a8b',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.filter((line) => line.trim() === 'DUPLICATA n° 2')).toHaveLength(2);
    expect(sim.unknownCommands()).toEqual([]);
  });

  it('paper runs out mid-receipt: the job waits in the queue, and the reprint prints once', async () => {
    const { sim, till } = await setUp();
    const document = saleReceipt();
    sim.paperOutAfterLines(6);

    const torn = await till.call('printer.print', { jobId: 'sale-2', document });
    expect(torn).toMatchObject({ ok: false, error: { code: 'paper-out', retryable: true } });
    expect(sim.receipts()).toEqual([]);
    expect(await till.call('printer.queue')).toEqual({
      type: 'response',
      id: expect.any(String),
      ok: true,
      value: [{ jobId: 'sale-2', reason: 'Plus de papier dans l’imprimante', code: 'paper-out' }],
    });
    // The cashier sees it without asking.
    await waitFor(() => till.latest('printer-1')?.detail === 'Plus de papier dans l’imprimante');
    expect(till.latest('printer-1')?.state).toBe('disconnected');

    // A retry while the paper is still out does not print, and still waits.
    expect(await till.call('printer.print', { jobId: 'sale-2', document })).toMatchObject({
      ok: false,
      error: { code: 'paper-out' },
    });

    sim.setCondition('ok'); // new roll
    await waitFor(() => till.latest('printer-1')?.state === 'connected', 5_000, 'printer back');
    const reprint = await till.call('printer.print', { jobId: 'sale-2', document });
    expect(reprint).toMatchObject({ ok: true, value: { jobId: 'sale-2', printedNow: true } });
    // The till retries once more (say its first answer was lost): nothing more comes out.
    const again = await till.call('printer.print', { jobId: 'sale-2', document });
    expect(again).toMatchObject({ ok: true, value: { jobId: 'sale-2', printedNow: false } });

    expect(sim.receipts().map((r) => r.text)).toEqual([
      receiptToPlainText(document, 42, { charset: 'windows-1252' }),
    ]);
    expect(await till.call('printer.queue')).toMatchObject({ ok: true, value: [] });
  });

  it('two receipts wait after paper out: each can be retried by job id or all at once, and prints once', async () => {
    const { sim, till } = await setUp();
    const first = saleReceipt();
    // The second sale was paid by card: its slip prints after it, on its own piece of paper.
    const slip = ['CARTE BANCAIRE', 'MONTANT      12,34 EUR', 'PAIEMENT ACCEPTE'];
    const second = unwrap(
      buildSaleReceipt(
        theWorkedSale(),
        aReceiptContext({ receiptNumber: 'PAR01-03-000124', terminalSlips: [slip] }),
      ),
    );
    sim.setCondition('paper-out');
    await waitFor(() => till.latest('printer-1')?.state === 'disconnected', 5_000, 'paper out seen');
    for (const [jobId, document] of [
      ['receipt:A', first],
      ['receipt:B', second],
    ] as const) {
      expect(await till.call('printer.print', { jobId, document })).toMatchObject({
        ok: false,
        error: { code: 'paper-out' },
      });
    }
    expect(await till.call('printer.queue')).toMatchObject({
      ok: true,
      value: [{ jobId: 'receipt:A' }, { jobId: 'receipt:B' }],
    });

    // Still no paper: every job is tried, none prints, both still wait.
    expect(await till.call('printer.retryQueued')).toMatchObject({
      ok: true,
      value: [
        { printed: false, jobId: 'receipt:A', error: { code: 'paper-out', retryable: true } },
        { printed: false, jobId: 'receipt:B', error: { code: 'paper-out', retryable: true } },
      ],
    });
    expect(sim.receipts()).toEqual([]);

    sim.setCondition('ok');
    await waitFor(() => till.latest('printer-1')?.state === 'connected', 5_000, 'printer back');
    // The older one is reachable on its own, without its document: the host kept it.
    expect(await till.call('printer.retry', { jobId: 'receipt:B' })).toMatchObject({
      ok: true,
      value: { jobId: 'receipt:B', printedNow: true },
    });
    expect(await till.call('printer.queue')).toMatchObject({ ok: true, value: [{ jobId: 'receipt:A' }] });
    expect(await till.call('printer.retryQueued')).toMatchObject({
      ok: true,
      value: [{ printed: true, jobId: 'receipt:A', printedNow: true, paperNearEnd: false }],
    });
    // Asked again (an answer lost on the way): nothing more comes out.
    expect(await till.call('printer.retry', { jobId: 'receipt:B' })).toMatchObject({
      ok: true,
      value: { jobId: 'receipt:B', printedNow: false },
    });
    expect(await till.call('printer.retryQueued')).toMatchObject({ ok: true, value: [] });
    expect(await till.call('printer.retry', { jobId: 'receipt:never' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-print-job', retryable: false },
    });

    const [secondPaper] = receiptToPlainText(second, 42, { charset: 'windows-1252' }).split(`\n${slip[0]}`);
    expect(sim.receipts().map((r) => r.text)).toEqual([
      secondPaper,
      slip.join('\n'),
      receiptToPlainText(first, 42, { charset: 'windows-1252' }),
    ]);
  });

  it('prints with paper near its end and says so, to the caller and on the status line', async () => {
    const { sim, till } = await setUp();
    sim.setCondition('paper-near-end');
    await waitFor(() => till.latest('printer-1')?.state === 'degraded', 5_000, 'degraded');
    expect(till.latest('printer-1')?.detail).toBe('Papier bientôt épuisé');
    const printed = await till.call('printer.print', { jobId: 'sale-3', document: saleReceipt() });
    expect(printed).toMatchObject({ ok: true, value: { printedNow: true, paperNearEnd: true } });
    expect(sim.receipts()).toHaveLength(1);
  });

  it.each([
    ['cover-open', 'cover-open', 'Capot de l’imprimante ouvert'],
    ['offline', 'printer-offline', 'Imprimante hors ligne'],
    ['paper-out', 'paper-out', 'Plus de papier dans l’imprimante'],
  ] as const)(
    '%s: shown to the cashier, the job refused with a retryable error and kept',
    async (condition, code, detail) => {
      const { sim, till } = await setUp();
      sim.setCondition(condition);
      await waitFor(() => till.latest('printer-1')?.detail === detail, 5_000, detail);
      expect(till.latest('printer-1')?.state).toBe('disconnected');
      const refused = await till.call('printer.print', {
        jobId: `job-${condition}`,
        document: saleReceipt(),
      });
      expect(refused).toMatchObject({ ok: false, error: { code, retryable: true } });
      expect(await till.call('printer.queue')).toMatchObject({ value: [{ jobId: `job-${condition}` }] });
      expect(sim.receipts()).toEqual([]);
      sim.setCondition('ok');
      await waitFor(() => till.latest('printer-1')?.state === 'connected', 5_000, 'back to ok');
    },
  );

  it('opens the drawer with one 5-byte kick and shows it open until it is pushed shut', async () => {
    const { sim, till } = await setUp();
    expect(await till.call('drawer.open')).toMatchObject({ ok: true, value: { opened: true } });
    expect(sim.drawerKicks()).toBe(1);
    await waitFor(() => till.latest('printer-1-drawer')?.detail === 'Tiroir ouvert', 5_000, 'drawer open');
    sim.closeDrawer();
    await waitFor(() => till.latest('printer-1-drawer')?.detail === 'Tiroir fermé', 5_000, 'drawer shut');
  });

  it('does not kick the drawer through a printer that is offline (it could open later, unasked)', async () => {
    const { sim, till } = await setUp();
    sim.setCondition('cover-open');
    expect(await till.call('drawer.open')).toMatchObject({ ok: false, error: { code: 'cover-open' } });
    expect(sim.drawerKicks()).toBe(0);
  });

  it('remembers printed job ids across a restart of the host', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'printer-restart-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const { sim, till } = await setUp(dataDir);
    expect(await till.call('printer.print', { jobId: 'sale-4', document: saleReceipt() })).toMatchObject({
      ok: true,
      value: { printedNow: true },
    });
    await cleanups.pop()?.(); // the host goes away (till closed, utility process restarted)
    const restarted = await connectPrinter(sim, dataDir);
    expect(await restarted.call('printer.print', { jobId: 'sale-4', document: saleReceipt() })).toMatchObject(
      {
        ok: true,
        value: { printedNow: false },
      },
    );
    expect(sim.receipts()).toHaveLength(1);
  });

  it('shows an unplugged printer and its drawer as disconnected', async () => {
    const { sim, till } = await setUp();
    await sim.close();
    await waitFor(() => till.latest('printer-1')?.detail?.startsWith('Imprimante injoignable') === true);
    expect(till.latest('printer-1-drawer')).toMatchObject({ state: 'disconnected' });
    expect(await till.call('printer.print', { jobId: 'sale-5', document: saleReceipt() })).toMatchObject({
      ok: false,
      error: { code: 'printer-unreachable', retryable: true },
    });
  });
});
