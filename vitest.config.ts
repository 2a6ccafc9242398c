import { defineConfig } from 'vitest/config';

// Three projects: unit tests sit next to their code; integration and
// end-to-end tests live under tests/ and start real processes, so they run
// one file at a time on this 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'electron/**/*.test.ts',
            'hardware/**/*.test.ts',
            'sync-server/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          // Property tests run hundreds of cases; on a busy 2-core machine a few take longer than 5 s.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
