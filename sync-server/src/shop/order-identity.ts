import { randomBytes } from 'node:crypto';
import { createUuidV7Generator, type UuidV7 } from '../../../src/core/ids/uuid-v7';
import {
  type PickupCode,
  pickupCodeByteBudget,
  pickupCodeFromBytes,
} from '../../../src/core/orders/pickup-code';

// What the server mints for a new web order: our id and the pickup code.

const nextId = createUuidV7Generator({ now: Date.now, randomBytes: (n) => randomBytes(n) });

export function newOrderId(): UuidV7 {
  return nextId();
}

export function newPickupCode(): PickupCode {
  // The byte budget comes up short with probability below 1e-8: draw again then.
  for (;;) {
    const code = pickupCodeFromBytes(randomBytes(pickupCodeByteBudget()));
    if (code.ok) return code.value;
  }
}
