import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintQueue } from '../../../hardware/printer/print-queue';
import { tcpPrinter } from '../../../hardware/printer/tcp-printer';
import { aSmallReceipt } from '../../../hardware/printer/test-receipt';
import {
  type EscPosSimulator,
  startEscPosSimulator,
} from '../../../hardware/simulators/escpos-printer/escpos-simulator';
import { receiptToPlainText } from '../../../src/core/receipts';

// The print queue against the ESC/POS simulator over real TCP on 127.0.0.1.

describe('receipt printer over TCP', () => {
  let sim: EscPosSimulator;
  let queue: PrintQueue;

  beforeEach(async () => {
    sim = await startEscPosSimulator({ port: 0 });
    queue = new PrintQueue(tcpPrinter({ host: '127.0.0.1', port: sim.port, timeoutMs: 2000 }));
  });
  afterEach(() => sim.close());

  it('prints a receipt that reads like the screen preview', async () => {
    const doc = aSmallReceipt();
    const result = await queue.print('job-1', doc);
    expect(result).toMatchObject({ ok: true, value: { jobId: 'job-1' } });
    expect(sim.printed().map((r) => r.text)).toEqual([
      receiptToPlainText(doc, 42, { charset: 'windows-1252' }),
    ]);
    expect(sim.printed()[0]?.qr).toEqual(['POS1:R:PAR01-03-000123']);
    expect(sim.unknownCommands()).toEqual([]);
  });

  it('never prints a job id twice', async () => {
    const first = await queue.print('job-1', aSmallReceipt());
    const again = await queue.print('job-1', aSmallReceipt());
    expect(again).toEqual(first);
    expect(sim.printed()).toHaveLength(1);
  });

  it('refuses to print while the paper is out and keeps the job queued', async () => {
    sim.setCondition('paper-out');
    const refused = await queue.print('job-2', aSmallReceipt());
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'paper-out', retryable: true }),
    });
    expect(queue.queued().map((j) => j.jobId)).toEqual(['job-2']);
    expect(sim.printed()).toHaveLength(0);
  });

  it('keeps a receipt torn by paper out queued, then prints it exactly once', async () => {
    sim.paperOutAfterLines(4);
    const torn = await queue.print('job-3', aSmallReceipt());
    expect(torn).toMatchObject({ ok: false, error: { code: 'paper-out', retryable: true } });
    expect(queue.queued().map((j) => j.jobId)).toEqual(['job-3']);
    expect(sim.printed()).toHaveLength(0);

    sim.setCondition('ok');
    const retried = await queue.retryQueued();
    expect(retried).toMatchObject([{ ok: true, value: { jobId: 'job-3' } }]);
    const again = await queue.print('job-3', aSmallReceipt());
    expect(again.ok).toBe(true);
    expect(sim.printed()).toHaveLength(1);
    expect(queue.queued()).toEqual([]);
  });

  it('reports cover open and offline as typed, retryable errors', async () => {
    sim.setCondition('cover-open');
    expect(await queue.print('job-4', aSmallReceipt())).toMatchObject({
      ok: false,
      error: { code: 'cover-open' },
    });
    sim.setCondition('offline');
    expect(await queue.print('job-4', aSmallReceipt())).toMatchObject({
      ok: false,
      error: { code: 'printer-offline', retryable: true },
    });
  });

  it('prints with paper near its end and says so', async () => {
    sim.setCondition('paper-near-end');
    const result = await queue.print('job-5', aSmallReceipt());
    expect(result).toMatchObject({ ok: true, value: { condition: { paperNearEnd: true } } });
    expect(sim.printed()).toHaveLength(1);
  });

  it('opens the drawer with one kick', async () => {
    expect(await queue.openDrawer()).toEqual({ ok: true, value: undefined });
    expect(sim.drawerKicks()).toBe(1);
  });

  it('does not send a drawer kick to an offline printer', async () => {
    sim.setCondition('paper-out');
    expect(await queue.openDrawer()).toMatchObject({ ok: false, error: { code: 'paper-out' } });
    expect(sim.drawerKicks()).toBe(0);
  });

  it('returns a typed error when nothing listens', async () => {
    await sim.close();
    const result = await queue.print('job-6', aSmallReceipt());
    expect(result).toMatchObject({ ok: false, error: { code: 'printer-unreachable', retryable: true } });
    sim = await startEscPosSimulator({ port: 0 });
  });
});
