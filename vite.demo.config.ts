// The offline demo build (npm run demo:static): the SPA's own Vite config, with index.html's entry
// swapped for mocks/demo/main.tsx, output in dist-demo/, and FR-57 holidays resolved at build time
// (src/domain/holidays.ts is replaced by a table) so date-holidays stays out of the bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import spaConfig from './vite.config.ts';
import { closedDatesBetween } from './src/domain/holidays.ts';

const HOLIDAYS_MODULE = fileURLToPath(new URL('./src/domain/holidays.ts', import.meta.url));
const HOLIDAYS_TABLE = fileURLToPath(new URL('./mocks/demo/holidays-table.ts', import.meta.url));

function offlineDemo(): Plugin {
  return {
    name: 'vigie-offline-demo',
    enforce: 'pre',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('/src/main.tsx', '/mocks/demo/main.tsx'),
    },
    async resolveId(source, importer, options) {
      if (!source.includes('holidays')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === HOLIDAYS_MODULE ? HOLIDAYS_TABLE : null;
    },
  };
}

const year = new Date().getFullYear();

export default mergeConfig(
  spaConfig,
  defineConfig({
    plugins: [offlineDemo()],
    define: { __VIGIE_CLOSED_DATES__: JSON.stringify(closedDatesBetween(year - 1, year + 4)) },
    build: { outDir: 'dist-demo', sourcemap: false },
    preview: { port: 4174, strictPort: false },
  }),
);
