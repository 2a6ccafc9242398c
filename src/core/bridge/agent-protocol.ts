import { z } from 'zod';
import { bridgeErrorSchema } from './bridge-error';
import { deviceStatusSchema } from './device-status';

// Wire format between the renderer and the hardware agent (browser mode):
// JSON messages over a WebSocket on 127.0.0.1, authenticated by a token.
// Every request carries an id echoed by exactly one response.

export const AGENT_PROTOCOL_VERSION = 1;

/** Request methods and their parameter schemas: the agent's typed handler map. */
export const agentRequestSchemas = {
  'devices.status': z.object({}).strict(),
} as const;

export type AgentMethod = keyof typeof agentRequestSchemas;

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

export const agentEventSchema = z.discriminatedUnion('event', [
  z.object({
    type: z.literal('event'),
    event: z.literal('hello'),
    protocolVersion: z.number().int(),
    devices: z.array(deviceStatusSchema),
  }),
  z.object({ type: z.literal('event'), event: z.literal('device-status'), status: deviceStatusSchema }),
]);
export type AgentEvent = z.infer<typeof agentEventSchema>;

export const agentServerMessageSchema = z.union([agentResponseSchema, agentEventSchema]);
export type AgentServerMessage = z.infer<typeof agentServerMessageSchema>;

/** Results per method, checked by the client before it trusts them. */
export const agentResultSchemas = {
  'devices.status': z.array(deviceStatusSchema),
} as const satisfies Record<AgentMethod, z.ZodType>;
