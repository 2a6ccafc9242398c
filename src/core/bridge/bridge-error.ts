import { z } from 'zod';

// Device and host failures come back as values: the UI turns `code` into
// words and offers Retry only when `retryable` says it can help.
export const bridgeErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(500),
  retryable: z.boolean(),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>;

export const hostUnreachable = (message: string): BridgeError => ({
  code: 'host-unreachable',
  message,
  retryable: true,
});
