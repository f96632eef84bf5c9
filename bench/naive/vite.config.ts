// The naive baseline page (bench only, never shipped): built by bench/lib/builds.ts and served by
// the bench gateway under /__naive/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/__naive/',
  plugins: [react()],
  build: { sourcemap: false },
});
