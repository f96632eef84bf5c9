// Reading the page probe's recordings back in Node, and comparing the page's state with the server's.
import type { Page } from 'playwright-core';
import { worstState, type ProbeState } from '../../src/domain/model.ts';
import { generateEstate } from '../../server/sources/simulator/estate.ts';
import type { RunningGateway } from './gateway-process.ts';
import { sleep } from './bench-page.ts';
import { frameStats, max, round } from './stats.ts';

export interface PageResults {
  rafs: number[];
  longTasks: Array<{ start: number; duration: number }>;
  loafs: Array<{ start: number; duration: number; blocking: number; render: number; styleAndLayout: number; scripts: Array<{ duration: number; invoker: string; source: string }> }>;
  latencies: Array<{ seq: number; sourceAt: number; recvAt: number; paintAt: number }>;
  draws: number;
  reflectedAt?: number;
  timeOrigin: number;
}

type Probe = { results(): PageResults; start(): void; stop(): void; arm(changes: unknown): void; dump(): Dump };
interface Dump {
  seq?: number;
  statuses: Array<[string, string, string, number, number, number]>;
  sites: Array<[string, string]>;
}

export const pageProbe = {
  start: (page: Page) => page.evaluate(() => (window as unknown as { __vigieBench: Probe }).__vigieBench.start()),
  stop: (page: Page) => page.evaluate(() => (window as unknown as { __vigieBench: Probe }).__vigieBench.stop()),
  arm: (page: Page, changes: unknown) => page.evaluate((c) => (window as unknown as { __vigieBench: Probe }).__vigieBench.arm(c), changes),
  results: (page: Page) => page.evaluate(() => (window as unknown as { __vigieBench: Probe }).__vigieBench.results()),
  dump: (page: Page) => page.evaluate(() => (window as unknown as { __vigieBench: Probe }).__vigieBench.dump()),
};

/** Frames, long tasks and long animation frames recorded between two wall-clock instants. */
export function mainThreadFigures(r: PageResults, fromWall: number, toWall: number) {
  const from = fromWall - r.timeOrigin;
  const to = toWall - r.timeOrigin;
  const rafs = r.rafs.filter((t) => t >= from && t <= to);
  const tasks = r.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const loafs = r.loafs.filter((t) => t.start + t.duration >= from && t.start <= to);
  const scripts = new Map<string, number>();
  for (const l of loafs) for (const s of l.scripts) scripts.set(`${s.invoker} ${s.source}`, (scripts.get(s.invoker + ' ' + s.source) ?? 0) + s.duration);
  return {
    frames: frameStats(rafs),
    longestTaskMs: tasks.length ? round(max(tasks.map((t) => t.duration))) : 0,
    longTasks: tasks.length,
    tasksOver100ms: tasks.filter((t) => t.duration > 100).length,
    longTaskTotalMs: round(tasks.reduce((n, t) => n + t.duration, 0)),
    longestAnimationFrameMs: loafs.length ? round(max(loafs.map((l) => l.duration))) : 0,
    topLongFrameScripts: [...scripts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([source, ms]) => ({ source, ms: round(ms) })),
  };
}

let siteOfProbe: Map<string, string> | undefined;
function probeSites(): Map<string, string> {
  if (!siteOfProbe) {
    // The bench gateway runs the default seed: the same estate, generated here to place probes.
    const estate = generateEstate({ seed: Number(process.env.SIM_SEED ?? 57), scale: 'moselle' });
    const siteOfEquipment = new Map(estate.equipment.map((e) => [e.id, e.siteId]));
    siteOfProbe = new Map(estate.probes.map((p) => [p.id, siteOfEquipment.get(p.equipmentId)!]));
  }
  return siteOfProbe;
}

/**
 * Compare the page's statuses and site states with the server's at the same stream seq: the server
 * flushes its hub and reports its seq; the page is read once it has applied exactly that seq.
 */
export async function compareWithServer(page: Page, gateway: RunningGateway, attempts = 20) {
  for (let i = 0; i < attempts; i++) {
    const server = await gateway.call<{ seq: number; statuses: Dump['statuses'] }>('/__bench/state');
    let dump = await pageProbe.dump(page);
    const deadline = Date.now() + 5_000;
    while ((dump.seq ?? -1) < server.seq && Date.now() < deadline) {
      await sleep(50);
      dump = await pageProbe.dump(page);
    }
    if (dump.seq !== server.seq) continue; // more batches went by: try again at a quieter moment
    const page_ = new Map(dump.statuses.map((s) => [s[0], s.slice(1).join('|')]));
    let statusMismatches = 0;
    for (const s of server.statuses) if (page_.get(s[0]) !== s.slice(1).join('|')) statusMismatches += 1;
    statusMismatches += Math.max(0, page_.size - server.statuses.length);
    const states = new Map<string, ProbeState[]>();
    const sites = probeSites();
    for (const s of server.statuses) {
      const site = sites.get(s[0]);
      if (!site) continue;
      const list = states.get(site) ?? [];
      list.push(s[4] ? 'OK' : (s[1] as ProbeState));
      states.set(site, list);
    }
    let siteMismatches = 0;
    for (const [site, state] of dump.sites) if (worstState(states.get(site) ?? []) !== state && (states.get(site)?.length ?? 0) > 0) siteMismatches += 1;
    return { seq: server.seq, probes: server.statuses.length, statusMismatches, sites: dump.sites.length, siteMismatches, equal: statusMismatches === 0 && siteMismatches === 0 };
  }
  return { equal: false, note: `no quiet moment found in ${attempts} attempts` };
}
