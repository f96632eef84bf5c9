import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

// Unit and component tests live beside the code (x.test.ts / x.test.tsx).
// Browser-facing tests opt into jsdom with a `// @vitest-environment jsdom` pragma.
// Node ≥ 25 has a `localStorage` global of its own (undefined without --localstorage-file), and
// vitest then leaves jsdom's out of the test globals (vitest#8757): the workers run without it.
const nodeMajor = Number(process.versions.node.split('.')[0]);
// Vitest's default is one worker less than the cores: a single worker on the 2-core CI machine,
// where most of the suite's time is spent waiting on child processes (gateways, PostgreSQL, Icinga).
// One worker per core: 443 s → 295 s for the whole suite there (2026-12-03), still green.
const workers = Math.max(2, availableParallelism());

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    maxWorkers: workers,
    execArgv: nodeMajor >= 25 ? ['--no-webstorage'] : [],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
