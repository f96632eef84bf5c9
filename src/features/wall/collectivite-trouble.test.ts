import { describe, expect, it } from 'vitest';
import { indexEstate } from '../../domain/estate-index.ts';
import type { Estate, Incident, ProbeKind, ProbeStatus } from '../../domain/model.ts';
import { parentsFrom } from '../../domain/root-cause.ts';
import { probeStatus as status } from '../../live/live-fixtures.ts';
import { collectiviteTrouble, type CauseLine, type ProbeLine, type TroubleSource } from './collectivite-trouble.ts';

const MIN = 60_000;
const CUT_AT = Date.UTC(2026, 11, 3, 9, 10);
const DAYS_AGO = CUT_AT - 3 * 24 * 60 * MIN;

/** Rémilly: the École du Centre (its access, a disk and 12 devices behind the access) and the town hall. */
function estate(): Estate {
  const devices: Array<[string, ProbeKind]> = [
    ...Array.from({ length: 8 }, (_, i): [string, ProbeKind] => [`Caméra ${i + 1}`, 'camera']),
    ['Switch cour', 'host'],
    ['Switch préau', 'host'],
    ['Borne Wi-Fi', 'host'],
    ['Serveur pédagogique', 'host'],
  ];
  return {
    collectivites: [
      { id: 'c-remilly', insee: '57572', name: 'Rémilly', epci: 'CC du Sud Messin', lat: 49.01, lng: 6.39 },
      { id: 'c-other', insee: '57001', name: 'Ailleurs', epci: 'CC du Sud Messin', lat: 49.1, lng: 6.4 },
    ],
    sites: [
      { id: 's-ecole', collectiviteId: 'c-remilly', name: 'École du Centre', kind: 'ecole', lat: 49.01, lng: 6.39 },
      { id: 's-mairie', collectiviteId: 'c-remilly', name: 'Mairie de Rémilly', kind: 'mairie', lat: 49.01, lng: 6.4 },
      { id: 's-other', collectiviteId: 'c-other', name: 'Mairie d’ailleurs', kind: 'mairie', lat: 49.1, lng: 6.4 },
    ],
    equipment: [
      { id: 'e-router', siteId: 's-ecole', name: 'Routeur', kind: 'router' },
      { id: 'e-nas', siteId: 's-ecole', name: 'NAS', kind: 'nas' },
      { id: 'e-devices', siteId: 's-ecole', name: 'Réseau école', kind: 'switch' },
      { id: 'e-mairie', siteId: 's-mairie', name: 'Serveur mairie', kind: 'server' },
      { id: 'e-other', siteId: 's-other', name: 'Routeur', kind: 'router' },
    ],
    probes: [
      { id: 'p-access', equipmentId: 'e-router', name: 'Accès Internet', kind: 'internet', interval: 60 },
      { id: 'p-nas-disk', equipmentId: 'e-nas', name: 'Disque /data', kind: 'disk', interval: 300 },
      ...devices.map(([name, kind], i) => ({ id: `p-dev-${i}`, equipmentId: 'e-devices', name, kind, interval: 60 })),
      { id: 'p-mairie-disk', equipmentId: 'e-mairie', name: 'Disque C:', kind: 'disk', interval: 300 },
      { id: 'p-mairie-app', equipmentId: 'e-mairie', name: 'Logiciel état civil', kind: 'http', interval: 60 },
      { id: 'p-other-access', equipmentId: 'e-other', name: 'Accès Internet', kind: 'internet', interval: 60 },
    ],
  };
}

const incident = (probeId: string, status: Incident['status'], collectiviteId = 'c-remilly'): Incident => ({
  id: `i-${probeId}`,
  probeId,
  siteId: 's-ecole',
  collectiviteId,
  status,
  severity: 'CRITICAL',
  openedAt: CUT_AT,
  timeline: [{ at: CUT_AT, kind: 'opened', state: 'CRITICAL' }],
  version: 1,
});

/** The school's access cut at CUT_AT, its 12 devices unmeasured since; the NAS disk full for 3 days. */
const cutSchool = (): ProbeStatus[] => [
  status('p-access', 'CRITICAL', CUT_AT, 'PING CRITICAL - Packet loss = 100%'),
  ...Array.from({ length: 12 }, (_, i) => status(`p-dev-${i}`, 'UNKNOWN', CUT_AT + 30_000, 'UNKNOWN - site unreachable (access router down)')),
  status('p-nas-disk', 'WARNING', DAYS_AGO, 'DISK WARNING - free space: /data 8%'),
];

function source(statuses: ProbeStatus[], incidents: Incident[] = [], e = estate()): TroubleSource {
  const byProbe = new Map(statuses.map((s) => [s.probeId, s]));
  return {
    index: indexEstate(e),
    status: (id) => byProbe.get(id),
    siteState: (siteId) => (statuses.some((s) => s.state === 'CRITICAL' && indexEstate(e).probeRef(s.probeId)?.siteId === siteId) ? 'CRITICAL' : 'WARNING'),
    incidentList: () => incidents,
  };
}

