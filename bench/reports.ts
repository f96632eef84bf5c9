// Bench — reports at Moselle scale (issue #18 item 6): calendar year 2025 of ~47,700 probes
// (~1.77 M state changes, bench/lib/moselle-history.ts) and the incidents of its long CRITICAL
// problems in a throwaway PGlite folder, served by the real route table (fastify inject, as in the
// API tests). Measures the availability roll-up's backfill, the yearly support report
// (GET /reports/period, all collectivités) with the roll-ups, the same report's figures from raw
// history (and checks both agree), and one collectivité's semester PDF (GET /reports/period.pdf).
// Targets: yearly support report < 2 s, semester PDF < 1 s.
// Run: npm run bench:reports   (BENCH_QUICK=1: one timed run of each instead of three;
// REPORTS_DATA_DIR=/tmp/x: fill that folder once and reuse it; REPORTS_SKIP_RAW=1: skip the raw comparison)
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Incident } from '../src/domain/model.ts';
import { indexEstate } from '../src/domain/estate-index.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from '../server/http/covered-calendar.ts';
import { startTestGateway } from '../server/http/api-gateway.test-kit.ts';
import { aggregateAvailability } from '../src/domain/availability.ts';
import { probeFiguresInChunks } from '../server/http/sla-reports.ts';
import { runRollup } from '../server/rollup/availability-rollup.ts';
import { openStorage } from '../server/storage/open-storage.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { NOW, PERIOD, yearOfChanges } from './lib/moselle-history.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

const calendar = createCoveredCalendar(DEFAULT_HOURS_SETTINGS);
const runs = process.env.BENCH_QUICK === '1' ? 1 : 3;
const estate = generateEstate({ seed: 57, scale: 'moselle' });
const view = indexEstate(estate);
const probeIds = [...view.probeIdsIn()];

/** One closed incident per CRITICAL problem of a day or more, outside maintenance (~40,000 a year). */
function incidentsOf(rows: ReturnType<typeof yearOfChanges>): Incident[] {
  const open = new Map<string, { at: number }>();
  const incidents: Incident[] = [];
  for (const row of rows) {
    if (row.state === 'CRITICAL' && !row.inDowntime && row.at >= PERIOD.from) open.set(row.probeId, { at: row.at });
    else if (row.state === 'OK') {
      const started = open.get(row.probeId);
      open.delete(row.probeId);
      if (!started || row.at - started.at < 86_400_000) continue;
      const ref = view.probeRef(row.probeId)!;
      const intervention = started.at + ((row.at - started.at) * ((incidents.length % 7) + 1)) / 9;
      incidents.push({ id: `${row.probeId}@${started.at}`, probeId: row.probeId, siteId: ref.siteId, collectiviteId: ref.collectiviteId, status: 'closed', severity: 'CRITICAL', openedAt: started.at, interventionAt: Math.round(intervention), resolvedAt: row.at, closedAt: row.at, timeline: [], version: 1 });
    }
  }
  return incidents;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: round(performance.now() - t0), value };
}

