import { describe, expect, it } from 'vitest';
import { estateSchema, probeStatusSchema } from '../../../src/protocol/schemas.ts';
import { mapIcingaObjects } from './estate-mapping.ts';
import { recordedHosts, recordedServices } from './recorded.test-kit.ts';

const AT = 1_795_446_000_000;

function host(name: string, vars: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    name,
    type: 'Host',
    attrs: { display_name: name, state: 0, state_type: 1, last_check: -1, last_state_change: 0, acknowledgement: 0, downtime_depth: 0, check_interval: 60, vars, last_check_result: null, ...extra },
  };
}
function service(hostName: string, name: string, vars: Record<string, unknown> | null) {
  return {
    name: `${hostName}!${name}`,
    type: 'Service',
    attrs: { display_name: name, host_name: hostName, state: 3, state_type: 0, last_check: -1, last_state_change: 0, acknowledgement: 0, downtime_depth: 0, check_interval: 300, vars, last_check_result: null },
  };
}
const complete = { collectivite: '57097', site: 'mairie', lat: 49.18, lng: 6.49, equipment_kind: 'server' };

describe('mapIcingaObjects on the recorded fixture', () => {
  const m = mapIcingaObjects(recordedHosts, recordedServices, AT);

  it('builds a valid estate: 2 collectivités, 4 sites, 6 equipment, a probe per host and per service', () => {
    expect(estateSchema.safeParse(m.estate).success).toBe(true);
    expect(m.estate.collectivites.map((c) => [c.id, c.name, c.insee])).toEqual([
      ['57097', 'Boulay-Moselle', '57097'],
      ['57572', 'Rémilly', '57572'],
    ]);
    expect(m.estate.sites.map((s) => s.id).sort()).toEqual(['57097:ecole', '57097:mairie', '57572:atelier', '57572:mairie']);
    expect(m.estate.equipment).toHaveLength(6);
    expect(m.estate.probes).toHaveLength(12);
    expect(new Set(m.estate.probes.map((p) => p.id)).size).toBe(12);
    expect(m.estate.probes.find((p) => p.id === 'boulay-mairie-srv!disque-c')).toMatchObject({ equipmentId: 'boulay-mairie-srv', kind: 'disk', name: 'Espace disque C:', interval: 60 });
    expect(m.estate.probes.find((p) => p.id === 'boulay-mairie-srv!')).toMatchObject({ kind: 'host', interval: 5 });
  });

  it('gives every probe a valid status, PENDING for never-checked services', () => {
    expect(m.statuses.every((s) => probeStatusSchema.safeParse(s).success)).toBe(true);
    const byId = new Map(m.statuses.map((s) => [s.probeId, s]));
    expect(byId.get('boulay-mairie-box!acces-internet')).toMatchObject({ state: 'PENDING', lastCheck: null, since: AT, acknowledged: false });
    expect(byId.get('remilly-atelier-ap!wifi')).toMatchObject({ state: 'PENDING', acknowledged: true });
    expect(byId.get('boulay-ecole-cam1!flux-video')).toMatchObject({ state: 'WARNING', output: 'Image floue (netteté 12 %)', camera: 'blurred' });
    expect(byId.get('boulay-mairie-srv!disque-c')).toMatchObject({ state: 'OK', stateType: 'HARD', output: 'DISK OK' });
  });

  it('reports the host without collectivité instead of dropping it', () => {
    expect(m.unmapped).toEqual([{ type: 'Host', name: 'labo-sans-collectivite', reason: 'vars.collectivite is missing' }]);
  });

  it('places a collectivité without own coordinates at the centre of its sites', () => {
    const remilly = m.estate.collectivites.find((c) => c.id === '57572')!;
    expect(remilly.lat).toBeCloseTo((49.0147 + 49.0118) / 2, 5);
  });
});

describe('mapIcingaObjects rules', () => {
  it.each([
    [{ ...complete, site: undefined }, 'vars.site is missing'],
    [{ ...complete, lat: 'north' }, 'vars.lat / vars.lng are missing or not numbers'],
    [{ ...complete, lat: 91 }, 'vars.lat / vars.lng are out of range'],
    [{ ...complete, equipment_kind: 'toaster' }, 'vars.equipment_kind must be one of'],
    [{ ...complete, probe_kind: 'telepathy' }, 'vars.probe_kind must be one of'],
  ])('reports a host with %j', (vars, reason) => {
    const m = mapIcingaObjects([host('h1', vars)], [], AT);
    expect(m.estate.equipment).toEqual([]);
    expect(m.unmapped[0]!.reason).toContain(reason);
  });

  it('reports services of unmapped hosts and bad probe kinds, accepts a missing probe_kind as "service"', () => {
    const m = mapIcingaObjects(
      [host('ok', complete), host('bad', {})],
      [service('ok', 'plain', null), service('ok', 'weird', { probe_kind: 'x' }), service('bad', 'orphan', {})],
      AT,
    );
    expect(m.estate.probes.find((p) => p.id === 'ok!plain')?.kind).toBe('service');
    expect(m.unmapped.map((u) => [u.name, u.reason.slice(0, 22)])).toEqual([
      ['bad', 'vars.collectivite is m'],
      ['bad!orphan', 'host "bad" is not mapp'],
      ['ok!weird', 'vars.probe_kind must b'],
    ]);
  });

  it('skips objects marked vars.vigie_ignore without reporting them', () => {
    const m = mapIcingaObjects([host('lab', { vigie_ignore: true })], [service('lab', 's', { vigie_ignore: true })], AT);
    expect(m.unmapped).toEqual([]);
    expect(m.estate.probes).toEqual([]);
  });

  it('accepts numeric strings for coordinates, defaults names and site kind, and keys sites by collectivité', () => {
    const m = mapIcingaObjects(
      [host('a', { ...complete, lat: '49.1', lng: '6.4', site_kind: 'château' }), host('b', { ...complete, collectivite: 'cc-houve', site: 'mairie' })],
      [],
      AT,
    );
    expect(m.estate.sites.map((s) => [s.id, s.name, s.kind, s.lat])).toEqual([
      ['57097:mairie', 'mairie', 'autre', 49.1],
      ['cc-houve:mairie', 'mairie', 'autre', 49.18],
    ]);
    expect(m.estate.collectivites.find((c) => c.id === 'cc-houve')).toMatchObject({ name: 'cc-houve', insee: '' });
  });

  it('reports objects whose shape is unexpected, by name', () => {
    const m = mapIcingaObjects([{ name: 'odd', type: 'Host', attrs: { state: 'up' } }], [], AT);
    expect(m.unmapped).toHaveLength(1);
    expect(m.unmapped[0]).toMatchObject({ type: 'Host', name: 'odd' });
    expect(m.unmapped[0]!.reason).toMatch(/^unexpected shape/);
  });
});
