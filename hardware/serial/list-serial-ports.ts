import { SerialPort } from 'serialport';

// SerialPort.list() runs `udevadm` on Linux; where it is missing (containers,
// minimal installs) the promise rejects with "spawn udevadm ENOENT", and an
// unhandled rejection would end the host. A listing is only ever a hint for
// the set-up screen (ptys are never listed, devices are opened by path), so
// a failure becomes an empty list plus the reason.

export type PortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

export interface SerialPortListing {
  readonly ports: PortInfo[];
  /** Why the ports could not be listed, when they could not. */
  readonly unavailable?: string;
}

export async function listSerialPorts(
  log: (message: string, details?: Record<string, unknown>) => void,
): Promise<SerialPortListing> {
  try {
    return { ports: await SerialPort.list() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log('serial ports cannot be listed', { reason });
    return { ports: [], unavailable: reason };
  }
}
