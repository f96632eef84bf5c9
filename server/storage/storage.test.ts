// One behaviour suite, run against both backends: embedded PGlite and a real PostgreSQL cluster
// started for the occasion. Both must give the same answers from the same migrations.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { StorageRefusedError, type Storage } from '../ports.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqlClient } from './open-storage.ts';
import type { SqlClient } from './sql-client.ts';
import { createSqlStorage } from './sql-storage.ts';
import { freshDataDir } from './data-dir.test-kit.ts';
import { postgresUnavailableReason, startTestPostgres, type TestPostgres } from './postgres.test-kit.ts';

interface Backend {
  name: string;
  skip?: string;
  open(): Promise<{ client: SqlClient; cleanup(): Promise<void> }>;
}

const pgSkip = postgresUnavailableReason();
let cluster: TestPostgres | undefined;
if (pgSkip) console.warn(`storage: PostgreSQL backend skipped — ${pgSkip}`);

const backends: Backend[] = [
  {
    name: 'PGlite',
    async open() {
      const dir = await freshDataDir('vigie-pglite-');
      const client = await openSqlClient({ dataDir: dir });
      return { client, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    ...(pgSkip && { skip: pgSkip }),
    async open() {
      cluster = await startTestPostgres();
      const client = await openSqlClient({ dataDir: '', databaseUrl: await cluster.createDatabase('vigie_storage') });
      return { client, cleanup: async () => cluster?.stop() };
    },
  },
];

const status = (probeId: string, state: ProbeStatus['state'], since: number, output = `${state} on ${probeId}`): ProbeStatus => ({
  probeId,
  state,
  stateType: 'HARD',
  output,
  lastCheck: since,
  since,
  acknowledged: false,
  inDowntime: false,
});

const incident = (id: string, collectiviteId: string, openedAt: number, extra: Partial<Incident> = {}): Incident => ({
  id,
  probeId: `p-${id}`,
  siteId: `s-${collectiviteId}`,
  collectiviteId,
  status: 'open',
  severity: 'CRITICAL',
  openedAt,
  timeline: [{ at: openedAt, kind: 'opened', state: 'CRITICAL' }],
  version: 1,
  ...extra,
});

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`storage on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, () => {
    let client: SqlClient;
    let storage: Storage;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ client, cleanup } = await backend.open());
      storage = createSqlStorage(client);
      await storage.migrate();
    });
    afterAll(async () => {
      await storage?.close();
      await cleanup?.();
    });
    beforeEach(async () => {
      await client.exec('TRUNCATE estate, probe_status, state_change, incident, operator_action, account, setting, login_attempt, denied_session, login_version');
    });

    it('records every migration once, and migrating again is a no-op', async () => {
      await storage.migrate();
      const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('keeps maintenance windows: rewritten on change, filtered by end, text as written', async () => {
      const window: MaintenanceWindow = {
        id: 'mw-1', collectiviteId: 'c1', siteIds: ['s1'], equipmentIds: [], probeIds: ['p1'], start: 1_000, end: 5_000,
        nature: 'mise à jour <b>serveur</b> "RTL \u202e" 🛠', by: 'support', source: 'vigie', createdAt: 500,
      };
      await storage.maintenance.saveWindow(window);
      await storage.maintenance.saveWindow({ id: 'mw-0', collectiviteId: 'c2', siteIds: ['s2'], equipmentIds: [], probeIds: [], start: 100, end: 200, nature: 'x', by: 'support', source: 'vigie', createdAt: 50 });
      await storage.maintenance.saveWindow({ ...window, endedAt: 3_000 });
      expect(await storage.maintenance.loadWindows()).toEqual([expect.objectContaining({ id: 'mw-0' }), { ...window, endedAt: 3_000 }]);
      expect(await storage.maintenance.loadWindows({ endsFrom: 1_000 })).toEqual([{ ...window, endedAt: 3_000 }]);
      await expect(storage.maintenance.saveWindow({ ...window, id: 'mw-nul', nature: 'a\u0000b' })).rejects.toBeInstanceOf(StorageRefusedError);
    });

    it('saves and reloads the estate', async () => {
      expect(await storage.loadEstate()).toBeUndefined();
      const estate: Estate = {
        collectivites: [{ id: 'c1', insee: '57463', name: 'Metz', lat: 49.1, lng: 6.17 }],
        sites: [{ id: 's1', collectiviteId: 'c1', name: 'Mairie', kind: 'mairie', lat: 49.1, lng: 6.17 }],
        equipment: [{ id: 'e1', siteId: 's1', name: 'NAS', kind: 'nas' }],
        probes: [{ id: 'p1', equipmentId: 'e1', name: 'disk /', kind: 'disk', interval: 60 }],
      };
      await storage.saveEstate(estate);
      await storage.saveEstate({ ...estate, probes: [] });
      expect(await storage.loadEstate()).toEqual({ ...estate, probes: [] });
    });

    it('keeps the last status per probe, within and across batches', async () => {
      await storage.saveStatuses([status('p1', 'OK', 1), status('p2', 'OK', 1), status('p1', 'CRITICAL', 2)]);
      await storage.saveStatuses([status('p2', 'WARNING', 3, 'disk 91% <b>full</b>')]);
      expect(await storage.loadStatuses()).toEqual([status('p1', 'CRITICAL', 2), status('p2', 'WARNING', 3, 'disk 91% <b>full</b>')]);
    });

    it('returns the changes of a window plus each probe’s last change before it', async () => {
      const t0 = Date.UTC(2026, 0, 5, 8);
      await storage.appendStateChanges([
        { probeId: 'a', at: t0, state: 'OK', inDowntime: false },
        { probeId: 'a', at: t0 + 10, state: 'CRITICAL', inDowntime: false },
        { probeId: 'a', at: t0 + 100, state: 'OK', inDowntime: false },
        { probeId: 'a', at: t0 + 100, state: 'WARNING', inDowntime: false },
        { probeId: 'a', at: t0 + 500, state: 'CRITICAL', inDowntime: true },
        { probeId: 'b', at: t0 + 200, state: 'UNKNOWN', inDowntime: false },
        { probeId: 'c', at: t0 + 5, state: 'WARNING', inDowntime: false },
      ]);
      const window = await storage.loadStateChanges(t0 + 50, t0 + 500);
      expect(window).toEqual([
        { probeId: 'a', at: t0 + 10, state: 'CRITICAL', inDowntime: false },
        { probeId: 'a', at: t0 + 100, state: 'OK', inDowntime: false },
        { probeId: 'a', at: t0 + 100, state: 'WARNING', inDowntime: false },
        { probeId: 'b', at: t0 + 200, state: 'UNKNOWN', inDowntime: false },
        { probeId: 'c', at: t0 + 5, state: 'WARNING', inDowntime: false },
      ]);
      expect(await storage.loadStateChanges(t0 + 150, t0 + 1000, ['a', 'zzz'])).toEqual([
        { probeId: 'a', at: t0 + 100, state: 'WARNING', inDowntime: false },
        { probeId: 'a', at: t0 + 500, state: 'CRITICAL', inDowntime: true },
      ]);
      expect(await storage.loadStateChanges(t0 - 100, t0 - 1)).toEqual([]);
    });

    it('writes a storm of 20,000 changes in a few batched statements', async () => {
      const t0 = Date.UTC(2026, 1, 1);
      const rows = Array.from({ length: 20_000 }, (_, i) => ({
        probeId: `p${i % 1000}`,
        at: t0 + i,
        state: (i % 3 === 0 ? 'CRITICAL' : 'OK') as ProbeStatus['state'],
        inDowntime: false,
      }));
      const started = performance.now();
      await storage.appendStateChanges(rows);
      const elapsed = performance.now() - started;
      const [count] = await client.query<{ n: string | number }>('SELECT count(*) AS n FROM state_change');
      expect(Number(count?.n)).toBe(20_000);
      // One statement per 5,000 rows: seconds at most even on the WASM backend, never minutes.
      expect(elapsed).toBeLessThan(15_000);
      const last = await storage.loadStateChanges(t0 + 20_000, t0 + 30_000, ['p7']);
      expect(last).toEqual([{ probeId: 'p7', at: t0 + 19_007, state: 'OK', inDowntime: false }]);
    });

    it('upserts incidents and filters them by collectivité, activity and period overlap', async () => {
      const day = 86_400_000;
      const t0 = Date.UTC(2026, 2, 1);
      await storage.saveIncidents([
        incident('i1', 'metz', t0),
        incident('i2', 'thionville', t0 + day),
        incident('i3', 'metz', t0 + 2 * day),
      ]);
      await storage.saveIncidents([incident('i1', 'metz', t0, { status: 'resolved', resolvedAt: t0 + day / 2 })]);
      const ids = (list: Incident[]) => list.map((i) => i.id);
      expect(ids(await storage.loadIncidents({}))).toEqual(['i3', 'i2', 'i1']);
      expect(ids(await storage.loadIncidents({ collectiviteId: 'metz' }))).toEqual(['i3', 'i1']);
      expect(ids(await storage.loadIncidents({ activeOnly: true }))).toEqual(['i3', 'i2']);
      expect(ids(await storage.loadIncidents({ from: t0 + day, to: t0 + 2 * day }))).toEqual(['i2']);
      expect(ids(await storage.loadIncidents({ from: t0, to: t0 + 1 }))).toEqual(['i1']);
      expect(ids(await storage.loadIncidents({ limit: 2 }))).toEqual(['i3', 'i2']);
      expect(ids(await storage.loadIncidents({ limit: 2, offset: 2 }))).toEqual(['i1']);
      expect(ids(await storage.loadIncidents({ status: 'resolved' }))).toEqual(['i1']);
      expect(ids(await storage.loadIncidents({ endedOnly: true }))).toEqual(['i1']);
      expect(ids(await storage.loadIncidents({ siteId: 's-thionville' }))).toEqual(['i2']);
      expect(await storage.countIncidents?.({ siteId: 's-metz', endedOnly: true })).toBe(1);
      expect(await storage.countIncidents?.({ collectiviteId: 'metz', limit: 1 })).toBe(2);
      expect(ids(await storage.loadIncidents({ excludeIds: ['i3', 'i1'] }))).toEqual(['i2']);
      expect(await storage.countIncidents?.({ excludeIds: ['i3'] })).toBe(2);
      expect(await storage.countIncidents?.({ status: 'open', from: t0 + 2 * day, to: t0 + 3 * day })).toBe(2);
      expect(await storage.loadIncident?.('i2')).toEqual(incident('i2', 'thionville', t0 + day));
      expect(await storage.loadIncident?.('nope')).toBeUndefined();
      expect((await storage.loadIncidents({ collectiviteId: 'metz', activeOnly: false }))[1]).toMatchObject({ status: 'resolved', resolvedAt: t0 + day / 2 });
    });

    it('gives incidents stored before versions existed the version the reducer would have given them', async () => {
      const t0 = Date.UTC(2026, 2, 1);
      const { version: _none, ...old } = incident('old', 'metz', t0, {
        status: 'acknowledged',
        acknowledgedAt: t0 + 60_000,
        timeline: [
          { at: t0, kind: 'opened', state: 'CRITICAL' },
          { at: t0, kind: 'notified' },
          { at: t0 + 60_000, kind: 'acknowledged', by: 'support', comment: 'vu' },
        ],
      });
      // Written as an earlier Vigie wrote it: the body without `version`.
      await client.query(
        `INSERT INTO incident (id, collectivite_id, probe_id, status, opened_at, resolved_at, body) VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb)`,
        [old.id, old.collectiviteId, old.probeId, old.status, old.openedAt, JSON.stringify(old)],
      );
      expect(await storage.loadIncident?.('old')).toEqual({ ...old, version: 2 });
      expect((await storage.loadIncidents({})).map((i) => i.version)).toEqual([2]);
      // A versioned row keeps its own.
      await storage.saveIncidents([{ ...old, version: 7 }]);
      expect((await storage.loadIncidents({}))[0]?.version).toBe(7);
    });

    it('keeps a dependent incident’s cause: lists one row per cause and a cause’s attached incidents (migration 9)', async () => {
      const t0 = Date.UTC(2026, 2, 1);
      const cause = { kind: 'area-cut', incidentId: 'cut', probeId: 'p-cut', collectiviteId: 'metz' } as const;
      await storage.saveIncidents([
        incident('cut', 'metz', t0),
        incident('dep-metz', 'metz', t0 + 1, { cause }),
        incident('dep-woippy', 'woippy', t0 + 2, { cause: { ...cause, atOpening: true } }),
        incident('alone', 'woippy', t0 + 3),
      ]);
      const ids = (list: Incident[]) => list.map((i) => i.id);
      expect(await storage.loadIncident?.('dep-woippy')).toEqual(incident('dep-woippy', 'woippy', t0 + 2, { cause: { ...cause, atOpening: true } }));
      expect(ids(await storage.loadIncidents({ causeId: 'cut' }))).toEqual(['dep-woippy', 'dep-metz']);
      expect(await storage.countIncidents?.({ causeId: 'cut', collectiviteId: 'woippy' })).toBe(1);
      expect(ids(await storage.loadIncidents({ topLevel: true }))).toEqual(['alone', 'cut']);
      // Seen from one collectivité, a dependent of another one's cause has its own row.
      expect(ids(await storage.loadIncidents({ topLevel: true, collectiviteId: 'woippy' }))).toEqual(['alone', 'dep-woippy']);
      expect(ids(await storage.loadIncidents({ topLevel: true, collectiviteId: 'metz' }))).toEqual(['cut']);
      // Detached (a later version without a cause): its row is its own again.
      await storage.saveIncidents([incident('dep-metz', 'metz', t0 + 1, { version: 2 })]);
      expect(ids(await storage.loadIncidents({ causeId: 'cut' }))).toEqual(['dep-woippy']);
    });

    it('migration 9 fills the cause columns of incidents written before it', async () => {
      const t0 = Date.UTC(2026, 2, 1);
      await client.exec('ALTER TABLE incident DROP COLUMN cause_id; ALTER TABLE incident DROP COLUMN cause_collectivite_id; DELETE FROM schema_migrations WHERE version = 9');
      const dependent = incident('dep', 'metz', t0, { cause: { kind: 'site-cut', incidentId: 'cut', probeId: 'p-cut', collectiviteId: 'metz' } });
      await client.query(`INSERT INTO incident (id, collectivite_id, probe_id, status, opened_at, resolved_at, body) VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb)`, [
        dependent.id, dependent.collectiviteId, dependent.probeId, dependent.status, dependent.openedAt, JSON.stringify(dependent),
      ]);
      await storage.migrate();
      expect((await storage.loadIncidents({ causeId: 'cut' })).map((i) => i.id)).toEqual(['dep']);
      expect(await storage.loadIncidents({ topLevel: true })).toEqual([]);
    });

    it('appends operator actions with who and when', async () => {
      await storage.appendOperatorAction({ incidentId: 'i1', at: 42, by: 'support', action: 'acknowledge', comment: 'on it' });
      await storage.appendOperatorAction({ incidentId: 'i1', at: 43, by: 'support', action: 'close' });
      const rows = await client.query('SELECT incident_id, at, by_login, action, comment FROM operator_action ORDER BY seq');
      expect(rows.map((r) => ({ ...r, at: Number(r.at) }))).toEqual([
        { incident_id: 'i1', at: 42, by_login: 'support', action: 'acknowledge', comment: 'on it' },
        { incident_id: 'i1', at: 43, by_login: 'support', action: 'close', comment: null },
      ]);
    });

    it('refuses what PostgreSQL cannot store with StorageRefusedError, and keeps such rows as dead letters', async () => {
      await client.exec('TRUNCATE dead_letter');
      const refused = [
        () => storage.saveStatuses([status('p1', 'OK', 1, 'a\u0000b')]),
        () => storage.saveIncidents([incident('i1', 'metz', 1, { timeline: [{ at: 1, kind: 'commented', by: 'x', comment: '\ud800' }] })]),
        () => storage.appendOperatorAction({ incidentId: 'i1', at: 1, by: 'x', action: 'comment', comment: 'a\u0000' }),
        () => storage.appendStateChanges([{ probeId: 'p\u0000', at: 1, state: 'OK', inDowntime: false }]),
      ];
      for (const write of refused) await expect(write()).rejects.toBeInstanceOf(StorageRefusedError);
      const poison = { id: 'i1', comment: 'a\u0000b \ud800 "quoted" \\u0000 😀' };
      await storage.saveDeadLetter({ at: 5, kind: 'incident', key: 'i1', reason: 'r1', row: poison });
      await storage.saveDeadLetter({ at: 6, kind: 'operator-action', key: 'i1@1', reason: 'r2', row: { n: 1 } });
      expect(await storage.countDeadLetters()).toBe(2);
      expect(await storage.loadDeadLetters(10)).toEqual([
        { at: 6, kind: 'operator-action', key: 'i1@1', reason: 'r2', row: { n: 1 } },
        { at: 5, kind: 'incident', key: 'i1', reason: 'r1', row: poison },
      ]);
      expect(await storage.loadDeadLetters(1)).toHaveLength(1);
    });

    it('stores accounts and settings', async () => {
      const accounts = storage.accounts;
      expect(await accounts.get('alice')).toBeUndefined();
      await accounts.upsert({ login: 'alice', role: 'referent', collectiviteId: 'metz', passwordHash: 'h1', disabled: false, version: 1 });
      await accounts.upsert({ login: 'bob', role: 'support', displayName: 'Bob', passwordHash: 'h2', disabled: false, version: 1, lastLoginAt: 1_700_000_000_000 });
      await accounts.upsert({ login: 'alice', role: 'referent', collectiviteId: 'thionville', passwordHash: 'h1', disabled: true, version: 2 });
      expect(await accounts.list()).toEqual([
        { login: 'alice', role: 'referent', collectiviteId: 'thionville', passwordHash: 'h1', disabled: true, version: 2 },
        { login: 'bob', role: 'support', displayName: 'Bob', passwordHash: 'h2', disabled: false, version: 1, lastLoginAt: 1_700_000_000_000 },
      ]);
      await expect(accounts.upsert({ login: 'eve', role: 'referent', passwordHash: 'h', disabled: false, version: 1 })).rejects.toThrow();
      await accounts.remove('alice');
      expect(await accounts.get('alice')).toBeUndefined();
      await accounts.setSetting('k', 'v1');
      await accounts.setSetting('k', 'v2');
      expect(await accounts.getSetting('k')).toBe('v2');
      expect(await accounts.getSetting('none')).toBeUndefined();
    });

    it('remembers a removed login’s version, so adding it again starts above', async () => {
      const { accounts } = storage;
      expect(await accounts.lastVersion('carol')).toBe(0);
      await accounts.upsert({ login: 'carol', role: 'support', passwordHash: 'h', disabled: false, version: 3 });
      expect(await accounts.lastVersion('carol')).toBe(3);
      await accounts.remove('carol');
      expect(await accounts.get('carol')).toBeUndefined();
      expect(await accounts.lastVersion('carol')).toBe(3);
      await accounts.upsert({ login: 'carol', role: 'support', passwordHash: 'h', disabled: false, version: 4 });
      await accounts.remove('carol');
      await accounts.remove('carol'); // removing an absent login keeps what was remembered
      expect(await accounts.lastVersion('carol')).toBe(4);
    });

    it('keeps logged-out sessions until they expire', async () => {
      const { accounts } = storage;
      await accounts.denySession('n1', 1_000);
      await accounts.denySession('n2', 2_000);
      await accounts.denySession('n2', 2_000);
      expect(await accounts.deniedSessions(500)).toEqual(new Map([['n1', 1_000], ['n2', 2_000]]));
      expect(await accounts.deniedSessions(1_000)).toEqual(new Map([['n2', 2_000]]));
      const [row] = await client.query<{ n: string | number }>('SELECT count(*) AS n FROM denied_session');
      expect(Number(row?.n)).toBe(1);
    });

    it('admits at most the limit of 50 parallel login attempts on one key, and forgets them on release, clear or age', async () => {
      const { accounts } = storage;
      const underFive = ([times = []]: number[][]) => times.length < 5;
      const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => accounts.reserveAttempt(['l:alice', `i:10.0.0.${i}`], 0, 100 + i, underFive)));
      const kept = ids.filter((id): id is string => id !== undefined);
      expect(kept).toHaveLength(5);
      let seen: number[][] = [];
      const look = (times: number[][]) => ((seen = times), false);
      await accounts.reserveAttempt(['l:alice', 'i:none'], 0, 999, look);
      expect(seen[0]).toHaveLength(5);
      expect(seen[0]).toEqual([...seen[0]!].sort((a, b) => a - b));
      expect(seen[1]).toEqual([]);

      await accounts.releaseAttempt(kept[0]!);
      await accounts.reserveAttempt(['l:alice'], 0, 999, look);
      expect(seen[0]).toHaveLength(4);
      const ipOfSecond = (await client.query<{ key: string }>("SELECT key FROM login_attempt WHERE attempt = $1 AND key LIKE 'i:%'", [kept[1]]))[0]?.key;
      await accounts.clearAttempts('l:alice');
      await accounts.reserveAttempt(['l:alice', ipOfSecond!], 0, 999, look);
      expect(seen.map((t) => t.length)).toEqual([0, 1]); // clearing the login keeps the address's attempt
      await accounts.pruneAttempts(1_000);
      await accounts.reserveAttempt([ipOfSecond!], 0, 999, look);
      expect(seen).toEqual([[]]);
    });
  });
}
