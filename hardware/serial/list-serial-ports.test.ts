import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts } from './list-serial-ports';

// The real SerialPort.list(), made to fail for real: with a PATH that holds
// no udevadm, its spawn fails exactly as on a machine without udev.
const savedPath = process.env.PATH;
const emptyDir = mkdtempSync(join(tmpdir(), 'no-udevadm-'));
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('listSerialPorts', () => {
  it('turns a failing SerialPort.list() into no ports and a logged reason', async () => {
    process.env.PATH = emptyDir;
    const logged: unknown[] = [];
    const listing = await listSerialPorts((message, details) => logged.push({ message, details }));
    expect(listing.ports).toEqual([]);
    expect(listing.unavailable).toMatch(/udevadm.*ENOENT|ENOENT.*udevadm/);
    expect(logged).toEqual([
      { message: 'serial ports cannot be listed', details: { reason: listing.unavailable } },
    ]);
    rmSync(emptyDir, { recursive: true, force: true });
  });
});
