// Bench — availability report memory: the yearly support-scope report at Moselle scale (500
// collectivités, ~47,700 probes) from a year of stored state changes in a throwaway PGlite folder.
// "chunked" is what GET /availability runs (scopeAvailabilityReport: one storage read and one
// computation per chunk of probes); "all-at-once" is what it ran before f235712 (every row of the
// scope and year in one read, then one computation). Each run is a fresh Node process on the same
// folder, so neither approach inherits the other's heap or PGlite's WASM memory (which grows and
// never shrinks). Three kinds of run per approach:
// - timed: duration, and heap used sampled every 2 ms and whenever a read returns (garbage not yet
//   collected included, so this depends on when V8 chooses to collect);
// - live: the same with a forced GC before each sample, at the moments rows are held (live data);
// - capped: the smallest --max-old-space-size (from CAPS_MB) under which the report completes.
// Both approaches must give the same report.
// Run: npm run bench:report-memory   (BENCH_QUICK=1: one timed run of each instead of three;
// REPORT_MEMORY_DATA_DIR=/tmp/x: fill that folder once and reuse it on later runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from '../server/http/covered-calendar.ts';
import { availabilityReport, nextTurn, probeFigures, scopeAvailabilityReport } from '../server/http/sla-reports.ts';
import type { Storage } from '../server/ports.ts';
import { openStorage } from '../server/storage/open-storage.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { ROOT } from './lib/gateway-process.ts';
import { moselleProbeIds, NOW, PERIOD, yearOfChanges } from './lib/moselle-history.ts';
import { report } from './lib/report.ts';
import { percentile, round } from './lib/stats.ts';

type Approach = 'chunked' | 'all-at-once';
const APPROACHES: Approach[] = ['chunked', 'all-at-once'];
const CAPS_MB = [96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048];
const calendar = createCoveredCalendar(DEFAULT_HOURS_SETTINGS);
const mb = (bytes: number) => round(bytes / 2 ** 20);

async function fill(dataDir: string, probeIds: readonly string[]) {
  const rows = yearOfChanges(probeIds);
  const storage = await openStorage({ dataDir });
  const t0 = performance.now();
  try {
    for (let i = 0; i < rows.length; i += 50_000) await storage.appendStateChanges(rows.slice(i, i + 50_000));
  } finally {
    await storage.close();
  }
  return { stateChanges: rows.length, rowsPerProbe: round(rows.length / probeIds.length), fillSeconds: round((performance.now() - t0) / 1000) };
}

