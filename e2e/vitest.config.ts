import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A page under a loaded CI machine can take seconds to answer; 1 s (the default) made tests flaky.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
    fileParallelism: false,
  },
});
