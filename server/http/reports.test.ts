// SLA figures and CSV exports computed from a stored history, checked against hand-computed
// covered-hours arithmetic and against the domain modules fed the same intervals.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aggregateAvailability, probeAvailability, type StateInterval } from '../../src/domain/availability.ts';
import type { StateChangeRow } from '../ports.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from './covered-calendar.ts';
import { REPORT_PROBE_CHUNK } from './sla-reports.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
// Monday 16 → Saturday 21 February 2026, Paris midnights: five covered days of 8.5 h, no holiday.
const WEEK = { from: utc('2026-02-15T23:00:00Z'), to: utc('2026-02-20T23:00:00Z') };
const change = (probeId: string, at: string, state: StateChangeRow['state'], inDowntime = false): StateChangeRow => ({ probeId, at: utc(at), state, inDowntime });
const HISTORY: StateChangeRow[] = [
  change('p-c1-1', '2026-02-01T00:00:00Z', 'OK'),
  change('p-c1-1', '2026-02-16T09:00:00Z', 'CRITICAL'), // Mon 10:00–12:00 Paris: 2 h down
  change('p-c1-1', '2026-02-16T11:00:00Z', 'OK'),
  change('p-c1-2', '2026-02-01T00:00:00Z', 'OK'),
  change('p-c1-2', '2026-02-17T08:00:00Z', 'UNKNOWN'), // all of Tuesday's 8.5 h unmeasured
  change('p-c1-2', '2026-02-17T16:30:00Z', 'OK'),
  change('p-c2-1', '2026-02-01T00:00:00Z', 'OK'),
  change('p-c2-1', '2026-02-18T08:00:00Z', 'CRITICAL', true), // Wed 09:00–13:00 Paris: 4 h maintenance
  change('p-c2-1', '2026-02-18T12:00:00Z', 'OK'),
  // p-c1-3, p-c2-2, p-c2-3: never reported → unmeasured
];
const week = `from=${WEEK.from}&to=${WEEK.to}`;

let gw: TestGateway;
let support: string;
beforeAll(async () => {
  gw = await startTestGateway(); // source clock: Monday 2 March 2026, 09:00 Paris
  await gw.storage.appendStateChanges(HISTORY);
  support = await gw.login('support');
});
afterAll(() => gw.close());

describe('availability', () => {
  it('matches hand-computed covered-hours figures for a collectivité', async () => {
    const res = await gw.call('GET', `/availability?collectiviteId=c1&${week}`, support);
    expect(res.statusCode).toBe(200);
    // c1: up 40.5 h + 34 h, down 2 h, unmeasured 8.5 h + 42.5 h; 42.5 covered hours per probe.
    expect(res.json()).toEqual({
      scope: 'c1',
      ...WEEK,
      target: 0.96,
      upSeconds: 74.5 * 3600,
      downSeconds: 2 * 3600,
      unmeasuredSeconds: 51 * 3600,
      maintenanceSeconds: 0,
      ratio: 74.5 / 76.5,
      coverage: 76.5 / 127.5,
      errorBudgetMinutes: 186, // 4 % of 127.5 covered hours = 306 min, minus 120 min down
      probeCount: 3,
      worst: [{ probeId: 'p-c1-1', ratio: 40.5 / 42.5, downSeconds: 7200 }],
      // Three disks, one service: 186 min of budget shared by 3 probes → 62 min of the whole service down.
      services: [{ service: 'servers', probeCount: 3, ratio: 74.5 / 76.5, downSeconds: 7200, outcome: 'met', marginSeconds: 62 * 60 }],
      maintenances: [], // no window declared that week
    });
  });

  it('equals the domain computation over the same intervals for the whole estate', async () => {
    const hours = createCoveredCalendar(DEFAULT_HOURS_SETTINGS).hoursFor(WEEK.from, WEEK.to);
    const iv = (from: string, to: string, state: StateInterval['state'], inDowntime = false): StateInterval => ({ from: utc(from), to: utc(to), state, inDowntime });
    const expected = aggregateAvailability(
      [
        [iv('2026-02-15T23:00:00Z', '2026-02-16T09:00:00Z', 'OK'), iv('2026-02-16T09:00:00Z', '2026-02-16T11:00:00Z', 'CRITICAL'), iv('2026-02-16T11:00:00Z', '2026-02-20T23:00:00Z', 'OK')],
        [iv('2026-02-15T23:00:00Z', '2026-02-17T08:00:00Z', 'OK'), iv('2026-02-17T08:00:00Z', '2026-02-17T16:30:00Z', 'UNKNOWN'), iv('2026-02-17T16:30:00Z', '2026-02-20T23:00:00Z', 'OK')],
        [],
        [iv('2026-02-15T23:00:00Z', '2026-02-18T08:00:00Z', 'OK'), iv('2026-02-18T08:00:00Z', '2026-02-18T12:00:00Z', 'CRITICAL', true), iv('2026-02-18T12:00:00Z', '2026-02-20T23:00:00Z', 'OK')],
        [],
        [],
      ].map((intervals) => probeAvailability(intervals, WEEK, hours)),
    );
    const report = (await gw.call('GET', `/availability?${week}`, support)).json();
    expect(report.scope).toBe('all');
    expect(report.upSeconds * 1000).toBe(expected.upMs);
    expect(report.downSeconds * 1000).toBe(expected.downMs);
    expect(report.unmeasuredSeconds * 1000).toBe(expected.unmeasuredMs);
    expect(report.maintenanceSeconds).toBe(4 * 3600);
    expect(report.maintenanceSeconds * 1000).toBe(expected.maintenanceMs);
    expect(report.ratio).toBe(expected.ratio);
    expect(report.coverage).toBe(expected.coverage);
  });

  it('counts the running period only until now: the future is not up time', async () => {
    await gw.supervision.persist(); // the snapshot's OK states at 09:00
    gw.source.emit('p-c1-1', 'CRITICAL', { afterMs: H }); // 10:00
    gw.source.clock += 0.5 * H; // now 10:30
    await gw.supervision.persist();
    const report = (await gw.call('GET', '/availability?collectiviteId=c1&period=month', support)).json();
    expect(report.from).toBe(utc('2026-02-28T23:00:00Z'));
    expect(report.upSeconds).toBe(1.5 * 3600 * 3 - 1800); // three probes up 09:00–10:30, but p-c1-1 down since 10:00
    expect(report.downSeconds).toBe(1800);
    expect(report.worst[0]).toEqual({ probeId: 'p-c1-1', ratio: 1 / 1.5, downSeconds: 1800 });
  });
});

