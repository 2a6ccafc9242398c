import { startPtyPair } from '../pty-pair';

// A serial barcode scanner at the end of a socat pty pair: the driver opens
// `devicePath`; tests "scan" codes and pull the cable out and back in.

export interface SerialScannerSimulatorOptions {
  /** What the scanner sends after each code (default CR, the common factory setting). */
  readonly terminator?: 'CR' | 'CRLF';
}

export interface SerialScannerSimulator {
  readonly devicePath: string;
  /** Sends one code (GS separators as \x1d, an AIM prefix if wanted) followed by the terminator. */
  scan(code: string): Promise<void>;
  /** Sends raw bytes, e.g. a code cut in two writes. */
  sendRaw(bytes: Uint8Array): Promise<void>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function startSerialScannerSimulator(
  options: SerialScannerSimulatorOptions = {},
): Promise<SerialScannerSimulator> {
  const terminator = options.terminator === 'CRLF' ? '\r\n' : '\r';
  const pair = await startPtyPair('serial-scanner', () => undefined);
  const sendRaw = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      const peer = pair.peer();
      if (!peer?.isOpen) {
        reject(new Error('the simulated scanner is unplugged'));
        return;
      }
      peer.write(Buffer.from(bytes), (error) => (error ? reject(error) : peer.drain(() => resolve())));
    });
  return {
    devicePath: pair.devicePath,
    scan: (code) => sendRaw(Buffer.from(code + terminator, 'latin1')),
    sendRaw,
    unplug: () => pair.unplug(),
    replug: () => pair.replug(),
    close: () => pair.close(),
  };
}
