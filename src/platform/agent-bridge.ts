import { type AgentServerMessage, agentServerMessageSchema } from '../core/bridge/agent-protocol';
import { type BridgeError, hostUnreachable } from '../core/bridge/bridge-error';
import { bridgeOverTransport } from '../core/bridge/bridge-over-transport';
import type { BridgeTransport, PosBridge } from '../core/bridge/pos-bridge';
import { err, ok, type Result } from '../core/result';

const SUBPROTOCOL = 'pos-agent.v1';
/** Longer than a card payment may take at the terminal (the terminal's own timeout comes first). */
const REQUEST_TIMEOUT_MS = 180_000;
const MAX_BACKOFF_MS = 10_000;

/** Where the agent listens and the token it wants; both may change when the agent restarts. */
export interface AgentCredentials {
  readonly agentUrl: string;
  readonly token: string;
}

type Pending = {
  resolve: (result: Result<unknown, BridgeError>) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * PosBridge over the local hardware agent's WebSocket (browser mode).
 * Reconnects with back-off; while the agent is away every call resolves to a
 * retryable 'host-unreachable' error instead of hanging.
 *
 * An agent started again draws a new token, and a browser cannot see why its
 * WebSocket was refused (HTTP 401 shows only as a close). So before each
 * reconnection the bridge asks `refreshCredentials` (the runtime
 * configuration the agent serves) for the current URL and token: the open
 * till gets its devices back by itself, with no reload and no sign-out.
 */
export function connectAgentBridge(
  agentUrl: string,
  token: string,
  /** How to open the socket; tests running in Node pass a `ws` client that sends an Origin. */
  openSocket: (url: string, protocols: string[]) => WebSocket = (url, protocols) =>
    new WebSocket(url, protocols),
  /** The agent's current URL and token; a failure keeps the ones the bridge has. */
  refreshCredentials?: () => Promise<AgentCredentials | undefined>,
): PosBridge & { close(): void } {
  let credentials: AgentCredentials = { agentUrl, token };
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
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

  const emit = (event: string, payload: unknown) => {
    for (const listener of eventListeners) listener(event, payload);
  };

  const failAllPending = () => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.resolve(err(hostUnreachable('the hardware agent closed the connection')));
      pending.delete(id);
    }
  };

  const onMessage = (message: AgentServerMessage) => {
    if (message.type === 'hello') {
      for (const status of message.devices) emit('device-status', status);
      return;
    }
    if (message.type === 'event') {
      emit(message.event, message.payload);
      return;
    }
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    clearTimeout(request.timer);
    request.resolve(message.ok ? ok(message.value) : err(message.error));
  };

  const refresh = async () => {
    if (!refreshCredentials) return;
    try {
      credentials = (await refreshCredentials()) ?? credentials;
    } catch {
      // The agent is still away: try again with what we have.
    }
  };

  const open = () => {
    if (closed) return;
    const ws = openSocket(credentials.agentUrl, [SUBPROTOCOL, `token.${credentials.token}`]);
    socket = ws;
    // A refused upgrade (wrong token) is reported by onclose; without a handler Node's ws would throw.
    ws.onerror = () => undefined;
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
      setTimeout(() => void refresh().then(open), delay);
    };
  };
  open();

  const transport: BridgeTransport = {
    host: 'agent',
    async call(method, params) {
      const ws = socket;
      if (!ws || ws.readyState !== ws.OPEN)
        return err(hostUnreachable('the hardware agent is not connected'));
      const id = String(nextId++);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(
            err({
              code: 'timeout',
              message: `${method}: no answer from the hardware agent`,
              retryable: true,
            }),
          );
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        ws.send(JSON.stringify({ type: 'request', id, method, params }));
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onHostConnection(listener) {
      hostListeners.add(listener);
      listener(connected);
      return () => hostListeners.delete(listener);
    },
  };

  return {
    ...bridgeOverTransport(transport),
    close() {
      closed = true;
      socket?.close();
    },
  };
}
