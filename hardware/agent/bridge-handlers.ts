import type { z } from 'zod';
import type {
  AgentMethod,
  agentRequestSchemas,
  agentResultSchemas,
} from '../../src/core/bridge/agent-protocol';
import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { Result } from '../../src/core/result';
import type { DeviceRegistry } from '../devices/device-registry';

/** One typed handler per bridge method; the server checks params against the schema first. */
export type BridgeHandlers = {
  [M in AgentMethod]: (
    params: z.infer<(typeof agentRequestSchemas)[M]>,
  ) => Promise<Result<z.infer<(typeof agentResultSchemas)[M]>, BridgeError>>;
};

export function createBridgeHandlers(devices: DeviceRegistry): BridgeHandlers {
  return {
    'devices.status': async () => ({ ok: true, value: devices.list() }),
  };
}
