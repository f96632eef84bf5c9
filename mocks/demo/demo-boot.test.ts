import { afterEach, expect, test } from 'vitest';
import { closedDatesBetween } from '../../src/domain/holidays.ts';
import { isProblem } from '../../src/domain/model.ts';
import { LiveStore } from '../../src/live/live-store.ts';
import { bootDemo, type DemoBoot } from './demo-boot.ts';
import { DEFAULT_DEMO_SETTINGS } from './demo-settings.ts';

let boot: DemoBoot | undefined;
afterEach(async () => {
  await boot?.gateway.stop();
  boot = undefined;
});

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function start(as: string | null, scenario: 'calm' | 'storm' = 'calm') {
  let wall = T0;
  // The simulator's own ticker is inert: the test moves wall time and ticks by hand.
  const timers = { setInterval: () => 0, clearInterval: () => {} };
  boot = await bootDemo({ ...DEFAULT_DEMO_SETTINGS, scenario, as }, { closedDates: closedDatesBetween(2026, 2027), wallClock: () => wall, timers });
  return { boot, advance: (ms: number) => ((wall += ms), boot!.simulator.tick()) };
}

test('the demo signs in as the URL says, as the tab’s previous user, or not at all', async () => {
  expect((await start('referent')).boot.session?.user).toMatchObject({ role: 'referent', collectiviteId: expect.any(String) });
  await boot!.gateway.stop();
  expect((await start(null)).boot.session?.user.role).toBe('support');
  await boot!.gateway.stop();
  expect((await start('none')).boot.session).toBeUndefined();
});

test('on the real simulator, a storm reaches a LiveStore as a snapshot then deltas in sequence', async () => {
  const { boot, advance } = await start('support', 'storm');
  const store = new LiveStore({ transport: boot.gateway.liveTransport(boot.session!.token), clock: () => T0 });
  const seqs: number[] = [];
  store.subscribe(() => store.stream && seqs.push(store.stream.seq), ['statuses']);
  store.start();
  await wait(0);
  expect(store.connection).toBe('live');
  expect(store.index.collectivites.size).toBe(60);
  const problemSites = () => [...store.index.sites.keys()].filter((id) => isProblem(store.siteState(id))).length;
  const before = problemSites();
  for (let i = 0; i < 40; i++) advance(1_000); // 40 s at ×60: the fibre cut (5 simulated min in) turns hard
  await wait(250); // hub flush window
  const { storm } = boot.simulator.scenario;
  expect(problemSites()).toBeGreaterThanOrEqual(before + storm!.siteIds.length * 0.9);
  expect(seqs.length).toBeGreaterThan(0);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(store.resyncCount).toBe(0);
  expect(store.contractErrorCount).toBe(0);
  store.stop();
});

test('a référent’s live store holds only their collectivité', async () => {
  const { boot } = await start('referent');
  const store = new LiveStore({ transport: boot.gateway.liveTransport(boot.session!.token) });
  store.start();
  await wait(0);
  expect([...store.index.collectivites.keys()]).toEqual([boot.session!.user.collectiviteId]);
  store.stop();
});

test('history holds the first snapshot as soon as the demo starts, so the first reports measure', async () => {
  const { boot } = await start('support');
  expect(boot.gateway.history.stateChanges.length).toBe(boot.gateway.supervision.estate().probes.length);
});
