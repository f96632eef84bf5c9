// Diagnostic: what the desk's fold and rows cost at the storm bench's size, in Node (no browser):
// the Moselle estate, STORM (default 10,000) random probes turning CRITICAL/WARNING with an open
// incident each. Run: npx tsx bench/desk-fold-cost.ts
import { indexEstate } from '../src/domain/estate-index.ts';
import type { Incident } from '../src/domain/model.ts';
import { foldProblems, foldProblemsInSteps, type PlacedProblem } from '../src/domain/root-cause.ts';
import { activeIncidentByProbe, activeIncidentByProbeInSteps, deskRows, deskRowsInSteps } from '../src/features/desk/desk-rows.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { mulberry } from './lib/prng.ts';

const STORM = Number(process.env.STORM ?? 10_000);
const estate = generateEstate({ seed: 57, scale: 'moselle' });
const index = indexEstate(estate);
const random = mulberry(7);
const probes = [...index.probes.values()].sort(() => random() - 0.5).slice(0, STORM);
const now = Date.now();
const placed: PlacedProblem[] = probes.map((p, i) => {
  const ref = index.probeRef(p.id)!;
  return { probeId: p.id, siteId: ref.siteId, collectiviteId: ref.collectiviteId, kind: p.kind, state: random() < 0.7 ? 'CRITICAL' : 'WARNING', since: now - i };
});
const incidents = placed.map(
  (p, i): Incident => ({ id: `i${i}`, probeId: p.probeId, collectiviteId: p.collectiviteId, siteId: p.siteId, status: 'open', severity: p.state === 'CRITICAL' ? 'critical' : 'warning', openedAt: p.since, version: 1 }) as unknown as Incident,
);
const time = (label: string, f: () => unknown) => {
  const runs: number[] = [];
  let out: unknown;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    out = f();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: median ${runs[3]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)})`);
  return out;
};
const epciOf = (id: string) => index.collectivites.get(id)?.epci;
const groups = time('foldProblems', () => foldProblems(placed, epciOf)) as ReturnType<typeof foldProblems>;
const byProbe = time('activeIncidentByProbe', () => activeIncidentByProbe(incidents)) as Map<string, Incident>;
time('deskRows (no urgency)', () => deskRows(groups, index, byProbe));
console.log(`${placed.length} problems → ${groups.length} groups`);
// A refold after a few hundred changes: the same statuses (and placed problems) but 300 new ones.
const changed = placed.map((p, i) => (i % 33 === 0 ? { ...p, since: p.since + 1 } : p));
time('foldProblems again, 300 changed', () => foldProblems(changed, epciOf));
const again = foldProblems(changed, epciOf);
time('deskRows again, 300 changed', () => deskRows(again, index, byProbe));

// In steps (domain/steps.ts), as the desk runs them in slices of ~8 ms: the longest single step is
// what bounds a slice (a slice stops at the first step ending past its budget).
const longestStep = (label: string, steps: Generator<void, unknown, void>) => {
  let longest = 0;
  let count = 0;
  for (;;) {
    const t = performance.now();
    const next = steps.next();
    longest = Math.max(longest, performance.now() - t);
    count += 1;
    if (next.done) break;
  }
  console.log(`${label}: ${count} steps, longest ${longest.toFixed(2)} ms`);
};
longestStep('foldProblemsInSteps', foldProblemsInSteps(changed, epciOf));
longestStep('activeIncidentByProbeInSteps', activeIncidentByProbeInSteps(incidents));
longestStep('deskRowsInSteps, 300 changed', deskRowsInSteps(again, index, byProbe));
