// Window changes reach the streams of their collectivité and the "all" stream, never another's.
import { expect, test } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { SourceHealth } from '../../src/protocol/schemas.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { ManualTimers } from './manual-timers.test-kit.ts';
import { scopeFor } from './scope.ts';
import { createStreamHub, type StreamMessage } from './stream-hub.ts';

const window = (collectiviteId: string): MaintenanceWindow => ({
  id: `w-${collectiviteId}`, collectiviteId, siteIds: [`s-${collectiviteId}`], equipmentIds: [], probeIds: [], start: 10, end: 20,
  nature: 'travaux', by: 'support', source: 'vigie', createdAt: 0,
});

test('a window change goes to its collectivité and to support, not to other référents', () => {
  const timers = new ManualTimers();
  const health: SourceHealth = { state: 'connected', source: 'fake', since: 0 };
  const estate = fixtureEstate(2, 2);
  const hub = createStreamHub({ view: { now: () => 0, estate: () => estate, statuses: () => [], incidents: () => [], sourceHealth: () => health }, timers, epoch: 'e' });
  const seen = { all: [] as StreamMessage[], c1: [] as StreamMessage[], c2: [] as StreamMessage[] };
  hub.subscribe('all', (m) => seen.all.push(m));
  hub.subscribe(scopeFor('c1'), (m) => seen.c1.push(m));
  hub.subscribe(scopeFor('c2'), (m) => seen.c2.push(m));
  hub.publish({ statuses: [], incidents: [], maintenances: [{ kind: 'scheduled', window: window('c1') }] });
  const windowsIn = (messages: StreamMessage[]) => messages.flatMap((m) => (m.event === 'maintenances' ? m.payload.windows.map((w) => w.id) : []));
  expect(windowsIn(seen.all)).toEqual(['w-c1']);
  expect(windowsIn(seen.c1)).toEqual(['w-c1']);
  expect(windowsIn(seen.c2)).toEqual([]);
  hub.stop();
});