/** One computation in this (child) process; prints one JSON line. `live`: GC before each sample. */
async function measure(approach: Approach, dataDir: string, live: boolean) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the measurement with node --expose-gc');
  const probeIds = moselleProbeIds();
  const storage = await openStorage({ dataDir });
  const hours = calendar.hoursFor(PERIOD.from, PERIOD.to);
  gc();
  const base = process.memoryUsage();
  const peak = { heapUsed: base.heapUsed, rss: base.rss, arrayBuffers: base.arrayBuffers };
  const sample = () => {
    if (live) gc();
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.rss = Math.max(peak.rss, m.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  // A timer only fires between synchronous stretches: reads and chunk turns sample too.
  const timer = live ? undefined : setInterval(sample, 2);
  const reads: number[] = [];
  const sampled: Pick<Storage, 'loadStateChanges'> = {
    async loadStateChanges(from, to, ids) {
      const rows = await storage.loadStateChanges(from, to, ids);
      reads.push(rows.length);
      sample();
      return rows;
    },
  };
  const t0 = performance.now();
  try {
    const result =
      approach === 'chunked'
        ? await scopeAvailabilityReport(sampled, { scope: 'all', probeIds, period: PERIOD, now: NOW, hours }, calendar.rules, { yieldTurn: () => (sample(), nextTurn()) })
        : availabilityReport('all', PERIOD, probeFigures(probeIds, await sampled.loadStateChanges(PERIOD.from, PERIOD.to, probeIds), PERIOD, NOW, hours), calendar.rules);
    const durationMs = performance.now() - t0;
    sample();
    console.log(
      JSON.stringify({
        durationMs: round(durationMs),
        baseHeapMb: mb(base.heapUsed),
        peakHeapAboveBaseMb: mb(peak.heapUsed - base.heapUsed),
        peakRssAboveBaseMb: mb(peak.rss - base.rss),
        peakArrayBuffersAboveBaseMb: mb(peak.arrayBuffers - base.arrayBuffers),
        storageReads: reads.length,
        largestReadRows: Math.max(...reads),
        rowsRead: reads.reduce((a, n) => a + n, 0),
        report: result,
      }),
    );
  } finally {
    clearInterval(timer);
    await storage.close();
  }
}

interface Measured {
  durationMs: number;
  peakHeapAboveBaseMb: number;
  report: unknown;
  [figure: string]: unknown;
}

function runChild(approach: Approach, dataDir: string, { live = false, capMb }: { live?: boolean; capMb?: number } = {}): Measured | undefined {
  const nodeArgs = ['--expose-gc', ...(capMb ? [`--max-old-space-size=${capMb}`] : []), '--import', 'tsx'];
  const args = [...nodeArgs, import.meta.filename, '--measure', approach, dataDir, ...(live ? ['--live'] : [])];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 15 * 60_000 });
  if (child.status !== 0) {
    if (capMb) return undefined; // out of heap under the cap
    throw new Error(`${approach} run failed (${child.status}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

/** The smallest cap of CAPS_MB under which the approach completes. */
function smallestCap(approach: Approach, dataDir: string): number | null {
  for (const capMb of CAPS_MB) {
    const ok = runChild(approach, dataDir, { capMb }) !== undefined;
    console.log(`${approach} under --max-old-space-size=${capMb}: ${ok ? 'completes' : 'fails'}`);
    if (ok) return capMb;
  }
  return null;
}

function summary(timed: Measured[], live: Measured, smallestOldSpaceMb: number | null) {
  const median = (key: string) => round(percentile(timed.map((r) => r[key] as number), 50));
  const { report: _report, ...firstRun } = timed[0]!;
  return {
    durationMsMedian: median('durationMs'),
    durationMs: timed.map((r) => r.durationMs),
    sampledHeapAboveBaseMbMedian: median('peakHeapAboveBaseMb'),
    sampledHeapAboveBaseMb: timed.map((r) => r.peakHeapAboveBaseMb),
    rssAboveBaseMbMedian: median('peakRssAboveBaseMb'),
    liveHeapAboveBaseMb: live.peakHeapAboveBaseMb,
    smallestOldSpaceMb,
    firstRun,
  };
}

async function main() {
  const probeIds = moselleProbeIds();
  // REPORT_MEMORY_DATA_DIR: keep the filled folder there (filled on the first run, reused after).
  const kept = process.env.REPORT_MEMORY_DATA_DIR;
  const dataDir = kept && existsSync(kept) ? kept : await freshDataDir('vigie-bench-report-');
  const folder = kept ?? dataDir;
  try {
    const history = dataDir === kept ? JSON.parse(readFileSync(join(dataDir, 'bench-history.json'), 'utf8')) : await fill(dataDir, probeIds);
    if (kept && dataDir !== kept) {
      renameSync(dataDir, kept);
      writeFileSync(join(kept, 'bench-history.json'), JSON.stringify(history));
    }
    console.log(`${folder}: ${history.stateChanges} changes for ${probeIds.length} probes (filled in ${history.fillSeconds} s)`);
    const timed = new Map<Approach, Measured[]>(APPROACHES.map((a) => [a, []]));
    for (let i = 0; i < (process.env.BENCH_QUICK === '1' ? 1 : 3); i++) {
      for (const approach of APPROACHES) {
        const run = runChild(approach, folder)!;
        console.log(`${approach}: ${run.durationMs} ms, sampled heap +${run.peakHeapAboveBaseMb} MB`);
        timed.get(approach)!.push(run);
      }
    }
    const figures = Object.fromEntries(
      APPROACHES.map((approach) => {
        const live = runChild(approach, folder, { live: true })!;
        console.log(`${approach}: live heap +${live.peakHeapAboveBaseMb} MB`);
        timed.get(approach)!.push(live); // its report joins the equality check below
        const runs = timed.get(approach)!;
        return [approach, summary(runs.slice(0, -1), live, smallestCap(approach, folder))];
      }),
    );
    const reports = [...timed.values()].flat().map((r) => JSON.stringify(r.report));
    const sameReport = reports.every((r) => r === reports[0]);
    report('report-memory', {
      command: 'npm run bench:report-memory',
      scope: 'all (support)',
      period: { from: new Date(PERIOD.from).toISOString(), to: new Date(PERIOD.to).toISOString() },
      probes: probeIds.length,
      ...history,
      sameReport,
      ...figures,
      report: JSON.parse(reports[0]!),
    });
    if (!sameReport) process.exitCode = 1;
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--measure');
if (at >= 0) await measure(process.argv[at + 1] as Approach, process.argv[at + 2]!, process.argv.includes('--live'));
else await main();
