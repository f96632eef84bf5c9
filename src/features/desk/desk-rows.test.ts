import { describe, expect, it } from 'vitest';
import { indexEstate } from '../../domain/estate-index.ts';
import type { Estate, Incident, ProbeKind } from '../../domain/model.ts';
import { foldProblems, type PlacedProblem } from '../../domain/root-cause.ts';
import { activeIncidentByProbe, deskRows, matchesSearch } from './desk-rows.ts';

const T = Date.UTC(2026, 2, 2, 9);
const KINDS: ProbeKind[] = ['internet', 'camera', 'disk'];

/** Communes c0..c3 (c0–c2 in the Saulnois), one site each, probes internet/camera/disk. */
function estate(): Estate {
  const names = ['Delme', 'Vic-sur-Seille', 'Château-Salins', 'Metz'];
  return {
    collectivites: names.map((name, i) => ({ id: `c${i}`, insee: `5700${i}`, name, lat: 49, lng: 6, ...(i < 3 ? { epci: 'CC du Saulnois' } : {}) })),
    sites: names.map((_, i) => ({ id: `s${i}`, collectiviteId: `c${i}`, name: i === 3 ? 'École Jules Ferry' : 'Mairie', kind: 'mairie' as const, lat: 49, lng: 6 })),
    equipment: names.map((_, i) => ({ id: `e${i}`, siteId: `s${i}`, name: 'Routeur', kind: 'router' as const })),
    probes: names.flatMap((_, i) => KINDS.map((kind) => ({ id: `p${i}-${kind}`, equipmentId: `e${i}`, name: kind === 'internet' ? 'Accès Internet' : kind === 'camera' ? 'Caméra' : 'Disque', kind, interval: 60 }))),
  };
}
const index = indexEstate(estate());
const placed = (probeId: string, state: PlacedProblem['state'], since = T): PlacedProblem => {
  const ref = index.probeRef(probeId)!;
  return { ...ref, kind: index.probes.get(probeId)!.kind, state, since };
};
const incident = (id: string, probeId: string, over: Partial<Incident> = {}): Incident => {
  const ref = index.probeRef(probeId)!;
  return { id, ...ref, status: 'open', severity: 'CRITICAL', openedAt: T, timeline: [], version: 1, ...over };
};
const epciOf = (id: string) => index.collectivites.get(id)?.epci;

describe('deskRows', () => {
  const problems = [
    placed('p0-internet', 'CRITICAL'),
    placed('p0-camera', 'UNKNOWN'),
    placed('p1-internet', 'CRITICAL', T + 60_000),
    placed('p2-internet', 'CRITICAL', T + 120_000),
    placed('p3-disk', 'WARNING', T - 86_400_000),
    placed('p3-camera', 'CRITICAL', T),
  ];
  const groups = foldProblems(problems, epciOf);

  it('names each row the way the cell talks and folds the cut area into one row', () => {
    const rows = deskRows(groups, index, new Map());
    expect(rows.map((r) => [r.kind, r.problems.map((p) => `${p.commune} · ${p.site} · ${p.probe}`)[0], r.problems.length, r.siteCount])).toEqual([
      ['area-cut', 'Delme · Mairie · Accès Internet', 4, 3],
      ['single', 'Metz · École Jules Ferry · Caméra', 1, 1],
      ['single', 'Metz · École Jules Ferry · Disque', 1, 1],
    ]);
  });

  it('ranks by GTI urgency first, then severity, then age', () => {
    const incidents = activeIncidentByProbe([incident('i-disk', 'p3-disk', { severity: 'WARNING' }), incident('i-cam', 'p3-camera'), incident('i-cut', 'p0-internet')]);
    const urgency = (i: Incident) => (i.id === 'i-disk' ? 0 : 10);
    expect(deskRows(groups, index, incidents, urgency).map((r) => r.id)).toEqual(['probe:p3-disk', groups[0]!.id, 'probe:p3-camera']);
  });

  it('says a row is handled only when every incident behind it is', () => {
    const rowOf = (list: Incident[]) => deskRows(groups, index, activeIncidentByProbe(list))[0]!;
    const ack = { status: 'acknowledged' as const };
    const onSite = { status: 'in-progress' as const };
    expect(rowOf([incident('a', 'p0-internet', ack), incident('b', 'p1-internet')]).handling).toBeUndefined();
    expect(rowOf([incident('a', 'p0-internet', ack), incident('b', 'p1-internet', onSite)]).handling).toBe('acknowledged');
    expect(rowOf([incident('a', 'p0-internet', onSite), incident('b', 'p1-internet', onSite)]).handling).toBe('in-progress');
    expect(rowOf([]).handling).toBeUndefined();
    expect(rowOf([incident('a', 'p0-internet', { status: 'resolved' })]).incidents).toEqual([]);
  });

  it('searches communes, sites, probes, areas and incident ids, without accents or case', () => {
    const rows = deskRows(groups, index, activeIncidentByProbe([incident('p3-camera@1772442000000', 'p3-camera')]));
    const hits = (q: string) => rows.filter((r) => matchesSearch(r, q)).map((r) => r.id);
    expect(hits('chateau')).toEqual([groups[0]!.id]);
    expect(hits('saulnois')).toEqual([groups[0]!.id]);
    expect(hits('jules disque')).toEqual(['probe:p3-disk']);
    expect(hits('@1772442000000')).toEqual(['probe:p3-camera']);
    expect(hits('  ')).toHaveLength(3);
    expect(hits('nowhere')).toEqual([]);
  });
});
