import { openSerialLink } from '../../payment/zvt/serial-link';
import {
  type LoggedTransaction,
  RESULT_APPROVED,
  type Scenario,
  ZvtTerminalSimulator,
} from './zvt-simulator';

// The ZVT simulator behind the same control API as the other simulators:
// on TCP (127.0.0.1, a free port unless given) or on the terminal end of a
// serial line (a socat pty). On serial it reopens the line whenever it drops,
// like a terminal that reboots after a crash.

export type ZvtSimulatorOptions = {
  readonly scenario?: Scenario;
  /** Serve on this serial device instead of TCP. */
  readonly serialPath?: string;
  readonly port?: number;
  /** False: the terminal refuses Repeat Receipt (06 20), as some models do. */
  readonly repeatReceipt?: boolean;
};

export type StartedZvtSimulator = {
  /** TCP address (host and port); port 0 when serving a serial line. */
  readonly host: string;
  readonly port: number;
  setScenario(scenario: Scenario): void;
  /** Cards charged: approved authorizations and refunds, in order. */
  charges(): LoggedTransaction[];
  /** Class and instruction of every command received, e.g. "06 01". */
  commands(): string[];
  close(): Promise<void>;
};

const REOPEN_MS = 100;

export async function startZvtTerminalSimulator(
  options: ZvtSimulatorOptions = {},
): Promise<StartedZvtSimulator> {
  const simulator = await ZvtTerminalSimulator.start(
    options.serialPath === undefined ? (options.port ?? 0) : 0,
  );
  simulator.scenario = options.scenario ?? 'approve';
  simulator.supportsRepeatReceipt = options.repeatReceipt ?? true;
  let closed = false;
  let closeLink: (() => void) | undefined;
  const serialPath = options.serialPath;
  if (serialPath !== undefined) {
    void (async () => {
      while (!closed) {
        const link = await openSerialLink(serialPath);
        if (link && !closed) {
          closeLink = () => link.close();
          await simulator.serve(link);
          closeLink = undefined;
        } else link?.close();
        await new Promise((resolve) => setTimeout(resolve, REOPEN_MS));
      }
    })();
  }
  return {
    host: '127.0.0.1',
    port: serialPath === undefined ? simulator.port : 0,
    setScenario(scenario) {
      simulator.scenario = scenario;
    },
    charges: () =>
      simulator.log.filter((entry) => entry.kind !== 'reversal' && entry.resultCode === RESULT_APPROVED),
    commands: () =>
      simulator.commands.map(
        (c) => `${c.cls.toString(16).padStart(2, '0')} ${c.instr.toString(16).padStart(2, '0')}`,
      ),
    close() {
      closed = true;
      closeLink?.();
      return simulator.close();
    },
  };
}
