import { EventEmitter } from 'node:events';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { BridgeEvent, BridgeEventPayload } from '../../src/core/bridge/bridge-methods';
import { err, ok } from '../../src/core/result';
import { DeviceRegistry } from '../devices/device-registry';
import type { BridgeHandlers } from './bridge-handlers';
import type {
  CustomerDisplayDriver,
  PaymentTerminal,
  ReceiptPrinterDriver,
  ScannerDriver,
} from './device-drivers';

// The one hardware implementation both hosts share: the agent serves it over
// its WebSocket, Electron runs it in a utility process. It maps bridge calls
// to drivers and driver reports to bridge events.

export interface DeviceDrivers {
  readonly printer?: ReceiptPrinterDriver;
  readonly terminal?: PaymentTerminal;
  readonly display?: CustomerDisplayDriver;
  readonly scanners?: readonly ScannerDriver[];
}

export interface DeviceHost {
  readonly handlers: BridgeHandlers;
  readonly registry: DeviceRegistry;
  onEvent(listener: <E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>) => void): () => void;
  emit<E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>): void;
  close(): Promise<void>;
}

const notConfigured = (what: string): BridgeError => ({
  code: 'device-not-configured',
  message: `no ${what} is configured on this till`,
  retryable: false,
});

export function createDeviceHost(registry: DeviceRegistry, drivers: DeviceDrivers = {}): DeviceHost {
  const events = new EventEmitter();
  const emit = <E extends BridgeEvent>(event: E, payload: BridgeEventPayload<E>) => {
    events.emit('event', event, payload);
  };
  const unsubscribeStatus = registry.onChange((status) => emit('device-status', status));
  const { printer, terminal, display } = drivers;

  const handlers: BridgeHandlers = {
    'devices.status': async () => ok(registry.list()),
    'printer.print': async (params) =>
      printer ? printer.print(params) : err(notConfigured('receipt printer')),
    'printer.queue': async () => (printer ? ok(printer.queue()) : ok([])),
    'printer.retry': async ({ jobId }) =>
      printer ? printer.retry(jobId) : err(notConfigured('receipt printer')),
    'printer.retryQueued': async () => (printer ? ok(await printer.retryQueued()) : ok([])),
    'drawer.open': async () => (printer ? printer.openDrawer() : err(notConfigured('cash drawer'))),
    'payment.start': async (params) =>
      terminal
        ? terminal.start(params, (message) =>
            emit('payment-progress', { paymentId: params.paymentId, message }),
          )
        : err(notConfigured('card terminal')),
    'payment.abort': async ({ paymentId }) =>
      terminal ? terminal.abort(paymentId) : err(notConfigured('card terminal')),
    'payment.recover': async ({ paymentId }) =>
      terminal ? terminal.recover(paymentId) : err(notConfigured('card terminal')),
    // payment.resolve
    'payment.resolve': async (params) =>
      terminal ? terminal.resolve(params) : err(notConfigured('card terminal')),
    'display.show': async (lines) => (display ? display.show(lines) : err(notConfigured('customer display'))),
  };

  return {
    handlers,
    registry,
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    emit,
    async close() {
      unsubscribeStatus();
      const all = [printer, terminal, display, ...(drivers.scanners ?? [])];
      await Promise.allSettled(all.map((driver) => driver?.close()));
    },
  };
}

export { DeviceRegistry };
