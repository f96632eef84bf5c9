import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests live beside the code (x.test.ts / x.test.tsx).
// Browser-facing tests opt into jsdom with a `// @vitest-environment jsdom` pragma.
// Node ≥ 25 has a `localStorage` global of its own (undefined without --localstorage-file), and
// vitest then leaves jsdom's out of the test globals (vitest#8757): the workers run without it.
const nodeMajor = Number(process.versions.node.split('.')[0]);

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    execArgv: nodeMajor >= 25 ? ['--no-webstorage'] : [],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
