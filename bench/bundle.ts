// Bench 6 — bundle: the JS and CSS the browser must fetch before the first render (the entry
// script, its modulepreloads and stylesheets named in index.html), gzip -9 and brotli, from a
// production build identical to `npm run build` (made in a temp folder, not dist/).
// Run: npm run bench:bundle
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { shippedBuild } from './lib/builds.ts';
import { report } from './lib/report.ts';
import { kb } from './lib/stats.ts';

export async function bundleBench(): Promise<void> {
  const dir = shippedBuild();
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const size = (file: string) => {
    const bytes = readFileSync(join(dir, file));
    return { file, rawKB: kb(bytes.length), gzipKB: kb(gzipSync(bytes, { level: 9 }).length), brotliKB: kb(brotliCompressSync(bytes).length) };
  };
  const initial = refs.map(size);
  const sum = (list: ReturnType<typeof size>[], ext: string, key: 'rawKB' | 'gzipKB' | 'brotliKB') => Math.round(list.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f[key], 0) * 10) / 10;
  const all = readdirSync(join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => size(`/assets/${f}`));
  report('bundle', {
    target: 'initial JS ≤ 250 KB gzip',
    initialJs: { rawKB: sum(initial, '.js', 'rawKB'), gzipKB: sum(initial, '.js', 'gzipKB'), brotliKB: sum(initial, '.js', 'brotliKB') },
    initialCss: { rawKB: sum(initial, '.css', 'rawKB'), gzipKB: sum(initial, '.css', 'gzipKB'), brotliKB: sum(initial, '.css', 'brotliKB') },
    lazyChunks: all.filter((f) => !refs.includes(f.file)).length,
    allJsGzipKB: sum(all, '.js', 'gzipKB'),
    initialFiles: initial,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleBench();
