import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on CI's 2 cores that is one
    // worker, and the files ran one after another with a core idle (PGlite runs in the
    // worker, single-threaded). Two at least; the vitest main process only waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
