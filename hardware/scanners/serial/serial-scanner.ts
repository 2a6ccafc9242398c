import type { BackoffOptions } from '../../devices/reconnect-backoff';
import type { DeviceContext, ScannerDriver } from '../../host/device-drivers';
import { keepSerialPortOpen } from '../../serial/kept-serial-port';
import { splitAimPrefix } from '../aim-prefix';
import type { SerialScannerConfig } from '../scanner-config';
import { scannerStatusReporter } from '../scanner-status';
import { ScanLineSplitter } from './scan-line-splitter';

// A scanner on a serial port (RS-232 or a USB virtual COM port): one code
// per line. Kept open across unplugging; each code goes out as a scan event
// with its AIM identifier, when the scanner sends one, split off.

export function createSerialScanner(
  config: SerialScannerConfig,
  context: DeviceContext,
  backoff?: BackoffOptions,
): ScannerDriver {
  const status = scannerStatusReporter(config, context);
  let splitter = new ScanLineSplitter(config.terminator);
  status('connecting');
  const port = keepSerialPortOpen({
    path: config.path,
    baudRate: config.baudRate,
    ...(backoff ? { backoff } : {}),
    log: context.log,
    onState(link) {
      // A half-received code from before the cable was pulled is not a code.
      splitter = new ScanLineSplitter(config.terminator);
      if (link.state === 'connected') status('connected');
      else status('disconnected', link.detail);
    },
    onData(chunk) {
      for (const line of splitter.push(chunk)) {
        const { symbology, data } = splitAimPrefix(line);
        context.emitScan({
          deviceId: config.deviceId,
          source: 'serial',
          data,
          ...(symbology ? { symbology } : {}),
        });
      }
    },
  });
  return { close: () => port.close() };
}