async function main() {
  // REPORTS_DATA_DIR: keep the filled (and rolled-up) folder there and reuse it on later runs.
  const kept = process.env.REPORTS_DATA_DIR;
  const reuse = kept !== undefined && existsSync(join(kept, 'bench-filled'));
  const dataDir = kept ?? (await freshDataDir('vigie-bench-reports-'));
  if (kept && !reuse) copyTemplate(await freshDataDir('vigie-bench-reports-'), kept);
  try {
    // The generated year (~1.8 M objects) is dropped once stored: the gateway measured below holds
    // no such heap, and keeping it alive made every garbage collection of the timed calls slower.
    let rows: ReturnType<typeof yearOfChanges> | undefined = yearOfChanges(probeIds);
    const stateChanges = rows.length;
    const incidents = incidentsOf(rows);
    const fill = await timed(async () => {
      if (reuse) return;
      const storage = await openStorage({ dataDir });
      for (let i = 0; i < rows!.length; i += 50_000) await storage.appendStateChanges(rows!.slice(i, i + 50_000));
      for (let i = 0; i < incidents.length; i += 5_000) await storage.saveIncidents(incidents.slice(i, i + 5_000));
      await storage.close();
      if (kept) writeFileSync(join(kept, 'bench-filled'), '');
    });
    rows = undefined;
    console.log(`${stateChanges} state changes, ${incidents.length} incidents for ${probeIds.length} probes: filled in ${fill.ms} ms`);

    const gw = await startTestGateway({ estate, clock: NOW, dataDir });
    try {
      const rollups = gw.storage.rollups!;
      const backfillLog: string[] = [];
      const backfill = await timed(() => runRollup({ storage: { loadStateChanges: (...a) => gw.storage.loadStateChanges(...a), rollups }, calendar, log: (l) => backfillLog.push(l) }, NOW));
      console.log(`backfill: ${backfill.ms} ms (${backfill.value.daysRolled} days); last line: ${backfillLog.at(-1)}`);

      const support = await gw.login('support');
      const mid = PERIOD.from + 86_400_000 * 180;
      const yearly: number[] = [];
      let body: { total: { ratio: number | null; upSeconds: number; downSeconds: number }; incidents: unknown[]; gti: { compliance: number | null; met: number; breached: number } } | undefined;
      for (let i = 0; i < runs; i++) {
        const r = await timed(() => gw.call('GET', `/reports/period?period=year&from=${mid}`, support));
        if (r.value.statusCode !== 200) throw new Error(`yearly report: ${r.value.statusCode} ${r.value.body.slice(0, 200)}`);
        body = r.value.json();
        yearly.push(r.ms);
        console.log(`yearly support report (roll-ups): ${r.ms} ms, ${r.value.body.length} bytes`);
      }

      // Where the time goes: the availability part (roll-ups) and the GTI part (incidents) alone.
      const availability = await timed(() => gw.call('GET', `/availability?period=year&from=${mid}`, support));
      const gtiOnly = await timed(() => gw.call('GET', `/gti?period=year&from=${mid}`, support));
      console.log(`parts: GET /availability (year, roll-ups, first call) ${availability.ms} ms; GET /gti (year, ${incidents.length} incidents) ${gtiOnly.ms} ms`);

      const hours = calendar.hoursFor(PERIOD.from, PERIOD.to);
      if (process.env.REPORTS_SKIP_RAW === '1') {
        console.log('raw comparison skipped (REPORTS_SKIP_RAW=1)');
      }
      const raw = process.env.REPORTS_SKIP_RAW === '1' ? { ms: 0, value: undefined } : await timed(() => probeFiguresInChunks(probeIds, (ids) => gw.storage.loadStateChanges(PERIOD.from, PERIOD.to, ids), PERIOD, NOW, hours));
      const rawTotal = raw.value && aggregateAvailability(raw.value.values());
      const sameFigures = rawTotal ? body!.total.ratio === rawTotal.ratio && body!.total.upSeconds === Math.round(rawTotal.upMs / 1000) && body!.total.downSeconds === Math.round(rawTotal.downMs / 1000) : 'not checked';
      console.log(`same year's figures from raw history: ${raw.ms} ms; equal to the roll-ups: ${sameFigures}`);

      const biggest = [...view.collectivites.keys()].sort((a, b) => view.probeIdsIn(b).length - view.probeIdsIn(a).length)[0]!;
      const pdf: number[] = [];
      let pdfBytes = 0;
      for (let i = 0; i < runs; i++) {
        const r = await timed(() => gw.call('GET', `/reports/period.pdf?collectiviteId=${encodeURIComponent(biggest)}&period=semester&from=${PERIOD.from + 86_400_000 * 30}`, support));
        if (r.value.statusCode !== 200) throw new Error(`semester PDF: ${r.value.statusCode}`);
        pdf.push(r.ms);
        pdfBytes = r.value.rawPayload.length;
        console.log(`semester PDF of ${biggest} (${view.probeIdsIn(biggest).length} probes): ${r.ms} ms, ${pdfBytes} bytes`);
      }
      report('reports', {
        command: 'npm run bench:reports',
        period: { from: new Date(PERIOD.from).toISOString(), to: new Date(PERIOD.to).toISOString() },
        probes: probeIds.length,
        collectivites: view.collectivites.size,
        stateChanges,
        incidents: incidents.length,
        fillMs: fill.ms,
        backfillMs: backfill.ms,
        availabilityOnlyMs: availability.ms,
        gtiOnlyMs: gtiOnly.ms,
        yearlySupportReportMs: yearly,
        yearlyIncidentsListed: body!.incidents.length,
        yearlyGti: { compliance: body!.gti.compliance, met: body!.gti.met, breached: body!.gti.breached },
        rawFiguresMs: raw.ms,
        sameFigures,
        semesterPdf: { collectiviteId: biggest, probes: view.probeIdsIn(biggest).length, ms: pdf, bytes: pdfBytes },
        targets: { yearlySupportReportMs: 2000, semesterPdfMs: 1000 },
      });
      if (sameFigures === false) process.exitCode = 1;
    } finally {
      await gw.close(true);
    }
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh (migrated) folder moved to the kept path. */
function copyTemplate(from: string, to: string) {
  cpSync(from, to, { recursive: true });
  rmSync(from, { recursive: true, force: true });
}

await main();