describe('availability under load', () => {
  it('computes a running report once for concurrent identical requests, then serves it again for a short while', async () => {
    const load = vi.spyOn(gw.storage, 'loadStateChanges');
    try {
      const [a, b] = await Promise.all([gw.call('GET', '/availability?period=semester', support), gw.call('GET', '/availability?period=semester', support)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(a.json()).toEqual(b.json());
      expect(load).toHaveBeenCalledTimes(1); // six probes: one chunk, one storage read
      await gw.call('GET', '/availability?period=semester', support);
      expect(load).toHaveBeenCalledTimes(1);
      await gw.call('GET', '/availability?period=semester&collectiviteId=c1', support); // another scope
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      load.mockRestore();
    }
  });
});

describe('GTI and contribution', () => {
  it('shows running clocks in covered hours and compliance once met', async () => {
    const incident = [...gw.supervision.incidents()].find((i) => i.probeId === 'p-c1-1')!;
    const gti = (await gw.call('GET', '/gti?collectiviteId=c1&period=month', support)).json();
    // Opened Monday 10:00 Paris: 7.5 h on Monday, 0.5 h on Tuesday → Tuesday 09:30 Paris.
    expect(gti.open).toEqual([
      { incidentId: incident.id, start: utc('2026-03-02T09:00:00Z'), deadline: utc('2026-03-03T08:30:00Z'), status: 'on-track', coveredSecondsLeft: 7.5 * 3600 },
    ]);
    expect(gti).toMatchObject({ compliance: null, met: 0, breached: 0 });
    const act = await gw.call('POST', `/incidents/${encodeURIComponent(incident.id)}/actions`, support, { action: 'start-intervention' });
    expect(act.statusCode).toBe(200);
    const after = (await gw.call('GET', '/gti?collectiviteId=c1&period=month', support)).json();
    expect(after).toMatchObject({ compliance: 1, met: 1, breached: 0, open: [] });
  });

  it('prices each collectivité’s probes by pack', async () => {
    const res = (await gw.call('GET', '/contribution', support)).json();
    expect(res).toEqual([
      { collectiviteId: 'c1', probesInUse: 3, packSize: 100, eurosPerYear: 100 },
      { collectiviteId: 'c2', probesInUse: 3, packSize: 100, eurosPerYear: 100 },
    ]);
  });
});

describe('CSV exports', () => {
  it('exports incidents with local times, GTI deadline and a download name', async () => {
    const res = await gw.call('GET', '/export/incidents.csv?collectiviteId=c1&period=month', support);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="incidents-c1-2026-03-01.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFincident;collectivite_id;collectivite;site;sonde;gravite;statut;ouvert;acquitte;intervention;resolu;clos;echeance_gti;gti');
    const incident = [...gw.supervision.incidents()].find((i) => i.probeId === 'p-c1-1')!;
    expect(lines[1]).toBe(`${incident.id};c1;Commune 1;Mairie 1;Disque 1;CRITICAL;in-progress;2026-03-02 10:00:00;;2026-03-02 10:30:00;;;2026-03-03 09:30:00;met`);
    expect(lines).toHaveLength(3);
  });

  it('exports availability per collectivité and per probe with French decimals', async () => {
    const res = await gw.call('GET', `/export/availability.csv?collectiviteId=c1&${week}`, support);
    expect(res.headers['content-disposition']).toBe('attachment; filename="disponibilite-c1-2026-02-16.csv"');
    const lines = res.body.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'niveau;collectivite_id;collectivite;site;sonde;sonde_id;minutes_disponible;minutes_indisponible;minutes_non_mesurees;minutes_maintenance;disponibilite_pct;couverture_pct',
      'collectivite;c1;Commune 1;;;;4470;120;3060;0;97,386;60',
      'sonde;c1;Commune 1;Mairie 1;Disque 1;p-c1-1;2430;120;0;0;95,294;100',
      'sonde;c1;Commune 1;Mairie 1;Disque 2;p-c1-2;2040;0;510;0;100;80',
      'sonde;c1;Commune 1;Mairie 1;Disque 3;p-c1-3;0;0;2550;0;;0',
    ]);
  });
});

describe('availability of a scope larger than one chunk', () => {
  it('reads storage per chunk of probes, never the whole scope at once, for the report and the CSV export', async () => {
    const big = await startTestGateway({ estate: fixtureEstate(3, 1_000) });
    const load = vi.spyOn(big.storage, 'loadStateChanges');
    try {
      const token = await big.login('support');
      for (const path of ['/availability?period=year', '/export/availability.csv?period=year']) {
        load.mockClear();
        expect((await big.call('GET', path, token)).statusCode).toBe(200);
        const reads = load.mock.calls.map(([, , ids]) => ids?.length);
        expect(reads).toEqual([REPORT_PROBE_CHUNK, 3_000 - REPORT_PROBE_CHUNK]);
      }
    } finally {
      load.mockRestore();
      await big.close();
    }
  });
});
