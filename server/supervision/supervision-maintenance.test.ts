// The supervision applies the contract's maintenance rules and dates incidents from the problem's
// start, with a fake source and a hand-driven clock.
import { describe, expect, test } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { ManualTimers } from '../stream/manual-timers.test-kit.ts';
import { fixtureEstate, fixtureStatus } from './estate-fixture.test-kit.ts';
import { FakeSource } from './fake-source.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { createSupervision } from './supervision.ts';

const T0 = Date.UTC(2026, 11, 14, 8, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

async function boot(options: { initial?: (clock: number) => ReturnType<typeof fixtureStatus>[]; windows?: MaintenanceWindow[]; storage?: MemoryStorage } = {}) {
  const estate = fixtureEstate(2, 3);
  const source = new FakeSource(estate, T0, options.initial?.(T0));
  const timers = new ManualTimers();
  const storage = options.storage ?? new MemoryStorage();
  for (const w of options.windows ?? []) await storage.maintenance.saveWindow(w);
  const supervision = createSupervision({ source, storage, timers, persistMs: 1_000 });
  await supervision.start();
  /** Move both clocks: the source's and the timers'. */
  const advance = (ms: number) => {
    source.clock += ms;
    timers.advance(ms);
  };
  return { source, supervision, storage, advance };
}

const window = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id: 'w1', collectiviteId: 'c1', siteIds: ['s-c1'], equipmentIds: [], probeIds: [], start: T0, end: T0 + 60 * MIN,
  nature: 'mise à jour du serveur', by: 'support', source: 'vigie', createdAt: T0 - DAY, ...over,
});

const everythingOk = (clock: number) => fixtureEstate(2, 3).probes.map((p) => fixtureStatus(p.id, clock));

describe('incident start = problem start', () => {
  test('Vigie starts 3 days after the disk filled up: the incident is dated when it filled', async () => {
    const filled = T0 - 3 * DAY;
    const { supervision } = await boot({ initial: (clock) => everythingOk(clock).map((s) => (s.probeId === 'p-c1-1' ? { ...s, state: 'CRITICAL', since: filled } : s)) });
    const [incident] = [...supervision.incidents()];
    expect(incident).toMatchObject({ id: `p-c1-1@${filled}`, openedAt: filled, status: 'open' });
  });

  test('a reconnect snapshot repeating the problem keeps the same incident', async () => {
    const { source, supervision } = await boot();
    const bad = source.emit('p-c1-1', 'CRITICAL');
    const [incident] = [...supervision.incidents()];
    source.clock += 10 * MIN;
    // The engine comes back: same state, same since, a newer check.
    source.events!.snapshot(source.estate, [{ ...bad, lastCheck: source.clock, output: 'still full' }], source.clock);
    expect([...supervision.incidents()]).toEqual([expect.objectContaining({ id: incident!.id, openedAt: bad.since, version: incident!.version })]);
  });

  test('a restart restores the incident: the same problem re-reported opens nothing new', async () => {
    const storage = new MemoryStorage();
    const first = await boot({ storage });
    const bad = first.source.emit('p-c1-1', 'CRITICAL');
    await first.supervision.stop();
    const second = await boot({ storage, initial: (clock) => everythingOk(clock).map((s) => (s.probeId === 'p-c1-1' ? { ...bad, lastCheck: clock + 5 * MIN } : s)) });
    second.advance(1_000);
    expect([...second.supervision.incidents()].map((i) => i.id)).toEqual([`p-c1-1@${bad.since}`]);
  });
});

