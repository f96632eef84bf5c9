// Long reports must not hold the event loop: the live stream and new sockets share it.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from '../../src/domain/covered-hours.ts';
import { SLA_RULES } from '../../src/domain/sla-rules.ts';
import type { StateChangeRow, Storage } from '../ports.ts';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { availabilityReport, probeFigures, probeFiguresInChunks, REPORT_PROBE_CHUNK, scopeAvailabilityReport, scopeFigures } from './sla-reports.ts';

const hours = createCoveredHours(DEFAULT_COVERED_HOURS);
const period = { from: Date.UTC(2026, 1, 28, 23), to: Date.UTC(2026, 2, 31, 22) };
const now = Date.UTC(2026, 2, 20, 12);

/** A month of history: each probe starts OK and flaps `flaps` times. */
function history(probes: number, flaps: number) {
  const probeIds = Array.from({ length: probes }, (_, i) => `p${i}`);
  const changes: StateChangeRow[] = [];
  for (const [i, probeId] of probeIds.entries()) {
    changes.push({ probeId, at: period.from - 1, state: 'OK', inDowntime: false });
    for (let f = 0; f < flaps; f++) {
      const at = period.from + ((i * 7_919 + f * 86_400_000) % (now - period.from));
      changes.push({ probeId, at, state: f % 2 ? 'OK' : 'CRITICAL', inDowntime: false });
    }
  }
  return { probeIds, changes };
}

describe('probeFiguresInChunks', () => {
  it('gives the same figures as one pass, reading storage once per chunk', async () => {
    const { probeIds, changes } = history(50, 6);
    const reads: number[] = [];
    const load = async (ids: string[]) => (reads.push(ids.length), changes.filter((c) => ids.includes(c.probeId)));
    const chunked = await probeFiguresInChunks(probeIds, load, period, now, hours, { chunk: 20 });
    expect(reads).toEqual([20, 20, 10]);
    expect(chunked).toEqual(probeFigures(probeIds, changes, period, now, hours));
  });

  it('gives timers a turn between chunks, so a long report never holds the live stream', async () => {
    // Deterministic form of a former wall-clock check that failed on a loaded machine (it measured a
    // 53 ms longest timer gap chunked vs ~310 ms in one go for 30,000 probes): each read schedules a
    // timer; the next read must find it fired, i.e. a macrotask ran in between. Without the yield
    // every chunk runs in one task and no marker fires (checked by removing it).
    const { probeIds, changes } = history(5_000, 6);
    const byProbe = new Map<string, StateChangeRow[]>();
    for (const c of changes) byProbe.set(c.probeId, [...(byProbe.get(c.probeId) ?? []), c]);
    const events: string[] = [];
    const load = async (ids: string[]) => {
      events.push('read');
      setTimeout(() => events.push('timer'), 0);
      return ids.flatMap((id) => byProbe.get(id) ?? []);
    };
    const figures = await probeFiguresInChunks(probeIds, load, period, now, hours, { chunk: 1_000 });
    expect(figures.size).toBe(5_000);
    expect(events.slice(0, 9)).toEqual(['read', 'timer', 'read', 'timer', 'read', 'timer', 'read', 'timer', 'read']);
  });
});

