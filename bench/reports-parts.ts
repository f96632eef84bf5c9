// Diagnostic for bench:reports: where the yearly support report's time goes, part by part, on a
// folder bench:reports filled and rolled up before (REPORTS_DATA_DIR, required). Times the roll-up
// reads, the per-probe figures, the incidents and their GTI, the report's assembly and its JSON,
// then the whole route, each PARTS_RUNS times (default 3). PARTS_PROFILE=<file> also writes a V8
// CPU profile of one more route call there (read it with bench/lib/cpu-profile.ts).
// Run: REPORTS_DATA_DIR=/tmp/x npx tsx bench/reports-parts.ts
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { indexEstate } from '../src/domain/estate-index.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from '../server/http/covered-calendar.ts';
import { startTestGateway } from '../server/http/api-gateway.test-kit.ts';
import { findIncidents } from '../server/http/incident-source.ts';
import { periodReport } from '../server/http/period-report.ts';
import { reportRequest } from '../server/http/sla-routes.ts';
import { windowsOfPeriod } from '../server/http/maintenance-report.ts';
import { reportFigures } from '../server/rollup/rolled-figures.ts';
import { NOW, PERIOD } from './lib/moselle-history.ts';
import { round } from './lib/stats.ts';

const dataDir = process.env.REPORTS_DATA_DIR;
if (!dataDir || !existsSync(join(dataDir, 'bench-filled'))) throw new Error('REPORTS_DATA_DIR: a folder filled by npm run bench:reports');
const runs = Number(process.env.PARTS_RUNS ?? 3);
const estate = generateEstate({ seed: 57, scale: 'moselle' });
const calendar = createCoveredCalendar(DEFAULT_HOURS_SETTINGS);

async function timed(label: string, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(round(performance.now() - t0));
  }
  console.log(`${label}: ${times.join(' / ')} ms`);
}

const gw = await startTestGateway({ estate, clock: NOW, dataDir });
try {
  const rollups = gw.storage.rollups!;
  const deps = { storage: gw.storage, state: gw.supervision, calendar, now: () => NOW } as unknown as Parameters<typeof periodReport>[0];
  const mid = PERIOD.from + 86_400_000 * 180;
  const r = reportRequest(deps, { role: 'support', login: 'support' } as never, { period: 'year', from: String(mid) });
  const probeIds = indexEstate(estate).probeIdsIn();
  const state = await rollups.loadState();
  console.log(`roll-up state: through ${new Date(state!.through).toISOString()}, ${(await rollups.dirty()).length} dirty`);
  await timed('rollups.sum (year rows, all probes)', () => rollups.sum([{ grain: 'year', from: PERIOD.from, to: PERIOD.to }]));
  await timed('rollups.firstDays (all)', () => rollups.firstDays());
  await timed('windowsOfPeriod', () => windowsOfPeriod(gw.storage, r.period, undefined));
  await timed('reportFigures (all probes)', () => reportFigures(gw.storage, calendar, { ...r, probeIds, wholeEstate: true }));
  await timed('findIncidents', () => findIncidents(gw.storage, gw.supervision, { period: r.period }));
  await timed('periodReport (object)', () => periodReport(deps, r));
  const report = await periodReport(deps, r);
  await timed('JSON.stringify', async () => JSON.stringify(report));
  const support = await gw.login('support');
  await timed('GET /reports/period?period=year', () => gw.call('GET', `/reports/period?period=year&from=${mid}`, support));
  await timed('GET /availability?period=year (cached after the 1st)', () => gw.call('GET', `/availability?period=year&from=${mid}`, support));
  const profileFile = process.env.PARTS_PROFILE;
  if (profileFile) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await gw.call('GET', `/reports/period?period=year&from=${mid}`, support);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    console.log(`profile: ${profileFile}`);
  }
} finally {
  await gw.close(true);
}
