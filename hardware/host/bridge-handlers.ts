import type { BridgeError } from '../../src/core/bridge/bridge-error';
import {
  type BridgeMethod,
  type BridgeParams,
  type BridgeValue,
  bridgeMethods,
  isBridgeMethod,
} from '../../src/core/bridge/bridge-methods';
import { err, type Result } from '../../src/core/result';

/**
 * One typed handler per bridge method: what every host (agent WebSocket,
 * Electron utility process) serves. Hosts check params against
 * `bridgeMethods[method].params` before calling a handler.
 */
export type BridgeHandlers = {
  [M in BridgeMethod]: (params: BridgeParams<M>) => Promise<Result<BridgeValue<M>, BridgeError>>;
};

/**
 * Serves one call arriving from outside (WebSocket, IPC): unknown methods and
 * bad params are refused with the reason before any handler runs.
 */
export async function serveBridgeCall(
  handlers: BridgeHandlers,
  method: string,
  params: unknown,
): Promise<Result<unknown, BridgeError>> {
  if (!isBridgeMethod(method))
    return err({ code: 'unknown-method', message: `unknown method: ${method}`, retryable: false });
  const parsed = bridgeMethods[method].params.safeParse(params ?? {});
  if (!parsed.success)
    return err({
      code: 'bad-request',
      message: `${method}: ${parsed.error.issues[0]?.message ?? 'bad params'}`,
      retryable: false,
    });
  const handler = handlers[method] as (params: unknown) => Promise<Result<unknown, BridgeError>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    // A driver that throws is a bug, but the till must still get an answer.
    return err({
      code: 'host-error',
      message: `${method}: ${error instanceof Error ? error.message : String(error)}`,
      retryable: true,
    });
  }
}
