// A small, regular estate for the gateway's tests: n collectivités, one site and one piece of
// equipment each, m probes per equipment. Ids say where they belong (p-c2-3 is in c2).
import type { Instant, ProbeState, ProbeStatus } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';

export function fixtureEstate(collectivites = 2, probesEach = 3): Estate {
  const estate: Estate = { collectivites: [], sites: [], equipment: [], probes: [] };
  for (let c = 1; c <= collectivites; c++) {
    const cId = `c${c}`;
    estate.collectivites.push({ id: cId, insee: `57${String(c).padStart(3, '0')}`, name: `Commune ${c}`, lat: 49 + c / 100, lng: 6 + c / 100 });
    estate.sites.push({ id: `s-${cId}`, collectiviteId: cId, name: `Mairie ${c}`, kind: 'mairie', lat: 49 + c / 100, lng: 6 + c / 100 });
    estate.equipment.push({ id: `e-${cId}`, siteId: `s-${cId}`, name: `Serveur ${c}`, kind: 'server' });
    for (let p = 1; p <= probesEach; p++) {
      estate.probes.push({ id: `p-${cId}-${p}`, equipmentId: `e-${cId}`, name: `Disque ${p}`, kind: 'disk', interval: 60 });
    }
  }
  return estate;
}

export function fixtureStatus(probeId: string, at: Instant, state: ProbeState = 'OK', extra: Partial<ProbeStatus> = {}): ProbeStatus {
  return {
    probeId,
    state,
    stateType: 'HARD',
    output: `${state} - disk ${probeId}`,
    lastCheck: at,
    since: at,
    acknowledged: false,
    inDowntime: false,
    ...extra,
  };
}
