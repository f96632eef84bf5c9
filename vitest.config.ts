import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests live beside the code (x.test.ts / x.test.tsx).
// Browser-facing tests opt into jsdom with a `// @vitest-environment jsdom` pragma.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
