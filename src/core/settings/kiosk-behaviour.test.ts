import { describe, expect, it } from 'vitest';
import { kioskBehaviourSchema } from './kiosk-behaviour';

describe('the kiosk behaviour settings', () => {
  it('takes an idle time and a warning of at least 20 s (WCAG 2.2.1), both optional', () => {
    expect(kioskBehaviourSchema.safeParse({}).success).toBe(true);
    expect(kioskBehaviourSchema.safeParse({ idleSeconds: 90, idleWarningSeconds: 30 }).success).toBe(true);
  });

  it('refuses a warning shorter than 20 s, an idle time under 15 s, fractions and unknown keys', () => {
    expect(kioskBehaviourSchema.safeParse({ idleWarningSeconds: 10 }).success).toBe(false);
    expect(kioskBehaviourSchema.safeParse({ idleSeconds: 5 }).success).toBe(false);
    expect(kioskBehaviourSchema.safeParse({ idleSeconds: 90.5 }).success).toBe(false);
    expect(kioskBehaviourSchema.safeParse({ idleSecs: 90 }).success).toBe(false);
  });
});
