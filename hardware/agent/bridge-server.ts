import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  AGENT_PROTOCOL_VERSION,
  type AgentResponse,
  type AgentServerMessage,
  agentRequestSchema,
} from '../../src/core/bridge/agent-protocol';
import { serveBridgeCall } from '../host/bridge-handlers';
import type { DeviceHost } from '../host/device-host';

export const AGENT_SUBPROTOCOL = 'pos-agent.v1';
const TOKEN_PREFIX = 'token.';
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface BridgeServerOptions {
  readonly token: string;
  /** Origins whose pages may open the bridge (the agent's own pages, Electron). */
  readonly allowedOrigins: ReadonlySet<string>;
  readonly host: DeviceHost;
}

/**
 * The agent's WebSocket. Browsers cannot set headers on a WebSocket, so the
 * token travels as a second subprotocol ("token.<token>"); the Origin check
 * stops other web pages on this machine from driving the till's devices.
 */
export function createBridgeServer(options: BridgeServerOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(AGENT_SUBPROTOCOL) ? AGENT_SUBPROTOCOL : false),
  });

  const refuse = (socket: Duplex, status: 401 | 403, reason: string) => {
    socket.end(
      `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}`,
    );
  };

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = request.headers.origin;
    if (!origin || !options.allowedOrigins.has(origin)) {
      refuse(socket, 403, `origin not allowed: ${origin ?? '(none)'}`);
      return;
    }
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(TOKEN_PREFIX))?.slice(TOKEN_PREFIX.length);
    if (token !== options.token) {
      refuse(socket, 401, 'missing or wrong agent token');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
  }

  function serve(ws: WebSocket): void {
    const send = (message: AgentServerMessage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    send({ type: 'hello', protocolVersion: AGENT_PROTOCOL_VERSION, devices: options.host.registry.list() });
    const unsubscribe = options.host.onEvent((event, payload) => send({ type: 'event', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', async (data) => {
      send(await answer(data.toString()));
    });
  }

  async function answer(text: string): Promise<AgentResponse> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failure('?', 'bad-request', 'message is not JSON');
    }
    const request = agentRequestSchema.safeParse(json);
    if (!request.success) return failure('?', 'bad-request', 'message is not a bridge request');
    const { id, method, params } = request.data;
    const result = await serveBridgeCall(options.host.handlers, method, params);
    return result.ok
      ? { type: 'response', id, ok: true, value: result.value }
      : { type: 'response', id, ok: false, error: result.error };
  }

  return {
    handleUpgrade,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function failure(id: string, code: string, message: string): AgentResponse {
  return { type: 'response', id, ok: false, error: { code, message, retryable: false } };
}