const lines = (siteId: string, trouble: ReturnType<typeof collectiviteTrouble>) => trouble.sites.find((s) => s.siteId === siteId)?.lines ?? [];

describe('collectiviteTrouble — the wall card folds a cut site by its cause', () => {
  it('a cut site with 12 unmeasured probes is one line with the count; the older disk at that site stays its own line', () => {
    const trouble = collectiviteTrouble(source(cutSchool()), 'c-remilly');
    const school = lines('s-ecole', trouble);
    expect(school).toHaveLength(2);
    expect(school[0]).toEqual<CauseLine>({
      kind: 'cause',
      id: 'site:s-ecole',
      cause: 'site-cut',
      causeName: 'Routeur · Accès Internet',
      state: 'CRITICAL',
      since: CUT_AT,
      dependents: 12,
      allUnreachable: true,
    });
    expect(school[1]).toMatchObject<Partial<ProbeLine>>({ kind: 'probe', probeId: 'p-nas-disk', equipment: 'NAS', name: 'Disque /data', state: 'WARNING', since: DAYS_AGO, output: 'DISK WARNING - free space: /data 8%' });
    // The headline still counts every probe in trouble: grouping is for reading, not for the figures.
    expect(trouble).toMatchObject({ siteCount: 1, failing: 14, inMaintenance: 0 });
  });

  it('a device that failed with the cut (not only unmeasured) folds in too, and the count says so', () => {
    const statuses = cutSchool().map((s) => (s.probeId === 'p-dev-0' ? status('p-dev-0', 'CRITICAL', CUT_AT + MIN) : s));
    const [cut] = lines('s-ecole', collectiviteTrouble(source(statuses), 'c-remilly'));
    expect(cut).toMatchObject({ kind: 'cause', dependents: 12, allUnreachable: false });
  });

  it('problems with no cause stay one line each, worst first then oldest', () => {
    const statuses = [status('p-mairie-disk', 'WARNING', DAYS_AGO), status('p-mairie-app', 'CRITICAL', CUT_AT), status('p-nas-disk', 'WARNING', DAYS_AGO - MIN)];
    const trouble = collectiviteTrouble(source(statuses), 'c-remilly');
    expect(lines('s-mairie', trouble).map((l) => (l.kind === 'probe' ? l.probeId : l.id))).toEqual(['p-mairie-app', 'p-mairie-disk']);
    expect(lines('s-ecole', trouble).map((l) => l.kind)).toEqual(['probe']);
    expect(trouble.failing).toBe(3);
  });

  it('the cause line carries the ack / intervention chip when every active incident behind it is handled', () => {
    const statuses = cutSchool().map((s) => (s.probeId === 'p-dev-0' ? status('p-dev-0', 'CRITICAL', CUT_AT + MIN) : s));
    const cutOf = (incidents: Incident[]) => lines('s-ecole', collectiviteTrouble(source(statuses, incidents), 'c-remilly'))[0] as CauseLine;
    expect(cutOf([incident('p-access', 'acknowledged')]).handling).toBe('acknowledged');
    // A dependent's incident still open: nobody is on all of it yet.
    expect(cutOf([incident('p-access', 'acknowledged'), incident('p-dev-0', 'open')]).handling).toBeUndefined();
    expect(cutOf([incident('p-access', 'in-progress'), incident('p-dev-0', 'in-progress')]).handling).toBe('in-progress');
    expect(cutOf([incident('p-access', 'resolved')]).handling).toBeUndefined();
    // Another collectivité's incident on a probe id never counts here.
    expect(cutOf([incident('p-access', 'acknowledged', 'c-other')]).handling).toBeUndefined();
  });

  it('a cut access alone is a probe line, not a cause with nothing behind it', () => {
    const trouble = collectiviteTrouble(source([status('p-access', 'CRITICAL', CUT_AT)]), 'c-remilly');
    expect(lines('s-ecole', trouble)).toMatchObject([{ kind: 'probe', probeId: 'p-access' }]);
  });

  it('declared dependencies fold a child failing with its parent under the parent, named by it', () => {
    const statuses = [status('p-mairie-app', 'CRITICAL', CUT_AT), status('p-mairie-disk', 'UNKNOWN', CUT_AT + MIN)];
    const parents = parentsFrom([{ parent: 'p-mairie-app', child: 'p-mairie-disk' }]);
    const [line] = lines('s-mairie', collectiviteTrouble(source(statuses), 'c-remilly', parents));
    expect(line).toMatchObject({ kind: 'cause', cause: 'dependency', causeName: 'Serveur mairie · Logiciel état civil', dependents: 1 });
  });

  it('only the collectivité’s own probes; those in maintenance are counted apart, not as trouble', () => {
    const statuses = [...cutSchool(), status('p-other-access', 'CRITICAL', CUT_AT), { ...status('p-mairie-disk', 'CRITICAL', CUT_AT), inDowntime: true }];
    const trouble = collectiviteTrouble(source(statuses), 'c-remilly');
    expect(trouble.sites.map((s) => s.siteId)).toEqual(['s-ecole']);
    expect(trouble).toMatchObject({ failing: 14, inMaintenance: 1 });
  });
});
