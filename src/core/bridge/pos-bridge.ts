import type { Result } from '../result';
import type { BridgeError } from './bridge-error';
import type {
  BridgeEvent,
  BridgeEventPayload,
  BridgeMethod,
  BridgeParams,
  BridgeValue,
  DisplayLines,
  PaymentOutcome,
  PaymentProgress,
  PrintedReceipt,
  PrintReceiptParams,
  QueuedPrintJob,
  RecoveredPayment,
  ResolvePaymentParams,
  RetriedPrintJob,
  ScanEvent,
  StartPaymentParams,
} from './bridge-methods';
import type { DeviceStatus } from './device-status';

type Call<T> = Promise<Result<T, BridgeError>>;

/**
 * The one way renderer code reaches store hardware. The Electron preload
 * (`window.pos`) and the browser-mode agent client both implement it, so the
 * screens never know which host they run in. Every call resolves: failures
 * are `BridgeError` values ({ code, message, retryable }), never thrown.
 */
export interface PosBridge {
  readonly host: 'electron' | 'agent';
  /** The current status of every configured device. */
  deviceStatuses(): Call<DeviceStatus[]>;
  /** Called on every status change; returns the unsubscribe function. */
  onDeviceStatus(listener: (status: DeviceStatus) => void): () => void;
  /** Whether the host itself answers (the agent may be down; Electron's main always answers). */
  onHostConnection(listener: (connected: boolean) => void): () => void;
  /** Codes read by HID and serial scanners (keyboard-wedge scans are detected in the renderer). */
  onScan(listener: (scan: ScanEvent) => void): () => void;

  /** Prints a receipt once per job id; a failed job stays queued and a retry with the same id prints it once. */
  printReceipt(params: PrintReceiptParams): Call<PrintedReceipt>;
  /** Receipts waiting for the printer (paper out, cover open, offline). */
  printQueue(): Call<QueuedPrintJob[]>;
  /**
   * Prints one waiting job (from `printQueue`) with the document it was queued
   * with. A job that has printed meanwhile answers `printedNow: false`; an id
   * the host never queued is `unknown-print-job`.
   */
  retryPrintJob(jobId: string): Call<PrintedReceipt>;
  /** Tries every waiting job once, oldest first: one answer per job. */
  retryQueuedPrintJobs(): Call<RetriedPrintJob[]>;
  openDrawer(): Call<{ opened: true }>;

  /** Runs a card payment or refund to its end. An unknown outcome is an error whose remedy is `recoverPayment`. */
  startPayment(params: StartPaymentParams): Call<PaymentOutcome>;
  abortPayment(paymentId: string): Call<{ done: true }>;
  /** Asks the terminal what became of `paymentId`; never charges again. */
  recoverPayment(paymentId: string): Call<RecoveredPayment>;
  // ---- payment.resolve
  /**
   * Manager only (the caller checks the PIN): records the manager's decision on a
   * payment recovery cannot settle, so new card payments are no longer blocked.
   */
  resolvePayment(params: ResolvePaymentParams): Call<RecoveredPayment>;
  // ---- end payment.resolve
  onPaymentProgress(listener: (progress: PaymentProgress) => void): () => void;

  /** Two lines of at most 20 characters on the customer's pole display. */
  showOnDisplay(lines: DisplayLines): Call<{ done: true }>;
}

/**
 * What a host connection offers underneath: one request/response call and
 * one event stream. `bridgeOverTransport` builds the whole PosBridge on it,
 * so the preload and the agent client share everything but the pipe.
 */
export interface BridgeTransport {
  readonly host: PosBridge['host'];
  call(method: BridgeMethod, params: unknown): Promise<Result<unknown, BridgeError>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  onHostConnection(listener: (connected: boolean) => void): () => void;
}

export type { BridgeEvent, BridgeEventPayload, BridgeMethod, BridgeParams, BridgeValue };
