import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  {
    // Code that runs in a browser tab: the SPA, and everything the offline demo bundles with it —
    // the gateway's routes, reports, stream hub and supervision state answer the demo's API in the
    // page (mocks/msw). A Node-only call there is a 500 in the demo (setImmediate in sla-reports.ts
    // did it). mocks/demo/browser-boundary.test.ts walks the demo's imports and fails if a module
    // it bundles is not covered here. Blocks below narrow no-restricted-imports further (they keep node:*).
    files: [
      'src/**/*.{ts,tsx}',
      'mocks/demo/**/*.{ts,tsx}',
      'mocks/msw/**/*.ts',
      'server/sources/simulator/**/*.ts',
      'server/http/**/*.ts',
      'server/stream/**/*.ts',
      'server/supervision/**/*.ts',
      'server/ports.ts',
      'server/accounts/auth-service.ts',
      'server/accounts/memory-account-store.ts',
      'server/accounts/memory-login-attempts.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-kit.ts', 'server/http/fastify/**', 'mocks/msw/node.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setImmediate', 'clearImmediate', 'process', 'Buffer', 'global', '__dirname', '__filename', 'require'].map((name) => ({
          name,
          message: 'Node-only: this module also runs in the browser (SPA or offline demo). Use a runtime-neutral API (setTimeout, globalThis, TextEncoder…).',
        })),
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'] }],
    },
  },
  {
    // The domain core stays pure: no React, no I/O, no sockets, no wall clock.
    files: ['src/domain/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', 'socket.io*', 'node:*', 'fs', 'leaflet', '@tanstack/*', '**/features/**', '**/app/**'] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the clock in: the domain never reads the wall clock.' }],
    },
  },
  {
    // The runtime-free core (tsconfig.core.json) also runs in the browser (offline demo): no Node API, no server framework.
    files: ['server/stream/**/*.ts', 'server/supervision/**/*.ts', 'server/http/**/*.ts', 'server/sources/simulator/**/*.ts', 'server/ports.ts'],
    ignores: ['**/*.test.ts', '**/*.test-kit.ts', 'server/http/fastify/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'socket.io*', 'fastify*', '@fastify/*', 'pg', '@electric-sql/*'] }],
    },
  },
);
