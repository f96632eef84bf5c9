import { describe, expect, it } from 'vitest';
import type { Equipment, Probe, ProbeState, ProbeStatus } from './model.ts';
import { sheetRank, siteSheet } from './site-sheet.ts';

const status = (state: ProbeState, inDowntime = false): ProbeStatus => ({ probeId: 'p', state, stateType: 'HARD', output: '', since: 0, lastCheck: 0, acknowledged: false, inDowntime });

describe('sheetRank', () => {
  it.each<[string, ProbeStatus | undefined, boolean, number]>([
    ['CRITICAL', status('CRITICAL'), false, 0],
    ['WARNING', status('WARNING'), false, 1],
    ['UNKNOWN', status('UNKNOWN'), false, 2],
    ['PENDING', status('PENDING'), false, 2],
    ['no status yet', undefined, false, 2],
    ['CRITICAL inside a declared window', status('CRITICAL'), true, 3],
    ['CRITICAL in an engine downtime', status('CRITICAL', true), false, 3],
    ['OK in maintenance', status('OK'), true, 3],
    ['OK', status('OK'), false, 4],
  ])('%s → %i', (_, s, maintenance, rank) => {
    expect(sheetRank(s, maintenance)).toBe(rank);
  });
});

describe('siteSheet', () => {
  const eq = (id: string): Equipment => ({ id, siteId: 's', name: id, kind: 'server' });
  const probe = (id: string, equipmentId: string): Probe => ({ id, equipmentId, name: id, kind: 'host', interval: 60 });
  const probes = [probe('srv-ping', 'srv'), probe('srv-disk', 'srv'), probe('srv-backup', 'srv'), probe('box-net', 'box'), probe('cam-ping', 'cam')];
  const probesOf = (id: string) => probes.filter((p) => p.equipmentId === id);
  const layout = (ranks: Record<string, number>) =>
    siteSheet([eq('box'), eq('srv'), eq('cam'), eq('empty')], probesOf, (p) => ranks[p.id] ?? 4).map((g) => `${g.equipment.id}: ${g.probes.map((p) => p.probe.id).join(' ')}`);

  it('keeps the estate order when all is well', () => {
    expect(layout({})).toEqual(['box: box-net', 'srv: srv-ping srv-disk srv-backup', 'cam: cam-ping', 'empty: ']);
  });

  it('puts the failing disk first, inside and across equipment; maintenance after failures, before OK', () => {
    expect(layout({ 'srv-disk': 0, 'srv-backup': 1, 'cam-ping': 3 })).toEqual(['srv: srv-disk srv-backup srv-ping', 'cam: cam-ping', 'box: box-net', 'empty: ']);
  });

  it('orders equipment by their most urgent probe, warnings after criticals, unknown after warnings', () => {
    expect(layout({ 'box-net': 2, 'srv-ping': 1, 'cam-ping': 0 })).toEqual(['cam: cam-ping', 'srv: srv-ping srv-disk srv-backup', 'box: box-net', 'empty: ']);
  });
});
