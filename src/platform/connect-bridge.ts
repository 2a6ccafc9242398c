import type { PosBridge } from '../core/bridge/pos-bridge';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import { connectAgentBridge } from './agent-bridge';
import { electronBridge } from './electron-bridge';

/** The Electron preload's bridge when present, else the local hardware agent. */
export function connectBridge(config: RuntimeConfig): PosBridge | undefined {
  const electron = electronBridge();
  if (electron) return electron;
  if (config.agentUrl && config.agentToken) return connectAgentBridge(config.agentUrl, config.agentToken);
  return undefined;
}
