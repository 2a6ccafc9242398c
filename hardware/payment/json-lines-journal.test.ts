import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonLinesJournal } from './json-lines-journal';

type Entry = { key: string; n: number };
const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as Entry).key === 'string';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function aPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  dirs.push(dir);
  return join(dir, 'sub', 'journal.jsonl');
}

describe('JsonLinesJournal', () => {
  it('keeps the last record of each key across reopening', () => {
    const path = aPath();
    const first = JsonLinesJournal.open(path, isEntry);
    first.put({ key: 'a', n: 1 });
    first.put({ key: 'b', n: 2 });
    first.put({ key: 'a', n: 3 });
    first.close();
    const again = JsonLinesJournal.open(path, isEntry);
    expect(again.get('a')).toEqual({ key: 'a', n: 3 });
    expect(again.values()).toHaveLength(2);
    // Append-only: every write is still in the file.
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
    again.close();
  });

  it('skips a torn last line and starts the next record on its own line', () => {
    const path = aPath();
    const journal = JsonLinesJournal.open(path, isEntry);
    journal.put({ key: 'a', n: 1 });
    journal.close();
    appendFileSync(path, '{"key":"b","n"');
    const reopened = JsonLinesJournal.open(path, isEntry);
    expect(reopened.get('b')).toBeUndefined();
    reopened.put({ key: 'c', n: 3 });
    reopened.close();
    const last = JsonLinesJournal.open(path, isEntry);
    expect(last.get('a')).toEqual({ key: 'a', n: 1 });
    expect(last.get('c')).toEqual({ key: 'c', n: 3 });
    last.close();
  });

  it('refuses to write once closed', () => {
    const journal = JsonLinesJournal.open(aPath(), isEntry);
    journal.close();
    expect(() => journal.put({ key: 'a', n: 1 })).toThrow(/closed/);
  });
});