describe('declared maintenance', () => {
  test('a problem inside a window opens no incident; outlasting it opens one at the window end', async () => {
    const { source, supervision, advance } = await boot({ windows: [window({ start: T0, end: T0 + 30 * MIN })] });
    source.emit('p-c1-1', 'CRITICAL', { afterMs: 5 * MIN });
    expect([...supervision.incidents()]).toHaveLength(0);
    advance(24 * MIN); // T0 + 29 min: still inside
    expect([...supervision.incidents()]).toHaveLength(0);
    advance(2 * MIN);
    expect([...supervision.incidents()]).toEqual([expect.objectContaining({ openedAt: T0 + 30 * MIN, status: 'open' })]);
  });

  test('a problem that ends inside the window never opens an incident', async () => {
    const { source, supervision, advance } = await boot({ windows: [window({})] });
    source.emit('p-c1-2', 'CRITICAL', { afterMs: 5 * MIN });
    source.emit('p-c1-2', 'OK', { afterMs: 5 * MIN });
    advance(60 * MIN);
    expect([...supervision.incidents()]).toHaveLength(0);
  });

  test('a window of another collectivité covers nothing here', async () => {
    const { source, supervision } = await boot({ windows: [window({ collectiviteId: 'c2', siteIds: ['s-c2'] })] });
    source.emit('p-c1-1', 'CRITICAL', { afterMs: 5 * MIN });
    expect([...supervision.incidents()]).toHaveLength(1);
  });

  test('ending a window early opens the held-back incident at the early end', async () => {
    const { source, supervision, advance } = await boot({ windows: [window({})] });
    source.emit('p-c1-1', 'CRITICAL', { afterMs: 5 * MIN });
    advance(5 * MIN);
    const changes: unknown[] = [];
    supervision.subscribe((c) => changes.push(...(c.maintenances ?? [])));
    const ended = await supervision.maintenance.end('w1');
    expect(ended.endedAt).toBe(source.clock);
    // Published on the bus, and the held-back incident opens at once, dated at the early end.
    expect(changes).toEqual([expect.objectContaining({ kind: 'ended', window: ended })]);
    expect([...supervision.incidents()]).toEqual([expect.objectContaining({ openedAt: source.clock })]);
  });

  test("the engine's downtime flag holds the incident back until it clears", async () => {
    const { source, supervision } = await boot();
    source.clock += MIN;
    const inWork = fixtureStatus('p-c1-1', source.clock, 'CRITICAL', { inDowntime: true });
    source.events!.status(inWork, source.clock);
    expect([...supervision.incidents()]).toHaveLength(0);
    source.clock += 30 * MIN;
    source.events!.status({ ...inWork, inDowntime: false }, source.clock);
    expect([...supervision.incidents()]).toEqual([expect.objectContaining({ openedAt: source.clock, status: 'open' })]);
  });

  test('an open incident whose probe enters maintenance keeps its clock', async () => {
    const { source, supervision } = await boot();
    const bad = source.emit('p-c1-1', 'WARNING');
    const [before] = [...supervision.incidents()];
    source.clock += MIN;
    source.events!.status({ ...bad, state: 'CRITICAL', since: source.clock, lastCheck: source.clock, inDowntime: true }, source.clock);
    const [after] = [...supervision.incidents()];
    expect(after).toMatchObject({ id: before!.id, openedAt: before!.openedAt, severity: 'CRITICAL', status: 'open' });
  });
});

describe("the engine's own downtimes", () => {
  const engine = (over: Partial<MaintenanceWindow>) => window({ id: 'engine:icinga2:dt1', source: 'engine', by: 'icingaadmin', nature: 'remplacement du switch', ...over });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  test('each list names all the engine holds: new ones are stored, gone ones cancelled or ended now', async () => {
    const { source, supervision, advance } = await boot();
    const changes: Array<{ kind: string; window: MaintenanceWindow }> = [];
    supervision.subscribe((c) => changes.push(...(c.maintenances ?? [])));
    source.events!.maintenance!([engine({}), engine({ id: 'engine:icinga2:dt2', start: T0 + DAY, end: T0 + DAY + MIN })]);
    await settle();
    expect(supervision.maintenance.all().map((w) => w.id)).toEqual(['engine:icinga2:dt1', 'engine:icinga2:dt2']);
    // The same list again (a reconnect): nothing new.
    source.events!.maintenance!([engine({}), engine({ id: 'engine:icinga2:dt2', start: T0 + DAY, end: T0 + DAY + MIN })]);
    await settle();
    expect(changes).toHaveLength(2);
    // Both removed in the engine 10 minutes in: the running one ends then, the upcoming one is cancelled.
    advance(10 * MIN);
    source.events!.maintenance!([]);
    await settle();
    expect(supervision.maintenance.get('engine:icinga2:dt1')).toMatchObject({ endedAt: source.clock });
    expect(supervision.maintenance.get('engine:icinga2:dt2')).toMatchObject({ cancelledAt: source.clock });
    // Vigie's own windows are not the engine's to end.
    await supervision.maintenance.schedule({ collectiviteId: 'c1', siteIds: ['s-c1'], equipmentIds: [], probeIds: [], start: source.clock + MIN, end: source.clock + 2 * MIN, nature: 'x' }, 'support');
    source.events!.maintenance!([]);
    await settle();
    expect(supervision.maintenance.all().filter((w) => w.source === 'vigie' && w.cancelledAt === undefined)).toHaveLength(1);
  });
});
