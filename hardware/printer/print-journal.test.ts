import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintJournal } from './print-journal';
import { aSmallReceipt } from './test-receipt';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const aDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'print-journal-'));
  dirs.push(dir);
  return dir;
};

describe('PrintJournal', () => {
  it('gives back what was saved: printed ids and waiting jobs with their documents', () => {
    const dir = aDir();
    const state = {
      printed: ['sale-1', 'sale-2'],
      queued: [
        {
          jobId: 'sale-3',
          document: aSmallReceipt(),
          lastError: { code: 'paper-out', message: 'Plus de papier', retryable: true },
        },
      ],
    };
    new PrintJournal(dir).save(state);
    expect(new PrintJournal(dir).load()).toEqual(state);
  });

  it('starts empty when nothing was saved, and reports a damaged file instead of guessing', () => {
    const dir = aDir();
    expect(new PrintJournal(dir).load()).toEqual({ printed: [], queued: [] });
    writeFileSync(join(dir, 'print-queue.json'), '{"printed": ["sale-1"');
    expect(new PrintJournal(dir).load()).toBeInstanceOf(Error);
  });
});
