import { z } from 'zod';

// Every setting has a default so `npm start` works on a fresh machine; each
// can be set by environment (the launcher also maps till.config.json here).
const serverConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  databaseUrl: z.string().min(1).default('pglite:.data/pglite'),
  seedDemoCatalog: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  corsOrigins: z
    .string()
    .default('*')
    .transform((v) => (v === '*' ? true : v.split(',').map((o) => o.trim()))),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token of the admin API (pairing codes, revocation); the API is off without one. */
  adminToken: z.string().min(16).max(200).optional(),
  /** Bearer key of the web shop API (order import, kiosk export); the API is off without one. */
  shopApiKey: z.string().min(16).max(200).optional(),
  /** The store's mail relay (smtp://user:pass@host:port or smtps://…) for order e-mails; they wait queued without one. */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp:// or smtps:// URL')
    .optional(),
  /**
   * Whether this instance projects queued journal entries (docs/projections.md,
   * "The projector"). Off, it still queues what its pushes store, for the
   * projectors of the other instances on the same PostgreSQL.
   */
  projector: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  /**
   * The least time between the starts of two projector batches (ms): a batch then takes
   * the entries of several pushes. 0 (the default) starts a batch as soon as a push wakes it.
   */
  projectorBatchIntervalMs: z.coerce.number().int().min(0).max(1_000).default(0),
  /** The sender of order e-mails. */
  mailFrom: z.string().min(3).max(200).default('Ma boutique <commandes@example.invalid>'),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = serverConfigSchema.safeParse({
    host: env.TILL_SYNC_HOST,
    port: env.TILL_SYNC_PORT,
    databaseUrl: env.TILL_DATABASE_URL,
    seedDemoCatalog: env.TILL_SEED_DEMO_CATALOG,
    corsOrigins: env.TILL_SYNC_CORS_ORIGINS,
    logLevel: env.TILL_LOG_LEVEL,
    adminToken: env.TILL_ADMIN_TOKEN || undefined,
    shopApiKey: env.TILL_SHOP_API_KEY || undefined,
    smtpUrl: env.TILL_SMTP_URL || undefined,
    mailFrom: env.TILL_MAIL_FROM || undefined,
    projector: env.TILL_PROJECTOR || undefined,
    projectorBatchIntervalMs: env.TILL_PROJECTOR_BATCH_INTERVAL_MS || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid sync server configuration: ${problems}`);
  }
  return parsed.data;
}
