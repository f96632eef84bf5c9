import { expect, test } from 'vitest';
import type { MaintenanceNotice } from '../../src/domain/alarm-events.ts';
import { createMaintenanceAlarms } from './maintenance-alarms.ts';
import { MemoryAlarmStore } from './memory-alarm-store.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 14, 8, 0);

test('a window is announced once, its start noticed once, a rescheduling announced again, a cancelled one never starts', async () => {
  let now = T0;
  const store = new MemoryAlarmStore();
  const m = createMaintenanceAlarms(store, { now: () => now, collectiviteName: () => 'Metz' });
  const notice: MaintenanceNotice = { collectiviteId: 'metz', windowId: 'w1', start: T0 + 60 * MIN, end: T0 + 120 * MIN, nature: 'Migration fibre', sites: [] };
  await m.noticed(notice);
  await m.noticed(notice);
  const kinds = async () => (await store.unplannedEvents(100)).map((e) => `${e.kind}@${(e.at - T0) / MIN}`);
  expect(await kinds()).toEqual(['maintenance-announced@0']);
  now = T0 + 60 * MIN;
  await m.check(now);
  await m.check(now + MIN);
  expect(await kinds()).toEqual(['maintenance-announced@0', 'maintenance-starting@60']);

  await m.noticed({ ...notice, windowId: 'w2', start: T0 + 180 * MIN, end: T0 + 200 * MIN });
  await m.noticed({ ...notice, windowId: 'w2', start: T0 + 190 * MIN, end: T0 + 200 * MIN });
  await m.noticed({ ...notice, windowId: 'w2', start: T0 + 190 * MIN, end: T0 + 200 * MIN, cancelled: true });
  now = T0 + 190 * MIN;
  await m.check(now);
  expect((await kinds()).filter((k) => k.startsWith('maintenance-starting'))).toEqual(['maintenance-starting@60']);
  expect((await kinds()).filter((k) => k.startsWith('maintenance-announced'))).toHaveLength(3);
});
