// The layer rules of eslint.config.js (docs/architecture.md) refuse each kind of wrong-way import,
// and let the right-way ones through: linted as if written into real files of each layer.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('refused', () => {
  test.each([
    ['the domain importing the protocol', 'src/domain/model.ts', '../protocol/schemas.ts', 'src/domain imports nothing'],
    ['the domain importing the SPA', 'src/domain/gti.ts', '../live/live-store.ts', 'src/domain imports nothing'],
    ['the protocol importing the SPA', 'src/protocol/rest.ts', '../live/live-store.ts', 'src/protocol imports only the domain'],
    ['the protocol importing the gateway', 'src/protocol/rest.ts', '../../server/ports.ts', 'never imports the gateway'],
    ['the SPA importing the gateway', 'src/app/app.tsx', '../../server/ports.ts', 'never imports the gateway'],
    ['an SPA test importing the mocks', 'src/live/live-store.test.ts', '../../mocks/msw/handlers.ts', 'never imports the gateway (server/) or the mocks'],
    ['the gateway importing the mocks', 'server/app.ts', '../mocks/msw/handlers.ts', 'never imports mocks/'],
    ['a gateway test importing the mocks', 'server/http/isolation.test.ts', '../../mocks/msw/demo-gateway.ts', 'never imports mocks/'],
    ['the gateway importing the SPA', 'server/http/estate-routes.ts', '../../src/live/live-store.ts', 'only src/domain and src/protocol'],
    ['a feature importing a sibling feature', 'src/features/map/components/site-panel.tsx', '../../wall/components/wall-page.tsx', 'never imports another feature'],
    ['a feature importing a feature through src', 'src/features/map/site-layer.ts', '../../features/gti/gti-clocks.ts', 'never imports another feature'],
    ['a feature file at its root importing a sibling', 'src/features/gti/gti-clocks.ts', '../incidents/api/x.ts', 'never imports another feature'],
    ['shared SPA code importing a feature', 'src/live/live-store.ts', '../features/map/api/x.ts', 'imports no feature'],
    ['shared SPA code importing the app', 'src/api/queries.ts', '../app/app.tsx', 'imports no feature and not src/app'],
  ])('%s', async (_what, file, specifier, message) => {
    expect((await layerErrors(file, specifier)).join('\n')).toContain(message);
  });
});

describe('allowed', () => {
  test.each([
    ['the domain importing itself', 'src/domain/gti.ts', './model.ts'],
    ['the protocol importing the domain', 'src/protocol/rest.ts', '../domain/model.ts'],
    ['a feature importing its own folders', 'src/features/map/components/site-panel.tsx', '../api/site-query.ts'],
    ['a feature importing shared SPA code', 'src/features/map/components/site-panel.tsx', '../../../live/use-live.ts'],
    ['the app composing features', 'src/app/app.tsx', '../features/wall/components/wall-page.tsx'],
    ['the gateway importing the domain and protocol', 'server/http/estate-routes.ts', '../../src/protocol/schemas.ts'],
    ['the mocks importing the gateway', 'mocks/msw/handlers.ts', '../../server/http/api-routes.ts'],
    ['an SPA integration test against the real gateway (*.node.test.ts)', 'src/live/socket-transport.node.test.ts', '../../server/app.ts'],
  ])('%s', async (_what, file, specifier) => {
    expect(await layerErrors(file, specifier)).toEqual([]);
  });
});
