import { z } from 'zod';
import { DISPLAY_CODE_PAGES } from './display-code-page';

/** One customer pole display (CD5220 command set) on a serial port. */
export const displayConfigSchema = z.strictObject({
  deviceId: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  simulated: z.boolean(),
  /** /dev/ttyUSB0, /dev/serial/by-id/…, or a pty link for the simulator. */
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  /** The character table the display is set to; see display-code-page.ts. */
  codePage: z.enum(DISPLAY_CODE_PAGES).default('pc858'),
});
export type DisplayConfig = z.input<typeof displayConfigSchema>;
