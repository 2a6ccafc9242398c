import { z } from 'zod';
import { bridgeErrorSchema } from './bridge-error';
import { deviceStatusSchema } from './device-status';

// Wire format between the renderer and the hardware agent (browser mode):
// JSON messages over a WebSocket on 127.0.0.1, authenticated by a token.
// Every request carries an id echoed by exactly one response. Methods and
// event payloads are those of `bridge-methods.ts`.

export const AGENT_PROTOCOL_VERSION = 2;

export const agentRequestSchema = z.object({
  type: z.literal('request'),
  id: z.string().min(1).max(64),
  method: z.string().min(1).max(64),
  params: z.unknown(),
});
export type AgentRequest = z.infer<typeof agentRequestSchema>;

export const agentResponseSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('response'), id: z.string(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('response'), id: z.string(), ok: z.literal(false), error: bridgeErrorSchema }),
]);
export type AgentResponse = z.infer<typeof agentResponseSchema>;

export const agentHelloSchema = z.object({
  type: z.literal('hello'),
  protocolVersion: z.number().int(),
  devices: z.array(deviceStatusSchema),
});

/** A bridge event; its payload is checked against `bridgeEvents[event]` by the receiver. */
export const agentEventSchema = z.object({
  type: z.literal('event'),
  event: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type AgentEvent = z.infer<typeof agentEventSchema>;

export const agentServerMessageSchema = z.union([agentResponseSchema, agentHelloSchema, agentEventSchema]);
export type AgentServerMessage = z.infer<typeof agentServerMessageSchema>;
