import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type RuntimeConfig, runtimeConfigSchema } from '../../src/core/runtime/runtime-config';
import { syncUrlSchema } from '../../src/core/runtime/sync-url';

const agentConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(8788),
  /** Required on the bridge WebSocket. A fresh random one per start unless set. */
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,200}$/)
    .optional(),
  rendererDir: z.string().min(1).default('dist/renderer'),
  syncUrl: syncUrlSchema.default('http://127.0.0.1:8787'),
  storeCode: z
    .string()
    .regex(/^[A-Z0-9]{2,8}$/)
    .default('PAR01'),
  tillCode: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/)
    .default('01'),
  /** Extra origins allowed to open the bridge (the agent's own is always allowed). */
  allowedOrigins: z.string().default(''),
  /** JSON of one-time pairing codes per screen set, handed to the renderer (demo store). */
  pairingCodes: z.string().default(''),
});

export interface AgentConfig {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly rendererDir: string;
  readonly syncUrl: string;
  readonly storeCode: string;
  readonly tillCode: string;
  readonly allowedOrigins: readonly string[];
  readonly pairingCodes: RuntimeConfig['pairingCodes'];
}

export function agentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const parsed = agentConfigSchema.safeParse({
    host: env.TILL_AGENT_HOST,
    port: env.TILL_AGENT_PORT,
    token: env.TILL_AGENT_TOKEN || undefined,
    rendererDir: env.TILL_RENDERER_DIR,
    syncUrl: env.TILL_SYNC_URL,
    storeCode: env.TILL_STORE_CODE,
    tillCode: env.TILL_TILL_CODE,
    allowedOrigins: env.TILL_AGENT_ALLOWED_ORIGINS,
    pairingCodes: env.TILL_PAIRING_CODES,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid hardware agent configuration: ${problems}`);
  }
  const config = parsed.data;
  const pairingCodes = config.pairingCodes
    ? runtimeConfigSchema.shape.pairingCodes.parse(JSON.parse(config.pairingCodes))
    : undefined;
  return {
    ...config,
    pairingCodes,
    token: config.token ?? randomBytes(24).toString('base64url'),
    rendererDir: resolve(config.rendererDir),
    allowedOrigins: config.allowedOrigins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
