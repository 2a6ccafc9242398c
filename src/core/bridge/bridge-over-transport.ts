import { err, ok, type Result } from '../result';
import type { BridgeError } from './bridge-error';
import {
  type BridgeEvent,
  type BridgeEventPayload,
  type BridgeMethod,
  type BridgeParams,
  type BridgeValue,
  bridgeEvents,
  bridgeMethods,
  isBridgeEvent,
} from './bridge-methods';
import type { BridgeTransport, PosBridge } from './pos-bridge';

const badResponse = (method: string): BridgeError => ({
  code: 'bad-response',
  message: `${method}: the hardware host sent an answer this app does not understand`,
  retryable: false,
});

/**
 * The PosBridge every host shares: params are checked before they leave
 * (a bad call fails here, with the reason), answers and events are checked
 * before the app trusts them.
 */
export function bridgeOverTransport(transport: BridgeTransport): PosBridge {
  async function call<M extends BridgeMethod>(
    method: M,
    params: BridgeParams<M>,
  ): Promise<Result<BridgeValue<M>, BridgeError>> {
    const checked = bridgeMethods[method].params.safeParse(params);
    if (!checked.success)
      return err({
        code: 'bad-request',
        message: `${method}: ${checked.error.issues[0]?.message ?? 'invalid parameters'}`,
        retryable: false,
      });
    const answer = await transport.call(method, checked.data);
    if (!answer.ok) return answer;
    const parsed = bridgeMethods[method].result.safeParse(answer.value);
    return parsed.success ? ok(parsed.data as BridgeValue<M>) : err(badResponse(method));
  }

  function on<E extends BridgeEvent>(
    wanted: E,
    listener: (payload: BridgeEventPayload<E>) => void,
  ): () => void {
    return transport.subscribe((event, payload) => {
      if (event !== wanted || !isBridgeEvent(event)) return;
      const parsed = bridgeEvents[wanted].safeParse(payload);
      if (parsed.success) listener(parsed.data as BridgeEventPayload<E>);
    });
  }

  return {
    host: transport.host,
    deviceStatuses: () => call('devices.status', {}),
    onDeviceStatus: (listener) => on('device-status', listener),
    onHostConnection: (listener) => transport.onHostConnection(listener),
    onScan: (listener) => on('scan', listener),
    printReceipt: (params) => call('printer.print', params),
    printQueue: () => call('printer.queue', {}),
    retryPrintJob: (jobId) => call('printer.retry', { jobId }),
    retryQueuedPrintJobs: () => call('printer.retryQueued', {}),
    openDrawer: () => call('drawer.open', {}),
    startPayment: (params) => call('payment.start', params),
    abortPayment: (paymentId) => call('payment.abort', { paymentId }),
    recoverPayment: (paymentId) => call('payment.recover', { paymentId }),
    resolvePayment: (params) => call('payment.resolve', params), // payment.resolve
    onPaymentProgress: (listener) => on('payment-progress', listener),
    showOnDisplay: (lines) => call('display.show', lines),
  };
}
