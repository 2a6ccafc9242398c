import { z } from 'zod';

// How a till reaches its card terminal: ZVT (TCP or serial) or Adyen's local
// Terminal API (HTTPS to the terminal, encrypted with a shared passphrase).

const common = {
  deviceId: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  simulated: z.boolean(),
  /** Longest wait for the terminal's answer; past it the outcome is unknown and recovery asks the terminal. */
  timeoutMs: z.number().int().positive().max(600_000),
  /**
   * How often an idle, healthy terminal is checked (ZVT: status enquiry; Adyen:
   * TLS handshake), so a dead terminal shows before a payment is tried. Never
   * during a payment. Default 15 s; a failing terminal is retried from 1 s, backing off to 30 s.
   */
  healthCheckMs: z.number().int().min(100).max(600_000).optional(),
};

export const zvtTerminalConfigSchema = z.strictObject({
  protocol: z.literal('zvt'),
  ...common,
  connection: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('tcp'),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535),
    }),
    z.strictObject({ type: z.literal('serial'), path: z.string().min(1) }),
  ]),
  /** ZVT password (6 BCD digits), 000000 when unset. */
  password: z.number().int().min(0).max(999_999).optional(),
});

export const adyenTerminalConfigSchema = z.strictObject({
  protocol: z.literal('adyen'),
  ...common,
  /** The terminal's local endpoint, e.g. https://192.168.1.20:8443/nexo/ */
  endpoint: z.url({ protocol: /^https$/ }),
  poiId: z.string().min(1).max(64),
  saleId: z.string().min(1).max(64),
  keyIdentifier: z.string().min(1),
  passphrase: z.string().min(1),
  keyVersion: z.number().int().nonnegative(),
  /** PEM file of the CA that signed the terminal's certificate. */
  caCertPath: z.string().min(1),
});

export const terminalConfigSchema = z.discriminatedUnion('protocol', [
  zvtTerminalConfigSchema,
  adyenTerminalConfigSchema,
]);

export type ZvtTerminalConfig = z.infer<typeof zvtTerminalConfigSchema>;
export type AdyenTerminalConfig = z.infer<typeof adyenTerminalConfigSchema>;
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;
