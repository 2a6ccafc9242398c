import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './payment-journal';
import { decideRecovery, type LastTransaction } from './zvt-terminal';

// Every row of the recovery decision table in docs/zvt.md that decideRecovery
// owns (rows 1-3 are in recoverPayment and tested over TCP in
// tests/integration/devices/zvt-recovery.test.ts, which also runs rows 4, 5, 8, 9).

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  key: 'sale-1',
  amountMinor: 4200,
  traceBefore: 41,
  ...over,
});
const receipt = (status: LastTransaction['status']): LastTransaction => ({
  via: 'repeat-receipt',
  ...(status ? { status } : {}),
});

describe('recovery decision table', () => {
  it('row 4: no trace in the answer (05 01 without transaction data, no receipt): unknown', () => {
    for (const last of [
      { via: 'status-enquiry' as const },
      receipt(undefined),
      { via: 'status-enquiry' as const, status: { resultCode: 0 } },
    ]) {
      const decided = decideRecovery(entry(), last);
      expect(decided.decision).toBe('unknown');
      expect(decided.row).toBe(4);
    }
    expect(
      decideRecovery(entry({ noReceiptBefore: true, traceBefore: undefined }), receipt(undefined)),
    ).toMatchObject({
      decision: 'unknown',
      row: 4,
    });
  });

  it('row 5: the last receipt is the one seen before sending: not charged', () => {
    expect(decideRecovery(entry(), receipt({ trace: 41, amountMinor: 100, resultCode: 0 }))).toEqual({
      decision: 'not-charged',
      row: 5,
    });
  });

  it('row 6: the trace before sending is not known: unknown, even for the same amount', () => {
    const decided = decideRecovery(
      entry({ traceBefore: undefined }),
      receipt({ trace: 42, amountMinor: 4200, resultCode: 0 }),
    );
    expect(decided).toMatchObject({ decision: 'unknown', row: 6 });
  });

  it('row 7: a trace older than the one before sending (terminal reset): unknown', () => {
    expect(decideRecovery(entry(), receipt({ trace: 3, amountMinor: 4200, resultCode: 0 }))).toMatchObject({
      decision: 'unknown',
      row: 7,
    });
  });

  it('row 8: a newer transaction of another amount, or without amount: unknown, saying what to check', () => {
    const other = decideRecovery(entry(), receipt({ trace: 43, amountMinor: 100, resultCode: 0 }));
    expect(other).toMatchObject({ decision: 'unknown', row: 8 });
    expect(other.decision === 'unknown' && other.check).toMatch(
      /trace 43, 1,00 EUR, not this payment of 42,00 EUR/,
    );
    expect(decideRecovery(entry(), receipt({ trace: 43, resultCode: 0 }))).toMatchObject({ row: 8 });
  });

  it('row 9: a newer transaction of this amount, approved: charged', () => {
    const status = { trace: 42, amountMinor: 4200, resultCode: 0, receiptNo: 7 };
    expect(decideRecovery(entry(), receipt(status))).toEqual({ decision: 'charged', row: 9, status });
    // A terminal that had no receipt before sending: any receipt now is newer.
    expect(
      decideRecovery(entry({ traceBefore: undefined, noReceiptBefore: true }), receipt(status)),
    ).toMatchObject({ decision: 'charged', row: 9 });
  });

  it('row 10: a newer transaction of this amount, not approved: declined', () => {
    expect(decideRecovery(entry(), receipt({ trace: 42, amountMinor: 4200, resultCode: 0x05 }))).toEqual({
      decision: 'declined',
      row: 10,
      resultCode: 0x05,
    });
  });

  it('row 11: a newer transaction of this amount without a result code: unknown', () => {
    expect(decideRecovery(entry(), receipt({ trace: 42, amountMinor: 4200 }))).toMatchObject({
      decision: 'unknown',
      row: 11,
    });
  });
});
