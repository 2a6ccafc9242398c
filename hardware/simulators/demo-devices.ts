import type { DeviceConfigInput } from '../host/device-config';
import { type EscposPrinterSimulator, startEscposPrinterSimulator } from './escpos-printer/escpos-simulator';
import { type PoleDisplaySimulator, startPoleDisplaySimulator } from './pole-display/pole-display-simulator';
import {
  type SerialScannerSimulator,
  startSerialScannerSimulator,
} from './serial-scanner/serial-scanner-simulator';
import { type StartedZvtSimulator, startZvtTerminalSimulator } from './zvt-terminal/start-zvt-simulator';

// The demo store's devices: a receipt printer (with its drawer), a ZVT card
// terminal, a pole display and a serial scanner, each a simulator on this
// machine, plus the device configuration that points the drivers at them.
// `npm start` and the end-to-end tests use the same set; tests keep the
// handles to read receipts, set faults and scan.

export interface DemoDevices {
  readonly config: DeviceConfigInput;
  readonly printer: EscposPrinterSimulator;
  readonly terminal: StartedZvtSimulator;
  readonly display: PoleDisplaySimulator;
  readonly scanner: SerialScannerSimulator;
  close(): Promise<void>;
}

export interface DemoDeviceOptions {
  /** Port of the printer simulator's page (the receipts it printed); 0 = any free port. */
  readonly printerPagePort?: number;
}

/** Device ids of the demo set, as the status bar and tests know them. */
export const DEMO_DEVICE_IDS = {
  printer: 'printer',
  drawer: 'printer-drawer',
  terminal: 'terminal',
  display: 'display',
  scanner: 'scanner-serial',
} as const;

export async function startDemoDevices(options: DemoDeviceOptions = {}): Promise<DemoDevices> {
  const started: { close(): Promise<void> }[] = [];
  const keep = <T extends { close(): Promise<void> }>(simulator: T): T => {
    started.push(simulator);
    return simulator;
  };
  const close = async () => {
    await Promise.allSettled(started.map((simulator) => simulator.close()));
  };
  try {
    const printer = keep(await startEscposPrinterSimulator({ httpPort: options.printerPagePort ?? 0 }));
    const terminal = keep(await startZvtTerminalSimulator());
    const display = keep(await startPoleDisplaySimulator());
    const scanner = keep(await startSerialScannerSimulator());
    const config: DeviceConfigInput = {
      printer: {
        deviceId: DEMO_DEVICE_IDS.printer,
        name: 'Imprimante tickets (simulée)',
        simulated: true,
        connection: { type: 'tcp', host: printer.host, port: printer.port },
        // Notice a paper change quickly in the demo.
        statusPollMs: 500,
      },
      terminal: {
        protocol: 'zvt',
        deviceId: DEMO_DEVICE_IDS.terminal,
        name: 'Terminal CB (simulé, ZVT)',
        simulated: true,
        timeoutMs: 10_000,
        connection: { type: 'tcp', host: terminal.host, port: terminal.port },
      },
      display: {
        deviceId: DEMO_DEVICE_IDS.display,
        name: 'Afficheur client (simulé)',
        simulated: true,
        path: display.devicePath,
      },
      scanners: [
        {
          type: 'serial',
          deviceId: DEMO_DEVICE_IDS.scanner,
          name: 'Scanner série (simulé)',
          simulated: true,
          path: scanner.devicePath,
        },
      ],
    };
    return { config, printer, terminal, display, scanner, close };
  } catch (error) {
    await close();
    throw error;
  }
}
