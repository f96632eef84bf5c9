// Roll-ups must not change a single millisecond of a report: on random histories (states, engine
// downtimes, changes at midnight and at the covered-hours edges, same-instant changes, DST weeks,
// Good Friday and 26 December), the figures read through day and month rows equal the figures
// computed from raw history, for random periods, with declared maintenance windows, after late
// changes, after a resumed backfill; on PGlite and on PostgreSQL.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { ProbeState } from '../../src/domain/model.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from '../http/covered-calendar.ts';
import { probeFiguresInChunks } from '../http/sla-reports.ts';
import type { StateChangeRow, Storage } from '../ports.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { openSqlClient } from '../storage/open-storage.ts';
import { postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../storage/postgres.test-kit.ts';
import { createSqlStorage } from '../storage/sql-storage.ts';
import { runRollup } from './availability-rollup.ts';
import { dayFloor } from './local-days.ts';
import { periodContaining } from '../../src/domain/report-period.ts';
import { rolledScopeFigures } from './rolled-figures.ts';

const TZ = 'Europe/Paris';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const calendar = createCoveredCalendar(DEFAULT_HOURS_SETTINGS);
const START = Date.UTC(2025, 11, 15); // mid-December 2025: 26 December, the year end, then Good Friday 2026 and the March DST change
const END = Date.UTC(2026, 3, 20);

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES: ProbeState[] = ['OK', 'OK', 'OK', 'WARNING', 'CRITICAL', 'CRITICAL', 'UNKNOWN', 'PENDING'];

/** An instant near the interesting edges as often as anywhere else. */
function instant(rand: () => number, from: number, to: number): number {
  const t = from + Math.floor(rand() * (to - from));
  const pick = rand();
  if (pick < 0.15) return dayFloor(t, TZ);
  if (pick < 0.3) return dayFloor(t, TZ) + 8 * HOUR; // 9:00 in winter, 10:00 in summer
  if (pick < 0.4) return dayFloor(t, TZ) + 16.5 * HOUR;
  return t;
}

function history(seed: number, probes: number, from: number, to: number): StateChangeRow[] {
  const rand = random(seed);
  const rows: StateChangeRow[] = [];
  for (let p = 0; p < probes; p++) {
    const count = Math.floor(rand() * 40);
    const times = Array.from({ length: count }, () => instant(rand, from, to)).sort((a, b) => a - b);
    if (rand() < 0.3 && times.length) times.push(times[times.length - 1]!); // same instant twice
    for (const at of times) rows.push({ probeId: `p${p}`, at, state: STATES[Math.floor(rand() * STATES.length)]!, inDowntime: rand() < 0.08 });
  }
  return rows;
}

function windows(seed: number, probes: number): MaintenanceWindow[] {
  const rand = random(seed);
  return Array.from({ length: 4 }, (_, i) => {
    const start = instant(rand, START, END);
    const probe = `p${Math.floor(rand() * probes)}`;
    return { id: `w${i}`, collectiviteId: 'c', siteIds: [], equipmentIds: [], probeIds: [probe], start, end: start + Math.floor(rand() * 3 * DAY), nature: 'travaux', by: 'support', source: 'vigie', createdAt: start };
  });
}

interface Backend {
  name: string;
  skip?: string;
  open(): Promise<{ storage: Storage; cleanup(): Promise<void> }>;
}
const pgSkip = postgresUnavailableReason();
let cluster: TestPostgres | undefined;
const backends: Backend[] = [
  {
    name: 'PGlite',
    async open() {
      const dir = await freshDataDir('vigie-rollup-');
      const storage = createSqlStorage(await openSqlClient({ dataDir: dir }));
      await storage.migrate();
      return { storage, cleanup: async () => { await storage.close(); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'PostgreSQL',
    ...(pgSkip && { skip: pgSkip }),
    async open() {
      cluster = await startTestPostgres();
      const storage = createSqlStorage(await openSqlClient({ dataDir: '', databaseUrl: await cluster.createDatabase('vigie_rollup') }));
      await storage.migrate();
      return { storage, cleanup: async () => { await storage.close(); await cluster?.stop(); } };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`availability roll-ups (${backend.name})`, () => {
    let storage: Storage & { rollups: NonNullable<Storage['rollups']> };
    let cleanup = async () => {};
    const PROBES = 40;
    const ids = Array.from({ length: PROBES }, (_, i) => `p${i}`);
    const declared = windows(7, PROBES);
    const windowsFor = (id: string) => declared.filter((w) => w.probeIds.includes(id));
    const yieldTurn = async () => {};

    beforeAll(async () => {
      const opened = await backend.open();
      storage = opened.storage as typeof storage;
      cleanup = opened.cleanup;
      await storage.appendStateChanges(history(1, PROBES, START, END));
    }, 60_000);
    afterAll(() => cleanup());

    /** Whole years, and a span made of a year row, month rows and day rows. */
    const FIXED = [
      periodContaining('year', Date.UTC(2025, 5, 1), TZ),
      periodContaining('year', Date.UTC(2026, 5, 1), TZ),
      { from: dayFloor(Date.UTC(2024, 11, 20, 12), TZ), to: dayFloor(Date.UTC(2026, 2, 10, 12), TZ) },
      periodContaining('semester', Date.UTC(2026, 1, 1), TZ),
    ];

    async function compare(seed: number, now: number, rounds: number) {
      const rand = random(seed);
      for (let i = 0; i < rounds + FIXED.length; i++) {
        const a = START - 5 * DAY + Math.floor(rand() * (END - START));
        const period = FIXED[i - rounds] ?? (rand() < 0.3 ? { from: dayFloor(a, TZ), to: dayFloor(a + Math.floor(rand() * 120) * DAY + HOUR, TZ) } : { from: a, to: a + Math.floor(rand() * 120 * DAY) + 1 });
        if (period.to <= period.from) continue;
        const hours = calendar.hoursFor(period.from, period.to);
        const withWindows = rand() < 0.5;
        const options = { yieldTurn, ...(withWindows && { windowsFor }) };
        const expected = await probeFiguresInChunks(ids, (chunk) => storage.loadStateChanges(period.from, period.to, chunk), period, now, hours, options);
        const actual = await rolledScopeFigures(storage, calendar, { probeIds: ids, wholeEstate: rand() < 0.5, period, now, hours }, options);
        expect([...actual], `period ${new Date(period.from).toISOString()} → ${new Date(period.to).toISOString()}, windows ${withWindows}`).toEqual([...expected]);
      }
    }

    it('gives exactly the raw figures on random periods, with and without maintenance windows', async () => {
      const logs: string[] = [];
      const now = END + 2 * DAY;
      const progress = await runRollup({ storage, calendar, log: (l) => logs.push(l), yieldTurn }, now);
      expect(progress.through).toBe(dayFloor(now - 10 * 60_000, TZ));
      expect(logs.some((l) => l.startsWith('availability roll-up: through'))).toBe(true);
      await compare(11, now, 30);
    }, 120_000);

    it('recounts probes whose past changed (late changes) and stays exact before and after', async () => {
      const now = END + 2 * DAY;
      const late = history(99, 6, START, END - 30 * DAY);
      await storage.appendStateChanges(late);
      const marked = await storage.rollups.dirty();
      expect(marked.map((m) => m.probeId).sort()).toEqual([...new Set(late.map((r) => r.probeId))].sort());
      await compare(12, now, 10); // marked probes are read raw
      const progress = await runRollup({ storage, calendar, yieldTurn }, now);
      expect(progress.probesRecounted).toBe(marked.length);
      expect(await storage.rollups.dirty()).toEqual([]);
      await compare(13, now, 20);
    }, 120_000);

    it('backfills again to the same rows (idempotent) and resumes a stopped backfill', async () => {
      const now = END + 2 * DAY;
      const whole = [{ grain: 'day' as const, from: START - 40 * DAY, to: END + 40 * DAY }];
      const before = await storage.rollups.sum(whole);
      // A backfill stopped in February: the state says so; the next run goes on from there.
      const state = (await storage.rollups.loadState())!;
      const february = dayFloor(Date.UTC(2026, 1, 1, 12), TZ);
      await storage.rollups.saveState({ ...state, through: february, marksBelow: february });
      const resumed = await runRollup({ storage, calendar, yieldTurn }, now);
      expect(resumed.daysRolled).toBeGreaterThan(60);
      expect(await storage.rollups.sum(whole)).toEqual(before);
      await compare(14, now, 10);
    }, 120_000);

    it('rebuilds when the covered-hours settings change', async () => {
      const now = END + 2 * DAY;
      const other = createCoveredCalendar({ ...DEFAULT_HOURS_SETTINGS, open: '08:00' });
      const logs: string[] = [];
      await runRollup({ storage, calendar: other, log: (l) => logs.push(l), yieldTurn }, now);
      expect(logs[0]).toContain('settings changed');
      const period = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) };
      const hours = other.hoursFor(period.from, period.to);
      const expected = await probeFiguresInChunks(ids, (chunk) => storage.loadStateChanges(period.from, period.to, chunk), period, now, hours, { yieldTurn });
      expect([...(await rolledScopeFigures(storage, other, { probeIds: ids, wholeEstate: true, period, now, hours }, { yieldTurn }))]).toEqual([...expected]);
      await runRollup({ storage, calendar, yieldTurn }, now); // back to the default calendar
    }, 120_000);

    it('keeps probe ids with any character (sums and first days travel as one JSON text)', async () => {
      const odd = ['a,b', 'q"uote', 'line\nbreak', 'back\\slash', 'Hôtel de ville 🏛', "l'école"];
      const day = dayFloor(END + 200 * DAY, TZ);
      const rows = odd.map((probeId, i) => ({ grain: 'day' as const, start: day, probeId, upMs: 1_000 * i, downMs: 7, maintenanceMs: 3, coveredMs: 10_000 }));
      await storage.rollups.replaceDays(odd, day, day + DAY, rows, new Map(odd.map((id, i) => [id, day - i * DAY])));
      const spans = [{ grain: 'day' as const, from: day, to: day + DAY }];
      const expected = new Map(rows.map((r) => [r.probeId, { upMs: r.upMs, downMs: 7, maintenanceMs: 3, coveredMs: 10_000 }]));
      expect(await storage.rollups.sum(spans, odd)).toEqual(expected);
      expect(await storage.rollups.sum(spans)).toEqual(expected); // the whole estate, no id list
      expect(await storage.rollups.firstDays(odd)).toEqual(new Map(odd.map((id, i) => [id, day - i * DAY])));
      expect(await storage.rollups.sum([{ grain: 'day', from: day + DAY, to: day + 2 * DAY }], odd)).toEqual(new Map());
    });
  });
}
