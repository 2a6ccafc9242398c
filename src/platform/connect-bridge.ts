import type { PosBridge } from '../core/bridge/pos-bridge';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import { connectAgentBridge } from './agent-bridge';
import { electronBridge } from './electron-bridge';
import { loadRuntimeConfig } from './runtime-config-client';

/** The Electron preload's bridge when present, else the local hardware agent. */
export function connectBridge(config: RuntimeConfig): PosBridge | undefined {
  const electron = electronBridge();
  if (electron) return electron;
  if (config.agentUrl && config.agentToken)
    // The agent may come back with a new token: read it again from the runtime configuration.
    return connectAgentBridge(config.agentUrl, config.agentToken, undefined, async () => {
      const current = await loadRuntimeConfig();
      return current.agentUrl && current.agentToken
        ? { agentUrl: current.agentUrl, token: current.agentToken }
        : undefined;
    });
  return undefined;
}
