// Builds used by the benches, into throwaway folders (never dist/, which other tools serve):
// the SPA as shipped (bundle sizes), the SPA with the frame probe (VITE_VIGIE_BENCH=1, the only
// difference), and the naive baseline page of bench/naive.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './gateway-process.ts';

const made = new Map<string, string>();
process.once('exit', () => {
  for (const dir of made.values()) rmSync(dir, { recursive: true, force: true });
});

function viteBuild(key: string, args: string[], env: Record<string, string> = {}): string {
  const cached = made.get(key);
  if (cached) return cached;
  const outDir = mkdtempSync(join(tmpdir(), `vigie-bench-${key}-`));
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`vite build (${key}) failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`  built ${key} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
  made.set(key, outDir);
  return outDir;
}

/** The SPA exactly as `npm run build` makes it. */
export const shippedBuild = () => viteBuild('shipped', []);
/** The SPA with the frame probe compiled in (src/live/frame-driver.ts, VITE_VIGIE_BENCH). */
export const probeBuild = () => viteBuild('probe', [], { VITE_VIGIE_BENCH: '1' });
/** The naive baseline page (bench/naive), served by the bench gateway under /__naive/. */
export const naiveBuild = () => viteBuild('naive', ['--config', join(ROOT, 'bench', 'naive', 'vite.config.ts')]);
/** The probe build without minification, so that profiles name the app's functions (diagnostics only). */
export const probeBuildReadable = () => viteBuild('probe-readable', ['--minify', 'false'], { VITE_VIGIE_BENCH: '1' });
