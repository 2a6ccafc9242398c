import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from './config';

describe('the sync server configuration from the environment', () => {
  it('starts projector batches at once unless told to space them, and refuses what is not a whole number of ms up to 1,000', () => {
    expect(serverConfigFromEnv({}).projectorBatchIntervalMs).toBe(0);
    expect(serverConfigFromEnv({ TILL_PROJECTOR_BATCH_INTERVAL_MS: '25' }).projectorBatchIntervalMs).toBe(25);
    expect(serverConfigFromEnv({ TILL_PROJECTOR_BATCH_INTERVAL_MS: '0' }).projectorBatchIntervalMs).toBe(0);
    expect(serverConfigFromEnv({ TILL_PROJECTOR_BATCH_INTERVAL_MS: '100' }).projectorBatchIntervalMs).toBe(
      100,
    );
    for (const bad of ['-1', '2.5', '5000', 'soon'])
      expect(() => serverConfigFromEnv({ TILL_PROJECTOR_BATCH_INTERVAL_MS: bad })).toThrow(
        /invalid sync server configuration: projectorBatchIntervalMs/,
      );
  });
});
