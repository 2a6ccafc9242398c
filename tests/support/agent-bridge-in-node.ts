import { WebSocket as NodeWebSocket } from 'ws';
import type { PosBridge } from '../../src/core/bridge/pos-bridge';
import { connectAgentBridge } from '../../src/platform/agent-bridge';

/**
 * The renderer's own agent client (src/platform/agent-bridge.ts), run in
 * Node: tests drive the devices exactly the way the app does. Node 20 has no
 * global WebSocket, so the `ws` client stands in, sending the Origin header
 * a browser would send for a page served by the agent.
 */
export function connectBridgeInNode(
  agentUrl: string,
  token: string,
  origin: string,
): PosBridge & { close(): void } {
  return connectAgentBridge(
    agentUrl,
    token,
    (url, protocols) => new NodeWebSocket(url, protocols, { origin }) as unknown as WebSocket,
  );
}

/** Resolves once the bridge's host connection reports `connected`. */
export function hostConnected(bridge: PosBridge, connected = true): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let done = false;
    stop = bridge.onHostConnection((value) => {
      if (value !== connected || done) return;
      done = true;
      queueMicrotask(() => stop?.());
      resolve();
    });
  });
}
