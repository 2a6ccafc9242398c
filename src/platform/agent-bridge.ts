import {
  type AgentMethod,
  type AgentServerMessage,
  agentResultSchemas,
  agentServerMessageSchema,
} from '../core/bridge/agent-protocol';
import { type BridgeError, hostUnreachable } from '../core/bridge/bridge-error';
import type { DeviceStatus } from '../core/bridge/device-status';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { err, ok, type Result } from '../core/result';

const SUBPROTOCOL = 'pos-agent.v1';
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 10_000;

type Pending = {
  resolve: (result: Result<unknown, BridgeError>) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * PosBridge over the local hardware agent's WebSocket (browser mode).
 * Reconnects with back-off; while the agent is away every call resolves to a
 * retryable 'host-unreachable' error instead of hanging.
 */
export function connectAgentBridge(agentUrl: string, token: string): PosBridge & { close(): void } {
  const statusListeners = new Set<(status: DeviceStatus) => void>();
  const hostListeners = new Set<(connected: boolean) => void>();
  const pending = new Map<string, Pending>();
  let socket: WebSocket | undefined;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let nextId = 1;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const listener of hostListeners) listener(value);
  };

  const failAllPending = () => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.resolve(err(hostUnreachable('the hardware agent closed the connection')));
      pending.delete(id);
    }
  };

  const onMessage = (message: AgentServerMessage) => {
    if (message.type === 'event') {
      const statuses = message.event === 'hello' ? message.devices : [message.status];
      for (const status of statuses) for (const listener of statusListeners) listener(status);
      return;
    }
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    clearTimeout(request.timer);
    request.resolve(message.ok ? ok(message.value) : err(message.error));
  };

  const open = () => {
    if (closed) return;
    const ws = new WebSocket(agentUrl, [SUBPROTOCOL, `token.${token}`]);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setConnected(true);
    };
    ws.onmessage = (event) => {
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = agentServerMessageSchema.safeParse(json);
      if (parsed.success) onMessage(parsed.data);
    };
    ws.onclose = () => {
      setConnected(false);
      failAllPending();
      if (closed) return;
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt++);
      setTimeout(open, delay);
    };
  };
  open();

  async function call<M extends AgentMethod>(
    method: M,
    params: object,
  ): Promise<Result<unknown, BridgeError>> {
    const ws = socket;
    if (!ws || ws.readyState !== WebSocket.OPEN)
      return err(hostUnreachable('the hardware agent is not connected'));
    const id = String(nextId++);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(
          err({ code: 'timeout', message: `${method}: no answer from the hardware agent`, retryable: true }),
        );
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve, timer });
      ws.send(JSON.stringify({ type: 'request', id, method, params }));
    });
  }

  return {
    host: 'agent',
    async deviceStatuses() {
      const result = await call('devices.status', {});
      if (!result.ok) return result;
      const parsed = agentResultSchemas['devices.status'].safeParse(result.value);
      return parsed.success
        ? ok(parsed.data)
        : err({ code: 'bad-response', message: 'the agent sent an unexpected answer', retryable: false });
    },
    onDeviceStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onHostConnection(listener) {
      hostListeners.add(listener);
      listener(connected);
      return () => hostListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
