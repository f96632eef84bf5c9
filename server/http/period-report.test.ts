// The period report's "per service" is the convention's four services, counted exactly as the
// référent's view counts them (GET /availability's services, service-sla.ts), not per kind of probe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaServiceOf, SLA_SERVICES } from '../../src/domain/service-sla.ts';
import type { PeriodReport } from '../../src/protocol/rest.ts';
import type { StateChangeRow } from '../ports.ts';
import { tinyEstate } from '../sources/simulator/tiny-estate.test-kit.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const utc = (iso: string) => Date.parse(iso);
const estate = tinyEstate();
// Monday 16 → Saturday 21 February 2026 (Paris midnights).
const week = `from=${utc('2026-02-15T23:00:00Z')}&to=${utc('2026-02-20T23:00:00Z')}`;
const change = (probeId: string, at: string, state: StateChangeRow['state']): StateChangeRow => ({ probeId, at: utc(at), state, inDowntime: false });

let gw: TestGateway;
let support: string;
beforeAll(async () => {
  gw = await startTestGateway({ estate, clock: utc('2026-03-02T08:00:00Z') });
  await gw.storage.appendStateChanges([
    ...estate.probes.map((p) => change(p.id, '2026-02-01T00:00:00Z', 'OK')),
    change('internet', '2026-02-16T09:00:00Z', 'CRITICAL'), // the town hall's fibre: 2 h down
    change('internet', '2026-02-16T11:00:00Z', 'OK'),
    change('host', '2026-02-17T09:00:00Z', 'CRITICAL'), // the file server's ping (a server): 1 h down
    change('host', '2026-02-17T10:00:00Z', 'OK'),
    change('school-link', '2026-02-18T12:00:00Z', 'CRITICAL'), // the school's link: 30 min down
    change('school-link', '2026-02-18T12:30:00Z', 'OK'),
  ]);
  support = await gw.login('support');
});
afterAll(() => gw.close());

describe('the period report per service', () => {
  it('groups probes by the convention’s services, in their order, with the figures of the référent’s view', async () => {
    const report = (await gw.call('GET', `/reports/period?collectiviteId=c-1&${week}`, support)).json<PeriodReport>();
    const availability = (await gw.call('GET', `/availability?collectiviteId=c-1&${week}`, support)).json<{ services: { service: string; probeCount: number; ratio: number | null; downSeconds: number }[] }>();
    // internet, internet (school router), host + disk (server), camera, link (school router → links).
    expect(report.services.map((s) => [s.service, s.probeCount])).toEqual([
      ['internet', 2],
      ['links', 1],
      ['servers', 2],
      ['cameras', 1],
    ]);
    const kinds = new Map(estate.equipment.map((e) => [e.id, e.kind]));
    for (const s of report.services) {
      expect(SLA_SERVICES).toContain(s.service);
      expect(s.probeCount).toBe(estate.probes.filter((p) => slaServiceOf(p.kind, kinds.get(p.equipmentId)) === s.service).length);
      const same = availability.services.find((a) => a.service === s.service)!;
      expect([s.probeCount, s.ratio, s.downSeconds]).toEqual([same.probeCount, same.ratio, same.downSeconds]);
    }
    expect(report.services.find((s) => s.service === 'internet')).toMatchObject({ downSeconds: 2 * 3600, meetsTarget: true });
    expect(report.services.find((s) => s.service === 'servers')).toMatchObject({ downSeconds: 3600 });
    expect(report.services.find((s) => s.service === 'links')).toMatchObject({ downSeconds: 1800 });
    // The per-probe table stays per probe, with each probe's own kind.
    expect(report.probes.map((p) => p.kind).sort()).toEqual(estate.probes.map((p) => p.kind).sort());
  });

  it('writes the services CSV with the convention’s names', async () => {
    const res = await gw.call('GET', `/export/report/services.csv?collectiviteId=c-1&${week}&separator=comma&bom=0`, support);
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^service,sondes,disponibilite_pct,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Accès à Internet', 'Liens inter-sites et réseau', 'Serveurs et disques', 'Caméras']);
    const probes = await gw.call('GET', `/export/report/probes.csv?collectiviteId=c-1&${week}&separator=comma&bom=0`, support);
    expect(probes.body.split(/\r?\n/)[0]).toMatch(/^collectivite_id,site,sonde,sonde_id,type_sonde,/);
  });
});
