// The quick way a plain dependent is linked (its own sites folded, lifted to its site cut's area cut)
// against the whole-neighbourhood fold it stands for: on random storms over an EPCI — access and
// inter-site link cuts at various times, declared NVR → camera dependencies, older problems, stale
// links from earlier openings — every opened incident gets the same link both ways.
import { describe, expect, test } from 'vitest';
import { indexEstate } from '../../src/domain/estate-index.ts';
import type { Incident, ProbeKind, ProbeState, ProbeStatus } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { createPrng, type Prng } from '../sources/simulator/prng.ts';
import { linkToCause, noteStatusChange, type CauseLinkState } from './cause-links.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const KINDS: ProbeKind[] = ['internet', 'link', 'host', 'camera', 'disk'];

/** Ten sites in the EPCI "cc" (two collectivités), two outside any EPCI; cameras behind their site's NVR. */
function stormEstate(): Estate {
  const e: Estate = { collectivites: [], sites: [], equipment: [], probes: [], dependencies: [] };
  for (const c of ['c1', 'c2', 'c3']) e.collectivites.push({ id: c, insee: `57${c.slice(1).padStart(3, '0')}`, name: `Commune ${c}`, lat: 49, lng: 6, ...(c === 'c3' ? {} : { epci: 'cc' }) });
  for (let n = 0; n < 12; n++) {
    const collectiviteId = n < 5 ? 'c1' : n < 10 ? 'c2' : 'c3';
    const site = `s${n}`;
    e.sites.push({ id: site, collectiviteId, name: `Site ${n}`, kind: 'mairie', lat: 49, lng: 6 });
    e.equipment.push({ id: `e${n}`, siteId: site, name: `Routeur ${n}`, kind: 'router' });
    for (const kind of KINDS) e.probes.push({ id: `${site}.${kind}`, equipmentId: `e${n}`, name: `${kind} ${n}`, kind, interval: 60 });
    e.dependencies!.push({ parent: `${site}.host`, child: `${site}.camera` });
  }
  return e;
}

function randomStatuses(estate: Estate, rng: Prng): Map<string, ProbeStatus> {
  const statuses = new Map<string, ProbeStatus>();
  const cutSites = new Set(estate.sites.filter(() => rng.chance(0.5)).map((s) => s.id));
  for (const probe of estate.probes) {
    const site = probe.id.split('.')[0]!;
    const cut = cutSites.has(site);
    const state: ProbeState =
      probe.kind === 'internet'
        ? cut && rng.chance(0.8)
          ? 'CRITICAL'
          : rng.chance(0.1)
            ? 'WARNING'
            : 'OK'
        : probe.kind === 'link'
          ? cut && rng.chance(0.3)
            ? 'CRITICAL'
            : 'OK'
          : rng.pick<ProbeState>(cut ? ['UNKNOWN', 'UNKNOWN', 'CRITICAL', 'WARNING', 'OK'] : ['OK', 'OK', 'OK', 'CRITICAL', 'WARNING']);
    // Cuts within minutes of each other (an area cut) or hours apart; some problems days older.
    const since = T0 + rng.int(0, 40) * 60_000 - (rng.chance(0.15) ? 3 * 86_400_000 : 0);
    statuses.set(probe.id, { probeId: probe.id, state, stateType: 'HARD', output: '', lastCheck: since, since, acknowledged: false, inDowntime: false });
  }
  return statuses;
}

function incidentOf(status: ProbeStatus, estate: Estate, id: number): Incident {
  const site = status.probeId.split('.')[0]!;
  const collectiviteId = estate.sites.find((s) => s.id === site)!.collectiviteId;
  return { id: `i${id}`, probeId: status.probeId, siteId: site, collectiviteId, status: 'open', severity: status.state === 'WARNING' ? 'WARNING' : 'CRITICAL', openedAt: status.since, timeline: [], version: 1 };
}

describe('a plain dependent linked the quick way gets the link the whole fold gives', () => {
  /** The kinds of link the storms gave plain dependents (not access or link probes). */
  const dependentLinks = new Set<string>();
  for (let seed = 1; seed <= 60; seed++) {
    test(`random storm ${seed}`, () => {
      const rng = createPrng(seed);
      const estate = stormEstate();
      const index = indexEstate(estate);
      const statuses = randomStatuses(estate, rng);
      for (const status of statuses.values()) noteStatusChange(index, undefined, status);
      const latest = new Map<string, Incident>();
      const state: CauseLinkState = {
        index: () => index,
        status: (id) => statuses.get(id),
        latest: (id) => latest.get(id),
        attachedTo: (incidentId) => [...latest.values()].filter((i) => i.cause?.incidentId === incidentId),
      };
      // Open the troubled probes in a random order, keeping what the whole fold records (as the
      // gateway does), and check each opening both ways on the same state. Two thirds in, the first
      // access cut of the EPCI ends (a new area root, or none): the rest open after it.
      const troubled = [...statuses.values()].filter((s) => s.state !== 'OK').sort(() => rng.next() - 0.5);
      const endsAt = Math.floor((troubled.length * 2) / 3);
      let ended: string | undefined;
      troubled.forEach((status, n) => {
        if (n === endsAt) ended = endFirstCut();
        if (status.probeId === ended) return;
        const opened = incidentOf(status, estate, n);
        const quick = linkToCause(state, opened, true);
        const full = linkToCause(state, opened, true, { fullFold: true });
        expect(quick, status.probeId).toEqual(full);
        const kind = status.probeId.split('.')[1];
        if (kind !== 'internet' && kind !== 'link' && quick[0]!.cause) dependentLinks.add(quick[0]!.cause.kind);
        for (const incident of full) latest.set(incident.probeId, incident);
      });

      function endFirstCut(): string | undefined {
        const cuts = [...statuses.values()].filter((s) => s.probeId.endsWith('.internet') && s.state === 'CRITICAL' && Number(s.probeId.slice(1).split('.')[0]) < 10);
        const first = cuts.sort((a, b) => a.since - b.since)[0];
        if (!first) return undefined;
        const ended: ProbeStatus = { ...first, state: 'OK', since: T0 + 3_600_000 };
        statuses.set(first.probeId, ended);
        noteStatusChange(index, first, ended);
        const incident = latest.get(first.probeId);
        if (incident) latest.set(first.probeId, { ...incident, status: 'resolved', resolvedAt: T0 + 3_600_000 });
        return first.probeId;
      }
    });
  }

  test('the storms did link dependents by each rule (not only groups of one)', () => {
    expect([...dependentLinks].sort()).toEqual(['area-cut', 'dependency', 'link-cut', 'site-cut']);
  });
});
