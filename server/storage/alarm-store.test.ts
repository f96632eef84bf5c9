// The alarm store's contract on every backend: embedded PGlite, a real PostgreSQL cluster, and the
// in-memory store the tests and the demo use. Idempotent keys, the outbox written atomically with
// its incident, deliveries planned once, due, retried, counted.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import type { Incident } from '../../src/domain/model.ts';
import type { DeliveryRow } from '../alarms/alarm-store.ts';
import { StorageRefusedError, type Storage } from '../ports.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { openSqlClient } from './open-storage.ts';
import { createSqlStorage } from './sql-storage.ts';
import { freshDataDir } from './data-dir.test-kit.ts';
import { postgresUnavailableReason, startTestPostgres, type TestPostgres } from './postgres.test-kit.ts';

const pgSkip = postgresUnavailableReason();
let cluster: TestPostgres | undefined;

const backends: { name: string; skip?: string; open(): Promise<{ storage: Storage; cleanup(): Promise<void> }> }[] = [
  { name: 'memory', open: async () => ({ storage: new MemoryStorage(), cleanup: async () => {} }) },
  {
    name: 'PGlite',
    async open() {
      const dir = await freshDataDir('vigie-alarms-');
      const storage = createSqlStorage(await openSqlClient({ dataDir: dir }));
      await storage.migrate();
      return { storage, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    ...(pgSkip && { skip: pgSkip }),
    async open() {
      cluster = await startTestPostgres();
      const storage = createSqlStorage(await openSqlClient({ dataDir: '', databaseUrl: await cluster.createDatabase('vigie_alarms') }));
      await storage.migrate();
      return { storage, cleanup: async () => cluster?.stop() };
    },
  },
];

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const incident = (id: string, comment?: string): Incident => ({
  id,
  probeId: 'p1',
  siteId: 's1',
  collectiviteId: 'metz',
  status: 'open',
  severity: 'CRITICAL',
  openedAt: T0,
  timeline: [{ at: T0, kind: 'opened', state: 'CRITICAL', ...(comment !== undefined ? { comment } : {}) }],
  version: 1,
});
const event = (key: string, at = T0): AlarmEvent => ({
  key,
  kind: 'opened',
  at,
  collectiviteId: 'metz',
  probeId: 'p1',
  incidentId: 'p1@1',
  severity: 'CRITICAL',
  subject: { collectivite: 'Metz', site: 'École <b>Jules</b> Ferry', probe: 'Accès Internet' },
});
const delivery = (e: AlarmEvent, recipientId: string, over: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: `${e.key}|${recipientId}|mail`,
  eventKey: e.key,
  recipientId,
  channel: 'mail',
  event: e,
  state: 'pending',
  attempts: 0,
  queuedAt: T0,
  nextAt: T0,
  ...over,
});
const recipient: Recipient = {
  id: 'r1',
  audience: 'referent',
  collectiviteId: 'metz',
  name: 'Référente',
  email: 'ref@mairie-metz.fr',
  language: 'fr',
  rules: { events: { 'incident-critical': ['mail'] }, smsWindow: 'always' },
  enabled: true,
};

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`alarm store on ${backend.name}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, cleanup } = await backend.open());
    });
    afterAll(async () => {
      await storage?.close();
      await cleanup?.();
    });

    it('stores the outbox with its incident, each event key once', async () => {
      const alarms = storage.alarms!;
      await storage.saveIncidents([incident('p1@1')], [event('a:opened')]);
      await storage.saveIncidents([incident('p1@1')], [event('a:opened'), event('b:opened', T0 + 1)]);
      expect((await alarms.unplannedEvents(10)).map((e) => e.key)).toEqual(['a:opened', 'b:opened']);
      expect((await alarms.unplannedEvents(10))[0]).toEqual(event('a:opened'));
    });

    it('an incident the database refuses takes its alarm events with it (one transaction)', async () => {
      await expect(storage.saveIncidents([incident('p1@2', 'nul \u0000 here')], [event('c:opened')])).rejects.toBeInstanceOf(StorageRefusedError);
      expect((await storage.alarms!.unplannedEvents(10)).map((e) => e.key)).not.toContain('c:opened');
    });

    it('plans deliveries once, serves the due ones, records attempts, counts', async () => {
      const alarms = storage.alarms!;
      const a = event('a:opened');
      await alarms.plan(['a:opened'], [delivery(a, 'r1'), delivery(a, 'r2', { nextAt: T0 + 60_000 })]);
      await alarms.plan(['a:opened'], [delivery(a, 'r1', { state: 'dead' })]); // a replanning after a crash: ignored
      expect((await alarms.unplannedEvents(10)).map((e) => e.key)).toEqual(['b:opened']);
      const due = await alarms.dueDeliveries(T0, 10);
      expect(due).toEqual([delivery(a, 'r1')]);
      expect(await alarms.stats()).toEqual({ queued: 3, dead: 0 });

      await alarms.updateDeliveries([{ id: due[0]!.id, state: 'failed', attempts: 1, nextAt: T0 + 30_000, lastError: 'SMTP 421', failedAt: T0 + 1 }]);
      expect(await alarms.dueDeliveries(T0 + 1, 10)).toEqual([]);
      expect(await alarms.stats()).toEqual({ queued: 3, dead: 0, lastFailure: { at: T0 + 1, reason: 'SMTP 421' } });
      await alarms.updateDeliveries([{ id: due[0]!.id, state: 'sent', attempts: 2, nextAt: T0 + 30_000, sentAt: T0 + 30_000, messageId: '<m1@vigie>' }]);
      await alarms.updateDeliveries([{ id: `${a.key}|r2|mail`, state: 'dead', attempts: 5, nextAt: T0 + 60_000, lastError: 'refused', failedAt: T0 + 60_000 }]);
      expect(await alarms.stats()).toEqual({ queued: 1, dead: 1, lastFailure: { at: T0 + 60_000, reason: 'refused' } });
      expect(await alarms.sentTimes('r1', 'mail', T0)).toEqual([T0 + 30_000]);
      expect(await alarms.sentTimes('r1', 'sms', T0)).toEqual([]);
      const of = await alarms.deliveriesOf('p1@1');
      expect(of.map((d) => [d.recipientId, d.state, d.attempts, d.messageId ?? null])).toEqual([
        ['r1', 'sent', 2, '<m1@vigie>'],
        ['r2', 'dead', 5, null],
      ]);
    });

    it('groups due deliveries per recipient and channel, and patches many at once', async () => {
      const alarms = storage.alarms!;
      const e = event('g:opened', T0 + 10);
      await alarms.plan([], [delivery(e, 'g1', { queuedAt: T0 + 5, nextAt: T0 + 5 }), delivery(e, 'g2', { queuedAt: T0 + 6, nextAt: T0 + 6 }), delivery(event('h:opened'), 'g1', { queuedAt: T0 + 7, nextAt: T0 + 7 })]);
      const groups = (await alarms.dueGroups(T0 + 10)).filter((g) => g.recipientId.startsWith('g'));
      expect(groups).toEqual([
        { recipientId: 'g1', channel: 'mail', count: 2, oldestQueuedAt: T0 + 5, retrying: false },
        { recipientId: 'g2', channel: 'mail', count: 1, oldestQueuedAt: T0 + 6, retrying: false },
      ]);
      const rows = await alarms.groupDue('g1', 'mail', T0 + 10, 10);
      expect(rows.map((r) => r.eventKey)).toEqual(['g:opened', 'h:opened']);
      await alarms.patchDeliveries(rows.map((r) => r.id), { state: 'failed', attempts: 1, nextAt: T0 + 100, lastError: 'x', failedAt: T0 + 10 });
      expect((await alarms.dueGroups(T0 + 100)).find((g) => g.recipientId === 'g1')).toMatchObject({ count: 2, retrying: true });
      await alarms.patchDeliveries(rows.map((r) => r.id), { state: 'sent', attempts: 'increment', nextAt: T0 + 100, sentAt: T0 + 100 });
      expect((await alarms.groupDue('g1', 'mail', T0 + 1_000, 10)).length).toBe(0);
      expect((await alarms.deliveriesOf('p1@1')).filter((d) => d.recipientId === 'g1').map((d) => [d.state, d.attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
      await alarms.patchDeliveries([(await alarms.groupDue('g2', 'mail', T0 + 10, 1))[0]!.id], { state: 'dead', attempts: 'keep', nextAt: T0 + 10 });
      expect((await alarms.dueGroups(T0 + 1_000)).filter((g) => g.recipientId.startsWith('g'))).toEqual([]);
    });

    it('lists dead deliveries, newest first, and reports the outbox', async () => {
      const alarms = storage.alarms!;
      const dead = await alarms.deadDeliveries(10);
      expect(dead.map((d) => [d.recipientId, d.state])).toEqual([
        ['r2', 'dead'],
        ['g2', 'dead'],
      ]);
      expect((await alarms.deadDeliveries(1)).map((d) => d.recipientId)).toEqual(['r2']);
      const report = await alarms.report();
      // g1's two went out without a recorded message id: only r1's counts as a message.
      expect(report).toMatchObject({ events: 2, unplanned: 1, deliveries: { sent: 3, dead: 2 }, messages: 1 });
      // g1's two, 90 and 100 ms after their events; r1's, 30 s after its event.
      expect(report.sentDelaysMs.sort((a, b) => a - b)).toEqual([90, 100, 30_000]);
      // Since an instant: only the events at or after it, and their deliveries.
      expect(await alarms.report(T0 + 1)).toEqual({ events: 1, unplanned: 1, deliveries: { sent: 1, dead: 1 }, messages: 0, sentDelaysMs: [90] });
    });

    it('keeps recipients', async () => {
      const alarms = storage.alarms!;
      await alarms.saveRecipient(recipient);
      await alarms.saveRecipient({ ...recipient, name: 'Renamed' });
      expect(await alarms.listRecipients()).toEqual([{ ...recipient, name: 'Renamed' }]);
      expect(await alarms.removeRecipient('r1')).toBe(true);
      expect(await alarms.removeRecipient('r1')).toBe(false);
      expect(await alarms.listRecipients()).toEqual([]);
    });
  });
}
