// Every bench prints its figures and writes them to bench/results/<name>.json (what
// docs/benchmarks.md quotes), with the machine and the date of the run.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../e2e/browser.ts';
import { ROOT } from './gateway-process.ts';

export function machine() {
  let chromium = 'unknown';
  try {
    chromium = execSync(`${CHROMIUM_PATH} --version 2>/dev/null`, { encoding: 'utf8' }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    quick: process.env.BENCH_QUICK === '1',
    /** Other processes share the 2 cores: the 1-minute load average when the figures were taken. */
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export function report(name: string, figures: Record<string, unknown>): void {
  const result = { bench: name, machine: machine(), ...figures };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}${process.env.BENCH_QUICK === '1' ? '.quick' : ''}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\n== ${name} ==`);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`(written to ${file})`);
}
