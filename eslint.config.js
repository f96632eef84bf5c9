import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Two kinds of boundaries, each with its own rule so neither overrides the other (in a flat config
// the last block that sets a rule for a file wins):
// - where code runs — `no-restricted-globals` and `no-restricted-imports`: code that also runs in a
//   browser tab uses no Node API; the runtime-free core (tsconfig.core.json) no server framework;
//   the domain no React, no I/O, no wall clock;
// - which layer may depend on which — `@typescript-eslint/no-restricted-imports`, over the project's
//   relative paths (docs/architecture.md): src/domain imports nothing of the project but itself,
//   src/protocol only the domain; the SPA never imports server/ or mocks/; the server never imports
//   mocks/ nor the SPA; a feature never imports another feature (they are composed in src/app).

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-kit.ts'];

/** The runtime-free core, as tsconfig.core.json compiles it (mocks/demo/browser-boundary.test.ts checks both agree). */
const CORE = [
  'src/domain/**/*.ts',
  'src/protocol/**/*.ts',
  'server/ports.ts',
  'server/gateway-core.ts',
  'server/supervision/**/*.ts',
  'server/maintenance/**/*.ts',
  'server/stream/**/*.ts',
  'server/http/**/*.ts',
  'server/rollup/**/*.ts',
  'server/managed-it/managed-it-activity.ts',
  'server/managed-it/managed-it-desk.ts',
  'server/managed-it/memory-managed-it-store.ts',
  'server/reports/document-inputs.ts',
  'server/accounts/auth-service.ts',
  'server/accounts/memory-account-store.ts',
  'server/accounts/memory-login-attempts.ts',
  'server/sources/simulator/**/*.ts',
  'server/alarms/alarm-store.ts',
  'server/alarms/memory-alarm-store.ts',
  'server/alarms/alarm-worker.ts',
  'server/alarms/alarm-planning.ts',
  'server/alarms/alarm-messages.ts',
  'server/alarms/alarm-channels.ts',
  'server/alarms/gsm7.ts',
];
/** Node edges inside core folders: the fastify adapter of the route table. */
const CORE_EDGES = ['server/http/fastify/**'];

const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'];
const SERVER_FRAMEWORKS = ['socket.io', 'fastify', 'fastify/*', '@fastify/*', 'pg', '@electric-sql/*'];
const UI_LIBRARIES = ['react', 'react-*', 'react/*', 'socket.io-client', 'leaflet', '@tanstack/*', 'msw', 'msw/*'];

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const up = (levels) => `(\\.\\./){${levels}}`;
/** Depths of files below a folder that the layer rules cover (folder/x.ts is depth 0). */
const DEPTHS = [0, 1, 2, 3, 4];
const filesAt = (folder, depth) => [`${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`];

const NO_SERVER_OR_MOCKS = {
  regex: '^(\\.\\./)+(server|mocks)/',
  message: 'The SPA never imports the gateway (server/) or the mocks (mocks/): it talks to them over HTTP and the live stream only.',
};

/**
 * Layer rule blocks for the files of `folder` (under src/): leaving the folder is refused, except
 * into the sibling folders `allowed`. One block per depth, since imports are relative paths.
 */
function layer(folder, allowed, message) {
  return DEPTHS.map((depth) => ({
    files: filesAt(`src/${folder}`, depth),
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [NO_SERVER_OR_MOCKS, { regex: `^${up(depth + 1)}${allowed.length ? `(?!(${allowed.join('|')})/)` : ''}`, message }] },
      ],
    },
  }));
}

/** A feature folder imports no other feature, by sibling path (../wall/) or through src (../../features/wall/). */
function featureBoundary(feature) {
  return DEPTHS.map((depth) => ({
    files: filesAt(`src/features/${feature}`, depth),
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_SERVER_OR_MOCKS,
            {
              regex: `^${up(depth + 1)}((?!${feature}/|\\.\\./)|\\.\\./features/(?!${feature}/))`,
              message: `A feature never imports another feature: compose ${feature} with it in src/app.`,
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'node_modules', 'public/mockServiceWorker.js', 'coverage', '.vigie-data', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },

  // ── Where code runs ────────────────────────────────────────────────────────────────────────────
  {
    // Code that runs in a browser tab: the SPA, and everything the offline demo bundles with it —
    // the gateway's core (routes, reports, stream hub, supervision state, the simulator) answers the
    // demo's API in the page (mocks/msw). A Node-only call there is a 500 in the demo (setImmediate in
    // sla-reports.ts did it). mocks/demo/browser-boundary.test.ts walks the demo's imports and fails if
    // a module it bundles is not covered here. Blocks below narrow no-restricted-imports further (they keep node:*).
    files: ['src/**/*.{ts,tsx}', 'mocks/demo/**/*.{ts,tsx}', 'mocks/msw/**/*.ts', ...CORE],
    ignores: [...TESTS, ...CORE_EDGES, 'mocks/msw/node.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setImmediate', 'clearImmediate', 'process', 'Buffer', 'global', '__dirname', '__filename', 'require'].map((name) => ({
          name,
          message: 'Node-only: this module also runs in the browser (SPA or offline demo). Use a runtime-neutral API (setTimeout, globalThis, TextEncoder…).',
        })),
      ],
      'no-restricted-imports': ['error', { patterns: NODE_MODULES }],
    },
  },
  {
    // The runtime-free core runs in Node and in the demo's browser tab: no Node API, no server
    // framework, no UI library. Its Node adapters (fastify) live at the edge (CORE_EDGES, server/*).
    files: CORE,
    ignores: [...TESTS, ...CORE_EDGES],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_MODULES, ...SERVER_FRAMEWORKS, ...UI_LIBRARIES] }],
    },
  },
  {
    // The domain core stays pure: no React, no I/O, no sockets, no wall clock.
    files: ['src/domain/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the clock in: the domain never reads the wall clock.' }],
    },
  },

  // ── Which layer may import which ───────────────────────────────────────────────────────────────
  {
    // The SPA, its tests included. Exception (documented in docs/architecture.md): `*.node.test.ts`
    // are integration tests that run the SPA's live transport against a real in-process gateway.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.node.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_SERVER_OR_MOCKS] }] },
  },
  ...layer('domain', [], 'src/domain imports nothing of the project but itself.'),
  ...layer('protocol', ['domain'], 'src/protocol imports only the domain.'),
  ...['api', 'live', 'i18n', 'ui'].flatMap((folder) =>
    layer(folder, ['domain', 'protocol', 'api', 'live', 'i18n', 'ui'], `src/${folder} is shared by the features: it imports no feature and not src/app (compose there).`),
  ),
  ...FEATURES.flatMap(featureBoundary),
  {
    // The gateway, its tests included, never imports the mocks: the simulator is a source of its own
    // (server/sources/simulator) and mocks/ holds MSW handlers, the offline demo and test fixtures.
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+mocks/', message: 'The server never imports mocks/ (the mocks import the server, never back).' }] },
      ],
    },
  },
  {
    // Gateway code shares only the domain and the wire contract with the SPA.
    files: ['server/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+mocks/', message: 'The server never imports mocks/ (the mocks import the server, never back).' },
            { regex: '^(\\.\\./)+src/(?!(domain|protocol)/)', message: 'The gateway shares only src/domain and src/protocol with the SPA.' },
          ],
        },
      ],
    },
  },
);
