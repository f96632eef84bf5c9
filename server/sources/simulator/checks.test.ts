import { describe, expect, it } from 'vitest';
import { advance, createSimulation } from './engine.ts';
import { foldProblems } from '../../../src/domain/root-cause.ts';
import { beginFault, cutSite, FAULT_TYPES, type FaultType } from './faults.ts';
import { setSiteDowntime } from './checks.ts';
import type { ProbeRuntime, SimMessage } from './sim-state.ts';
import { NEVER_COVERED, tinyEstate } from './tiny-estate.test-kit.ts';

const START = Date.UTC(2026, 2, 10, 8, 0);
const MIN = 60_000;
const hostDown: FaultType = { name: 'host-down', kinds: ['host'], perProbePerDay: 0, state: 'CRITICAL', needsIntervention: 0, medianMinutes: 1, spread: 0 };

function quietSim(maxAttempts = 3) {
  return createSimulation({ estate: tinyEstate(), seed: 1, start: START, hours: NEVER_COVERED, options: { activity: 0, maxAttempts } });
}

const states = (messages: SimMessage[]) =>
  messages.flatMap((m) => (m.type === 'status' ? [`${m.status.probeId} ${m.status.state}/${m.status.stateType}`] : []));

function probe(sim: ReturnType<typeof quietSim>, id: string): ProbeRuntime {
  const p = sim.byId.get(id);
  if (!p) throw new Error(id);
  return p;
}

describe('soft and hard states', () => {
  it.each([
    // [maxAttempts, fault minutes, expected sequence]
    [3, 10, ['host CRITICAL/SOFT', 'host CRITICAL/HARD', 'host OK/HARD']],
    [1, 10, ['host CRITICAL/HARD', 'host OK/HARD']],
    [3, 1.5, ['host CRITICAL/SOFT', 'host OK/HARD']],
  ])('maxAttempts %i, a %f-minute outage → %j', (maxAttempts, minutes, expected) => {
    const sim = quietSim(maxAttempts);
    beginFault(sim, probe(sim, 'host'), hostDown, minutes * MIN);
    expect(states(advance(sim, START + 60 * MIN))).toEqual(expected);
  });

  it('becomes HARD exactly at the maxAttempts-th failed check, retries one interval apart', () => {
    const sim = quietSim(3);
    beginFault(sim, probe(sim, 'host'), hostDown, 30 * MIN);
    const [soft, hard] = advance(sim, START + 20 * MIN).flatMap((m) => (m.type === 'status' ? [m] : []));
    expect(soft?.status.stateType).toBe('SOFT');
    expect((hard?.observedAt ?? 0) - (soft?.observedAt ?? 0)).toBe(2 * MIN);
    expect(hard?.status.since).toBe(soft?.status.since);
  });

  it('reports a cut-off site: access CRITICAL, everything behind it UNKNOWN without a camera condition', () => {
    const sim = quietSim(1);
    cutSite(sim, probe(sim, 'internet').site, 1);
    const messages = advance(sim, START + 10 * MIN).flatMap((m) => (m.type === 'status' ? [m.status] : []));
    const byProbe = new Map(messages.map((s) => [s.probeId, s]));
    expect(byProbe.get('internet')?.state).toBe('CRITICAL');
    expect(byProbe.get('host')?.state).toBe('UNKNOWN');
    expect(byProbe.get('camera')?.state).toBe('UNKNOWN');
    expect(byProbe.get('camera')).not.toHaveProperty('camera');
    expect(byProbe.has('school-internet')).toBe(false);
  });

  it('models a site behind its inter-site link: the link cut leaves the rest of the site unmeasured, folded under the link', () => {
    const sim = quietSim(1);
    const link = probe(sim, 'school-link');
    const linkCut = FAULT_TYPES.find((t) => t.name === 'link-cut')!;
    beginFault(sim, link, linkCut, 30 * MIN);
    const during = advance(sim, START + 10 * MIN).flatMap((m) => (m.type === 'status' ? [m.status] : []));
    const byProbe = new Map(during.map((s) => [s.probeId, s]));
    expect(byProbe.get('school-link')?.state).toBe('CRITICAL');
    expect(byProbe.get('school-internet')).toMatchObject({ state: 'UNKNOWN', output: 'UNKNOWN - site unreachable (inter-site link down), check could not run' });
    expect(byProbe.has('internet')).toBe(false); // the town hall is not behind the school's link
    // The same statuses, folded by the domain: one row for the cut link.
    const placed = [...byProbe.values()].map((s) => ({ probeId: s.probeId, siteId: link.site.site.id, collectiviteId: link.site.site.collectiviteId, kind: probe(sim, s.probeId).probe.kind, state: s.state, since: s.since }));
    expect(foldProblems(placed, () => undefined).map((g) => [g.kind, g.causes.map((c) => c.probeId), g.dependents.map((d) => d.probeId)])).toEqual([['link-cut', ['school-link'], ['school-internet']]]);
    const after = advance(sim, START + 60 * MIN).flatMap((m) => (m.type === 'status' ? [`${m.status.probeId} ${m.status.state}`] : []));
    expect(after.sort()).toEqual(['school-internet OK', 'school-link OK']);
  });

  it('flags every probe of a site entering and leaving downtime, once each', () => {
    const sim = quietSim();
    setSiteDowntime(sim, 1, 1);
    setSiteDowntime(sim, 1, 1); // overlapping downtime: no new message
    const entering = advance(sim, START);
    setSiteDowntime(sim, 1, -1);
    expect(advance(sim, START)).toEqual([]);
    setSiteDowntime(sim, 1, -1);
    const leaving = advance(sim, START);
    const flags = (ms: SimMessage[]) => ms.map((m) => (m.type === 'status' ? `${m.status.probeId}:${m.status.inDowntime}` : ''));
    expect(flags(entering)).toEqual(['school-internet:true', 'school-link:true']);
    expect(flags(leaving)).toEqual(['school-internet:false', 'school-link:false']);
  });

  it('stays silent while nothing changes', () => {
    expect(advance(quietSim(), START + 7 * 86_400_000)).toEqual([]);
  });
});
