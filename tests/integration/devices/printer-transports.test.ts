import { spawnSync } from 'node:child_process';
import { constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import thermal from 'node-thermal-printer';
import { afterEach, describe, expect, it } from 'vitest';
import { serveBridgeCall } from '../../../hardware/host/bridge-handlers';
import { SerialPrinterLink } from '../../../hardware/printer/serial-link';
import { decodePrinterBytes } from '../../../hardware/simulators/escpos-printer/escpos-decoder';
import { startEscposPrinterSimulator } from '../../../hardware/simulators/escpos-printer/escpos-simulator';
import { unwrap } from '../../../src/core/cart/test-builders';
import { buildSaleReceipt, type ReceiptDocument, receiptToPlainText } from '../../../src/core/receipts';
import { aReceiptContext, theWorkedSale } from '../../../src/core/receipts/test-builders';
import { type PrinterHost, startPrinterHost, waitFor } from '../../support/printer-bridge';
import { startSocatLink } from '../../support/socat-link';

// The other wires and the other command set, each through the device host's
// bridge handlers (serveBridgeCall, as the agent and the utility process call
// them): Star Line Mode over TCP, a serial line (socat pty pair), a device
// file and a FIFO; and the simulator's demo page.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const saleReceipt = (): ReceiptDocument => unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext()));
const plain = (document: ReceiptDocument, width = 42) =>
  receiptToPlainText(document, width, { charset: 'windows-1252' });

function hosted(config: Parameters<typeof startPrinterHost>[0]): PrinterHost {
  const printerHost = startPrinterHost(config);
  cleanups.push(() => printerHost.close());
  return printerHost;
}

const call = (h: PrinterHost, method: string, params: unknown = {}) =>
  serveBridgeCall(h.host.handlers, method, params);
const statusOf = (h: PrinterHost, id = 'printer-1') => h.host.registry.list().find((s) => s.deviceId === id);

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function ptyPair(): Promise<{ tillSide: string; printerSide: string }> {
  const link = await startSocatLink('printer-pty');
  cleanups.push(link.close);
  return { tillSide: link.tillSide, printerSide: link.deviceSide };
}

describe('Star Line Mode printer over TCP', () => {
  it('prints the receipt, its QR code and logo, and kicks the drawer with BEL', async () => {
    const sim = await startEscposPrinterSimulator({ model: 'star' });
    cleanups.push(() => sim.close());
    const h = hosted({
      simulated: true,
      model: 'star',
      connection: { type: 'tcp', host: sim.host, port: sim.port },
    });
    await waitFor(() => statusOf(h)?.state === 'connected');
    const document = saleReceipt();
    expect(await call(h, 'printer.print', { jobId: 'star-1', document })).toMatchObject({
      ok: true,
      value: { printedNow: true },
    });
    expect(sim.receipts().map((r) => r.text)).toEqual([plain(document)]);
    expect(sim.receipts()[0]).toMatchObject({
      qr: ['POS1:R:PAR01-03-000123'],
      images: [{ widthDots: 192, heightDots: 48 }],
    });
    expect(sim.unknownCommands()).toEqual([]);
    expect(await call(h, 'drawer.open')).toEqual({ ok: true, value: { opened: true } });
    expect(sim.drawerKicks()).toBe(1);
  });
});

describe('printer on a serial line (socat pty pair)', () => {
  it('prints, reports paper out, and reprints once when the paper is back', async () => {
    const { tillSide, printerSide } = await ptyPair();
    const sim = await startEscposPrinterSimulator();
    cleanups.push(() => sim.close());
    await sim.attachSerial(printerSide);
    const h = hosted({ simulated: true, connection: { type: 'serial', path: tillSide, baudRate: 19200 } });
    await waitFor(() => statusOf(h)?.state === 'connected', 5_000, 'serial printer connected');

    const document = saleReceipt();
    sim.paperOutAfterLines(10);
    expect(await call(h, 'printer.print', { jobId: 'serial-1', document })).toMatchObject({
      ok: false,
      error: { code: 'paper-out', retryable: true },
    });
    await waitFor(() => statusOf(h)?.detail === 'Plus de papier dans l’imprimante');
    sim.setCondition('ok');
    await waitFor(() => statusOf(h)?.state === 'connected', 5_000, 'paper back');
    expect(await call(h, 'printer.print', { jobId: 'serial-1', document })).toMatchObject({
      ok: true,
      value: { printedNow: true },
    });
    expect(await call(h, 'printer.print', { jobId: 'serial-1', document })).toMatchObject({
      ok: true,
      value: { printedNow: false },
    });
    expect(sim.receipts().map((r) => r.text)).toEqual([plain(document)]);
    expect(await call(h, 'drawer.open')).toMatchObject({ ok: true });
    await waitFor(() => statusOf(h, 'printer-1-drawer')?.detail === 'Tiroir ouvert', 5_000, 'drawer open');
  });

  it('is a node-thermal-printer custom interface: the library prints through it', async () => {
    const { tillSide, printerSide } = await ptyPair();
    const sim = await startEscposPrinterSimulator();
    cleanups.push(() => sim.close());
    await sim.attachSerial(printerSide);
    const link = new SerialPrinterLink({ path: tillSide, baudRate: 19200 });
    cleanups.push(() => link.close());
    const printer = new thermal.ThermalPrinter({
      type: thermal.PrinterTypes.EPSON,
      interface: link as unknown as string, // the typings only know strings; the code takes objects
    });
    expect(await printer.isPrinterConnected()).toBe(true);
    printer.println('Bonjour');
    printer.add(Buffer.from([0x1d, 0x56, 0x01]));
    await printer.execute();
    await waitFor(() => sim.receipts().length === 1, 5_000, 'library receipt');
    expect(sim.receipts()[0]?.text).toBe('Bonjour');
  });
});

describe('printer behind a device file', () => {
  it('writes the receipt to the file and says paper status is unknown', async () => {
    const dir = tempDir('printer-file-');
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const h = hosted({ connection: { type: 'file', path } });
    await waitFor(() => statusOf(h)?.state === 'connected');
    expect(statusOf(h)?.detail).toBe('État du papier inconnu (sortie fichier)');
    expect(statusOf(h, 'printer-1-drawer')).toMatchObject({ state: 'degraded' });

    const document = saleReceipt();
    expect(await call(h, 'printer.print', { jobId: 'file-1', document })).toMatchObject({ ok: true });
    expect(await call(h, 'printer.print', { jobId: 'file-1', document })).toMatchObject({
      ok: true,
      value: { printedNow: false },
    });
    expect(await call(h, 'drawer.open')).toMatchObject({ ok: true });
    const decoded = decodePrinterBytes(readFileSync(path), { model: 'epson', widthChars: 42 });
    expect(decoded.receipts.map((r) => r.text)).toEqual([plain(document)]);
    expect(decoded.drawerKicks).toBe(1);
    expect(decoded.unknown).toEqual([]);
  });

  it('reports a missing device as unreachable and keeps the job', async () => {
    const path = join(tempDir('printer-file-'), 'no-such-lp0');
    const h = hosted({ connection: { type: 'file', path } });
    await waitFor(() => statusOf(h)?.state === 'disconnected');
    expect(await call(h, 'printer.print', { jobId: 'file-2', document: saleReceipt() })).toMatchObject({
      ok: false,
      error: { code: 'printer-unreachable', retryable: true },
    });
    expect(await call(h, 'printer.queue')).toMatchObject({ ok: true, value: [{ jobId: 'file-2' }] });
    expect(existsSync(path)).toBe(false); // never created as a plain file
  });

  it('writes through a FIFO to whoever reads it', async () => {
    const path = join(tempDir('printer-fifo-'), 'printer.fifo');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const chunks: Buffer[] = [];
    // The reading end, opened non-blocking (as a print spooler would keep it open) and read through libuv.
    const reader = new Socket({
      fd: openSync(path, constants.O_RDONLY | constants.O_NONBLOCK),
      readable: true,
    });
    reader.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    cleanups.push(() => {
      reader.destroy();
    });
    const h = hosted({ connection: { type: 'file', path } });
    const document = saleReceipt();
    expect(await call(h, 'printer.print', { jobId: 'fifo-1', document })).toMatchObject({ ok: true });
    expect(await call(h, 'printer.print', { jobId: 'fifo-1', document })).toMatchObject({
      ok: true,
      value: { printedNow: false },
    });
    await waitFor(
      () =>
        decodePrinterBytes(Buffer.concat(chunks), { model: 'epson', widthChars: 42 }).receipts.length === 1,
      5_000,
      'receipt through the FIFO',
    );
    expect(
      decodePrinterBytes(Buffer.concat(chunks), { model: 'epson', widthChars: 42 }).receipts[0]?.text,
    ).toBe(plain(document));
  });

  it('refuses at once, without blocking, when nobody reads the FIFO', async () => {
    const path = join(tempDir('printer-fifo-'), 'printer.fifo');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const h = hosted({ connection: { type: 'file', path } });
    expect(await call(h, 'printer.print', { jobId: 'fifo-2', document: saleReceipt() })).toMatchObject({
      ok: false,
      error: { code: 'printer-unreachable', retryable: true },
    });
    expect(await call(h, 'printer.queue')).toMatchObject({ value: [{ jobId: 'fifo-2' }] });
  });
});

describe('the simulator’s demo page', () => {
  it('shows printed receipts newest first and switches faults from its buttons', async () => {
    const sim = await startEscposPrinterSimulator({ httpPort: 0 });
    cleanups.push(() => sim.close());
    const h = hosted({ simulated: true, connection: { type: 'tcp', host: sim.host, port: sim.port } });
    await waitFor(() => statusOf(h)?.state === 'connected');
    const document = saleReceipt();
    await call(h, 'printer.print', { jobId: 'page-1', document });
    await call(h, 'printer.print', {
      jobId: 'page-2',
      document: { ...document, receiptNumber: 'PAR01-03-000124', duplicate: true },
    });

    const page = await (await fetch(`${sim.httpUrl}/`)).text();
    expect(page).toContain('Comté');
    expect(page.indexOf('Ticket 2')).toBeLessThan(page.indexOf('Ticket 1'));
    expect(page).toContain('QR POS1:R:PAR01-03-000123');
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="192" height="48"'); // the logo, drawn

    const switched = await fetch(`${sim.httpUrl}/condition`, {
      method: 'POST',
      body: new URLSearchParams({ condition: 'paper-out' }),
      redirect: 'manual',
    });
    expect(switched.status).toBe(303);
    await waitFor(
      () => statusOf(h)?.detail === 'Plus de papier dans l’imprimante',
      5_000,
      'paper out via page',
    );
    expect(await call(h, 'printer.print', { jobId: 'page-3', document })).toMatchObject({
      ok: false,
      error: { code: 'paper-out' },
    });
    const json = await (await fetch(`${sim.httpUrl}/receipts.json`)).json();
    expect(json).toMatchObject({ condition: 'paper-out', receipts: [{}, {}] });
    expect(
      (await fetch(`${sim.httpUrl}/condition`, { method: 'POST', body: 'condition=on-fire' })).status,
    ).toBe(400);
  });
});
