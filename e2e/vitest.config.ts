import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's), real server processes. Run one file at a time so
// two browsers and two gateways never compete for this machine's two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