describe('scopeAvailabilityReport over stored history', () => {
  const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour);
  const row = (probeId: string, t: number, state: StateChangeRow['state'], inDowntime = false): StateChangeRow => ({ probeId, at: t, state, inDowntime });
  // Probes whose state at `from` comes from a change before it, some with several earlier changes
  // (only the last counts), in-period flaps, two changes at one instant, a downtime, changes after
  // `now` and after the period; `silent` never reported.
  const HISTORY: StateChangeRow[] = [
    row('down-since-before', period.from - 86_400_000, 'OK'),
    row('down-since-before', period.from - 3_600_000, 'CRITICAL'),
    row('flapping', period.from - 1, 'OK'),
    row('flapping', at(3, 9), 'CRITICAL'),
    row('flapping', at(3, 11), 'OK'),
    row('flapping', at(10, 13), 'WARNING'),
    row('flapping', at(10, 13), 'CRITICAL'),
    row('flapping', at(11, 8), 'OK'),
    row('late-start', at(9, 12), 'OK'),
    row('late-start', at(16, 10), 'UNKNOWN'),
    row('late-start', at(17, 10), 'OK'),
    row('maintenance', period.from - 5_000, 'CRITICAL', true),
    row('maintenance', at(5, 14), 'OK'),
    row('future', period.from - 10, 'OK'),
    row('future', at(25, 10), 'CRITICAL'), // after now: loaded, counts nothing
    row('after-period', period.from - 10, 'WARNING'),
    row('after-period', period.to + 1, 'CRITICAL'),
    ...Array.from({ length: 6 }, (_, i) => [row(`steady-${i}`, period.from - i * 1000, i % 2 ? 'OK' : 'CRITICAL'), row(`steady-${i}`, at(12 + i, 9), 'OK')]).flat(),
  ];
  const probeIds = [...new Set(HISTORY.map((c) => c.probeId)), 'silent'];
  const scope = { scope: 'all', probeIds, period, now, hours };
  let storage: Storage;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await freshDataDir('vigie-sla-');
    storage = await openStorage({ dataDir });
    await storage.appendStateChanges(HISTORY);
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('equals the report computed from all the rows of the period read at once', async () => {
    const allRows = await storage.loadStateChanges(period.from, period.to);
    const expected = availabilityReport('all', period, probeFigures(probeIds, allRows, period, now, hours), SLA_RULES);
    expect(expected.downSeconds).toBeGreaterThan(0);
    expect(expected.maintenanceSeconds).toBeGreaterThan(0);
    expect(expected.unmeasuredSeconds).toBeGreaterThan(0);
    for (const chunk of [1, 3, 5, probeIds.length, REPORT_PROBE_CHUNK]) {
      expect(await scopeAvailabilityReport(storage, scope, SLA_RULES, { chunk })).toEqual(expected);
    }
    // The state at `from` comes from before the period, in whichever chunk the probe falls.
    const figures = await scopeFigures(storage, scope, { chunk: 3 });
    expect(figures).toEqual(probeFigures(probeIds, allRows, period, now, hours));
    expect(figures.get('down-since-before')).toMatchObject({ upMs: 0, downMs: hours.coveredMs(period.from, now), ratio: 0 });
  });

  it('reads storage once per chunk with that chunk’s ids, never the whole scope', async () => {
    const reads: Array<string[] | undefined> = [];
    const spy = { loadStateChanges: (from: number, to: number, ids?: string[]) => (reads.push(ids), storage.loadStateChanges(from, to, ids)) };
    await scopeAvailabilityReport(spy, scope, SLA_RULES, { chunk: 4 });
    expect(probeIds).toHaveLength(13);
    expect(reads.map((ids) => ids?.length)).toEqual([4, 4, 4, 1]);
    expect(reads.flat()).toEqual(probeIds);
  });
});

describe('availability per service of the convention', () => {
  it('groups probes by service, each with its own figures and margin, in the convention’s order', () => {
    const H = 3_600_000;
    const fig = (up: number, down: number) => ({ upMs: up * H, downMs: down * H, unmeasuredMs: 0, maintenanceMs: 0, coveredMs: (up + down) * H, ratio: up / (up + down), coverage: 1 });
    // 100 covered hours: 4 h of budget per probe.
    const perProbe = new Map([
      ['cam-1', fig(99, 1)],
      ['cam-2', fig(100, 0)],
      ['box', fig(95, 5)],
      ['orphan', fig(0, 100)],
    ]);
    const serviceOf = (id: string) => (id.startsWith('cam') ? ('cameras' as const) : id === 'box' ? ('internet' as const) : undefined);
    const report = availabilityReport('c1', period, perProbe, SLA_RULES, 5, { serviceOf, running: true });
    expect(report.services).toEqual([
      { service: 'internet', probeCount: 1, ratio: 0.95, downSeconds: 5 * 3600, outcome: 'missed', marginSeconds: -3600 },
      // 8 h of budget for two cameras, 1 h used: 7 h shared → 3 h 30 of both cameras down.
      { service: 'cameras', probeCount: 2, ratio: 0.995, downSeconds: 3600, outcome: 'met', marginSeconds: 3.5 * 3600 },
    ]);
    // The overall figures still count every probe, services or not.
    expect(report.downSeconds).toBe(106 * 3600);
    expect(availabilityReport('c1', period, perProbe, SLA_RULES).services).toBeUndefined();
  });
});
