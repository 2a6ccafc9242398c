import { describe, expect, it } from 'vitest';
import type { TillPrincipal } from '../auth/access-token';
import type { Database } from '../db/database';
import { handleJournalUpload } from './journal-upload';

// Only a well-formed upload counts as a bulk upload the projector gives way
// to: a body the server refuses (400) never holds the projector.

const till = { tillId: 'till-1', storeCode: 'PAR01', tillCode: '01' } as TillPrincipal;
const noDatabase = {} as Database;

describe('journal upload and the projector priority', () => {
  it('does not tell the priority of a body it refuses, however many items it holds', async () => {
    const begun: number[] = [];
    const priority = {
      begin: (entries: number) => {
        begun.push(entries);
        return () => undefined;
      },
    };
    const junk = { entries: Array.from({ length: 500 }, (_, i) => i) };
    await expect(handleJournalUpload(noDatabase, till, junk, {}, priority)).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      handleJournalUpload(noDatabase, till, { entries: [], extra: 1 }, {}, priority),
    ).rejects.toMatchObject({ status: 400 });
    expect(begun).toEqual([]);
  });

  it('tells it of a well-formed upload while it is stored, and that it is over even when storing fails', async () => {
    const events: string[] = [];
    const priority = {
      begin: (entries: number) => {
        events.push(`begin ${entries}`);
        return () => events.push('answered');
      },
    };
    // The database fails as the push opens its transaction (the entries need not be valid for that).
    const failing = {
      transaction: async () => {
        events.push('transaction');
        throw new Error('database down');
      },
    } as unknown as Database;
    const entries = Array.from({ length: 3 }, (_, i) => ({ id: `e${i}` }));
    await expect(handleJournalUpload(failing, till, { entries }, {}, priority)).rejects.toThrow();
    // Row validation refuses these entries before the transaction: begin and answered still pair up.
    expect(events[0]).toBe('begin 3');
    expect(events.at(-1)).toBe('answered');
  });
});
