import { defineConfig } from 'vitest/config';

// Unit tests: plain Node for the core and shell, jsdom for renderer components (per-file docblock).
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    exclude: ['**/*.integration.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
