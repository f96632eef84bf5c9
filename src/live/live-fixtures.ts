// A tiny estate and stream messages for tests and demos: two collectivités, three sites.
import type { ProbeState, ProbeStatus } from '../domain/model.ts';
import { PROTOCOL_VERSION, type DeltaBatch, type Estate, type Heartbeat, type Snapshot } from '../protocol/schemas.ts';
import { packSnapshot, type WireSnapshot } from '../protocol/wire-snapshot.ts';

export const FIXTURE_ESTATE: Estate = {
  collectivites: [
    { id: 'c-metz', insee: '57463', name: 'Metz', lat: 49.119, lng: 6.176 },
    { id: 'c-boulay', insee: '57097', name: 'Boulay-Moselle', lat: 49.183, lng: 6.493 },
  ],
  sites: [
    { id: 's-metz-mairie', collectiviteId: 'c-metz', name: 'Mairie de Metz', kind: 'mairie', lat: 49.119, lng: 6.176 },
    { id: 's-metz-ecole', collectiviteId: 'c-metz', name: 'École Jean Moulin', kind: 'ecole', lat: 49.11, lng: 6.19 },
    { id: 's-boulay-mairie', collectiviteId: 'c-boulay', name: 'Mairie de Boulay', kind: 'mairie', lat: 49.183, lng: 6.493 },
  ],
  equipment: [
    { id: 'e-metz-srv', siteId: 's-metz-mairie', name: 'SRV-MAIRIE', kind: 'server' },
    { id: 'e-metz-cam', siteId: 's-metz-mairie', name: 'Caméra parvis', kind: 'camera' },
    { id: 'e-ecole-box', siteId: 's-metz-ecole', name: 'Box école', kind: 'router' },
    { id: 'e-boulay-nas', siteId: 's-boulay-mairie', name: 'NAS mairie', kind: 'nas' },
  ],
  probes: [
    { id: 'p-metz-disk', equipmentId: 'e-metz-srv', name: 'Disque C:', kind: 'disk', interval: 60 },
    { id: 'p-metz-cam', equipmentId: 'e-metz-cam', name: 'Image caméra', kind: 'camera', interval: 60 },
    { id: 'p-ecole-wan', equipmentId: 'e-ecole-box', name: 'Accès Internet', kind: 'internet', interval: 60 },
    { id: 'p-boulay-disk', equipmentId: 'e-boulay-nas', name: 'Volume 1', kind: 'disk', interval: 60 },
  ],
};

export function probeStatus(probeId: string, state: ProbeState, at = 1_000, output = `${state} - ${probeId}`): ProbeStatus {
  return { probeId, state, stateType: 'HARD', output, lastCheck: at, since: at, acknowledged: false, inDowntime: false };
}

export const SOURCE_OK = { state: 'connected' as const, source: 'simulator', since: 0 };

export function fixtureSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    protocol: PROTOCOL_VERSION,
    stream: 'all',
    epoch: 'e1',
    seq: 0,
    at: 1_000,
    estate: FIXTURE_ESTATE,
    statuses: FIXTURE_ESTATE.probes.map((p) => probeStatus(p.id, 'OK')),
    incidents: [],
    source: SOURCE_OK,
    ...overrides,
  };
}

/** fixtureSnapshot as the gateway sends it (packed in columns). */
export function wireSnapshot(overrides: Partial<Snapshot> = {}): WireSnapshot {
  return packSnapshot(fixtureSnapshot(overrides));
}

export function deltaBatch(seq: number, changes: ProbeStatus[], overrides: Partial<DeltaBatch> = {}): DeltaBatch {
  return { stream: 'all', epoch: 'e1', seq, at: 1_000 + seq, changes, ...overrides };
}

export function heartbeat(seq: number, overrides: Partial<Heartbeat> = {}): Heartbeat {
  return { stream: 'all', epoch: 'e1', seq, at: 1_000 + seq, source: SOURCE_OK, ...overrides };
}
