import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // No source maps in the production build: the gateway would publish the whole source. Opt in with
  // VIGIE_SOURCEMAP=1 for a debugging build: maps are written beside the files but not referenced
  // from them ('hidden'), and the gateway never serves *.map (server/app.ts).
  build: { outDir: 'dist', sourcemap: process.env.VIGIE_SOURCEMAP === '1' ? 'hidden' : false },
});
