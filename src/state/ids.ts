import { createUuidV7Generator } from '../core/ids';

/** UUIDv7 ids minted on this till: unique without a network, sortable by time. */
export const newId = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
});
