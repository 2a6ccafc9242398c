import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// An append-only file of JSON lines, one record per line, the last record of
// a key winning. Every put is written and fsynced before it returns: the
// payment drivers put a record before a request leaves the till, so after a
// crash or power loss the till still knows which payments may have reached
// the terminal. A torn last line (power cut mid-write) is skipped on reading.

export type JournalRecord = { readonly key: string };

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class JsonLinesJournal<T extends JournalRecord> {
  readonly #records = new Map<string, T>();
  #fd: number | undefined;

  private constructor(readonly path: string) {}

  /** Reads the file (if any) and keeps it open for appending. */
  static open<T extends JournalRecord>(
    path: string,
    isRecord: (value: unknown) => value is T,
  ): JsonLinesJournal<T> {
    const journal = new JsonLinesJournal<T>(path);
    mkdirSync(dirname(path), { recursive: true });
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of (text ?? '').split('\n')) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      if (isRecord(value)) journal.#records.set(value.key, value);
    }
    journal.#fd = openSync(path, 'a');
    // A new file is durable only once its directory entry is.
    if (text === undefined) fsyncDirectory(dirname(path));
    // A torn last line has no newline: start the next record on a line of its own.
    if (text !== undefined && text.length > 0 && !text.endsWith('\n')) writeSync(journal.#fd, '\n');
    return journal;
  }

  get(key: string): T | undefined {
    return this.#records.get(key);
  }

  values(): T[] {
    return [...this.#records.values()];
  }

  /** Durable when it returns: appended and fsynced. */
  put(record: T): void {
    if (this.#fd === undefined) throw new Error(`payment journal ${this.path} is closed`);
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.#fd);
    this.#records.set(record.key, record);
  }

  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}
