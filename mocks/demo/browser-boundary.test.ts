// The offline demo bundles gateway code (routes, reports, the stream hub, the supervision state,
// the simulator) into a browser tab, so none of it may use a Node-only API: a `setImmediate` in
// sla-reports.ts made every /availability of the demo answer 500. Two walls keep it out:
// eslint.config.js forbids Node globals and imports in those files, and tsconfig.core.json compiles
// the gateway's share without Node's types. This test walks the demo's real imports from its entry
// and checks that every module it reaches is behind both, so a new shared file cannot slip past.
import { ESLint, type Linter } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'mocks', 'demo', 'main.tsx');

/**
 * Relative imports that reach the bundle: `import … from`, `export … from`, side-effect and
 * dynamic imports, but not `import type` / `export type` (erased). With verbatimModuleSyntax an
 * import of only inline `type` names still loads the module, so it counts (over-inclusive is safe).
 */
const IMPORT = /(?:^|\n)\s*(?:import|export)(?!\s+type\b)(?:[^'";]*?\bfrom)?\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && /\.tsx?$/.test(path));
}

function demoModules(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveModule(file, (match[1] ?? match[2])!);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].map((path) => relative(ROOT, path)).sort();
}

type RuleEntry = Linter.RuleEntry | undefined;
const severity = (entry: RuleEntry) => (Array.isArray(entry) ? entry[0] : entry);
const isError = (entry: RuleEntry) => severity(entry) === 'error' || severity(entry) === 2;
/** The rule options, flattened to the names and patterns they list. */
const listed = (entry: RuleEntry): string[] =>
  (Array.isArray(entry) ? entry.slice(1) : []).flatMap((option: unknown) => {
    if (typeof option === 'string') return [option];
    if (!option || typeof option !== 'object') return [];
    const o = option as { name?: string; patterns?: unknown[] };
    return [...(o.name ? [o.name] : []), ...(o.patterns ?? []).map((p) => (typeof p === 'string' ? p : ((p as { group?: string[] }).group ?? []).join(',')))];
  });

let eslint: ESLint;
let modules: string[];
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
  modules = demoModules(ENTRY);
});

describe('what the offline demo runs in the browser', () => {
  test('includes the gateway code it shares (the walk finds real imports)', () => {
    expect(modules).toEqual(
      expect.arrayContaining(['mocks/msw/handlers.ts', 'server/http/sla-routes.ts', 'server/http/sla-reports.ts', 'server/stream/stream-hub.ts', 'src/app/app.tsx']),
    );
    // Type-only imports are erased from the bundle: the Node-side session service is not in it.
    expect(modules).not.toContain('server/accounts/session-service.ts');
  });

  test('every module it bundles is linted against Node-only globals and imports', async () => {
    const uncovered: string[] = [];
    for (const file of modules) {
      const rules = ((await eslint.calculateConfigForFile(join(ROOT, file))) as Linter.Config).rules ?? {};
      const globals = rules['no-restricted-globals'];
      const imports = rules['no-restricted-imports'];
      const covered =
        isError(globals) && ['setImmediate', 'process', 'Buffer'].every((name) => listed(globals).includes(name)) && isError(imports) && listed(imports).includes('node:*');
      if (!covered) uncovered.push(file);
    }
    expect(uncovered).toEqual([]);
  });

  test('every gateway module it bundles is in the runtime-free core, typechecked without Node or DOM types', () => {
    const path = join(ROOT, 'tsconfig.core.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path, (p) => ts.sys.readFile(p)).config, ts.sys, ROOT, undefined, path);
    expect(config.options.lib).toEqual(['lib.es2023.d.ts']);
    expect(config.options.types).toEqual([]);
    const core = new Set(config.fileNames.map((file) => relative(ROOT, file)));
    const shared = modules.filter((file) => file.startsWith('server/'));
    expect(shared).toEqual(expect.arrayContaining(['server/http/api-routes.ts', 'server/stream/stream-hub.ts', 'server/sources/simulator/simulator.ts']));
    expect(shared.filter((file) => !core.has(file))).toEqual([]);
    // The fastify adapter stays out of the browser: the demo has its own (mocks/msw/handlers.ts).
    expect(modules.filter((file) => file.includes('/fastify/'))).toEqual([]);
  });

  test('nothing the core imports brings Node’s types back in (a package typed against @types/node would)', () => {
    const path = join(ROOT, 'tsconfig.core.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path, (p) => ts.sys.readFile(p)).config, ts.sys, ROOT, undefined, path);
    const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
    const withNode = program.getSourceFiles().filter((file) => /[\\/]@types[\\/]node[\\/]/.test(file.fileName));
    expect(withNode.map((file) => relative(ROOT, file.fileName))).toEqual([]);
  }, 60_000);

  test.each([
    ['setImmediate', 'export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));\n', 'no-restricted-globals'],
    ['process', 'export const home = process.env.HOME;\n', 'no-restricted-globals'],
    ['Buffer', "export const bytes = Buffer.byteLength('é');\n", 'no-restricted-globals'],
    ['a node: import', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'no-restricted-imports'],
  ])('the lint rule fails %s in shared gateway code (server/http/sla-reports.ts)', async (_what, code, ruleId) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'server', 'http', 'sla-reports.ts') });
    expect(result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId)).toContain(ruleId);
  });
});
