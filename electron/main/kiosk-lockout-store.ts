import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

// The kiosk-exit guard's counters in a small file of the till's user data,
// so a relaunch (crash, power cut, pulled plug) does not clear a lockout.
// Written to a temporary file and renamed over the old one: a crash in the
// middle leaves the old state, never half a file.

export const lockoutStateSchema = z.strictObject({
  wrongInARow: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  /** Epoch ms until which no PIN is checked; 0 when not locked. */
  lockedUntil: z.number().int().min(0),
});
export type LockoutState = z.infer<typeof lockoutStateSchema>;

export interface LockoutStore {
  /** The saved state; undefined when none was saved; 'damaged' when the file cannot be read as one. */
  load(): LockoutState | 'damaged' | undefined;
  save(state: LockoutState): void;
}

export function fileLockoutStore(path: string): LockoutStore {
  return {
    load() {
      if (!existsSync(path)) return undefined;
      try {
        const parsed = lockoutStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : 'damaged';
      } catch {
        return 'damaged';
      }
    },
    save(state) {
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}
