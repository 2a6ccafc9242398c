import { z } from 'zod';

// How the store's kiosks behave with customers (settings `kiosk`, optional):
// after how long without a touch the kiosk warns, and how long the warning
// lets the customer continue before everything is cleared. WCAG 2.2.1 asks
// for at least 20 s to extend a time limit, so the warning never goes below
// that; src/state/kiosk-idle.ts fills in the defaults (90 s, then 30 s).

export const kioskBehaviourSchema = z.strictObject({
  /** Seconds without a touch or a key before the warning (default 90). */
  idleSeconds: z.number().int().min(15).max(3_600).optional(),
  /** Seconds the warning counts down before the kiosk starts over (default 30, at least 20). */
  idleWarningSeconds: z.number().int().min(20).max(3_600).optional(),
});
export type KioskBehaviour = z.infer<typeof kioskBehaviourSchema>;
