import { z } from 'zod';
import { printerCharsetSchema } from '../../src/core/receipts';
import { defaultCodePage } from './printer-commands';

// One receipt printer (and the cash drawer on its kick-out port) as the till's
// device configuration describes it.

const connectionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(9100),
  }),
  z.strictObject({
    type: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(19_200),
  }),
  /** A device file (/dev/usb/lp0) or a FIFO: print only, no status comes back. */
  z.strictObject({ type: z.literal('file'), path: z.string().min(1) }),
]);

export const printerConfigSchema = z
  .strictObject({
    // The drawer reports as `${deviceId}-drawer`, which must fit the 64-character device id.
    deviceId: z.string().regex(/^[A-Za-z0-9._-]{1,57}$/, 'device id: 1-57 characters A-Z a-z 0-9 . _ -'),
    name: z.string().min(1).max(100),
    simulated: z.boolean().default(false),
    /** Command set: Epson ESC/POS (and its clones) or Star Line Mode. */
    model: z.enum(['epson', 'star']).default('epson'),
    connection: connectionSchema,
    /** The printer's own number for `charset` (Epson: 16 WPC1252, 40 ISO-8859-15; Star: 32 WPC1252). Clones differ. */
    codePage: z.number().int().min(0).max(255).optional(),
    charset: printerCharsetSchema.default('windows-1252'),
    /** Characters per line in the normal font: 42 or 48 on 80 mm paper, 32 on 58 mm. */
    width: z.number().int().min(16).max(80).default(42),
    /** How often DLE EOT status is asked while idle. */
    statusPollMs: z.number().int().min(50).max(60_000).default(2000),
    /** How long to wait for a connection or a status reply. */
    timeoutMs: z.number().int().min(100).max(30_000).default(3000),
    /**
     * Where logo block asset ids are looked up, as `<assetId>.png` (monochrome,
     * at most 576 dots wide). By default the host's TILL_LOGO_DIR, which the
     * packaged Electron app points at its resources, else the project's assets.
     */
    logoDir: z
      .string()
      .min(1)
      .default(() => process.env.TILL_LOGO_DIR || 'assets/logos'),
  })
  .transform((config, context) => {
    const codePage = config.codePage ?? defaultCodePage(config.model, config.charset);
    if (codePage === null) {
      context.addIssue({
        code: 'custom',
        path: ['codePage'],
        message: `no known ${config.charset} code page number for ${config.model}: set codePage`,
      });
      return z.NEVER;
    }
    return { ...config, codePage };
  });

export type PrinterConfig = z.output<typeof printerConfigSchema>;
export type PrinterConfigInput = z.input<typeof printerConfigSchema>;
