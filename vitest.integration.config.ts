import { defineConfig } from 'vitest/config';

// Integration tests share one private systemd user manager, so files run one at a time.
export default defineConfig({
  test: {
    include: ['main/**/*.integration.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
