import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type {
  DisplayLines,
  PaymentOutcome,
  PrintedReceipt,
  PrintReceiptParams,
  QueuedPrintJob,
  RecoveredPayment,
  ResolvePaymentParams,
  RetriedPrintJob,
  ScanEvent,
  StartPaymentParams,
} from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import type { Result } from '../../src/core/result';

// What each kind of device driver offers the device host. One driver per
// configured device; the host turns bridge calls into driver calls and
// driver reports into bridge events. Drivers never throw across this line:
// every failure is a BridgeError value ({ code, message, retryable }).

type Call<T> = Promise<Result<T, BridgeError>>;

/** Given to every driver when it is created: how it reports back to the host. */
export interface DeviceContext {
  /** The driver's current status; call on every change (connecting, connected, degraded, disconnected). */
  reportStatus(status: DeviceStatus): void;
  /** A code read by a scanner driver. */
  emitScan(scan: ScanEvent): void;
  /** Where the driver writes files it must keep (payment journal, print queue); created by the host. */
  readonly dataDir: string;
  readonly log: (message: string, details?: Record<string, unknown>) => void;
}

export interface ReceiptPrinterDriver {
  print(params: PrintReceiptParams): Call<PrintedReceipt>;
  queue(): QueuedPrintJob[];
  /** Prints a queued job with its queued document; printed already → printedNow false; unknown id → error. */
  retry(jobId: string): Call<PrintedReceipt>;
  /** Every queued job once, oldest first. */
  retryQueued(): Promise<RetriedPrintJob[]>;
  /** The drawer hangs off the printer: the kick goes through it. */
  openDrawer(): Call<{ opened: true }>;
  close(): Promise<void>;
}

export interface PaymentTerminal {
  /** Runs to a final outcome; an unknown outcome (timeout, lost link) is an error with code 'outcome-unknown'. */
  start(params: StartPaymentParams, onProgress: (message: string) => void): Call<PaymentOutcome>;
  abort(paymentId: string): Call<{ done: true }>;
  /** Asks the terminal (and the durable payment journal) what became of `paymentId`; never charges. */
  recover(paymentId: string): Call<RecoveredPayment>;
  // ---- payment.resolve
  /** Records a manager's decision on a payment recovery cannot settle; never talks to the terminal. */
  resolve(params: ResolvePaymentParams): Call<RecoveredPayment>;
  // ---- end payment.resolve
  close(): Promise<void>;
}

export interface CustomerDisplayDriver {
  show(lines: DisplayLines): Call<{ done: true }>;
  close(): Promise<void>;
}

/** Scanners only report: codes through `emitScan`, health through `reportStatus`. */
export interface ScannerDriver {
  close(): Promise<void>;
}
