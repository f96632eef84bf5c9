// The gateway alone taking a storm (issue #17): the bench gateway at Moselle scale, 10,000 probes
// given a problem within one second from inside the source (as bench:storm does, without a browser
// sharing the cores), then: how long the injection really took (the source's timer runs on the
// gateway's thread, so anything that holds the thread stretches it), how long the thread was held
// at most (event-loop delay), and the CPU the storm cost until its writes were done.
// Run: npm run bench:intake (INTAKE_RUNS=3 by default; INTAKE_PROFILE=1 adds a --cpu-prof profile).
import { report } from './lib/report.ts';
import { startGateway } from './lib/gateway-process.ts';
import { round } from './lib/stats.ts';

const RUNS = Number(process.env.INTAKE_RUNS ?? 3);
const CHANGES = 10_000;
const SPREAD_MS = 1_000;
/** The gateway's first flush writes every probe's status; a storm injected meanwhile measures that flush. */
const SETTLE_MS = 15_000;
const AFTER_MS = 8_000;

interface Proc {
  cpu: { user: number; system: number };
  loopDelayMs: { p50: number; p99: number; max: number };
}

async function oneRun(run: number) {
  const profile = process.env.INTAKE_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INTAKE_PROFILE_DIR ?? '/tmp/vigie-intake-profile'}`] : [];
  const gateway = await startGateway({ nodeArgs: profile });
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const { changes } = await gateway.call<{ changes: Array<[string, string]> }>('/__bench/plan', { count: CHANGES, seed: 7 + run });
    await gateway.call('/__bench/proc/reset', {});
    const before = await gateway.call<Proc>('/__bench/proc');
    await gateway.call('/__bench/inject', { changes, spreadMs: SPREAD_MS });
    await new Promise((r) => setTimeout(r, AFTER_MS));
    const injection = await gateway.call<{ firstAt: number; lastAt: number; injected: number }>('/__bench/inject');
    const after = await gateway.call<Proc>('/__bench/proc');
    const cpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
    const figures = {
      injected: injection.injected,
      injectionWindowMs: injection.lastAt - injection.firstAt,
      loopDelayMaxMs: round(after.loopDelayMs.max),
      loopDelayP99Ms: round(after.loopDelayMs.p99),
      cpuMsUntilQuiet: Math.round(cpuMs),
    };
    console.log(`run ${run + 1}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await gateway.stop();
  }
}

const runs = [];
for (let run = 0; run < RUNS; run++) runs.push(await oneRun(run));
report('intake', { changes: CHANGES, spreadMs: SPREAD_MS, runs });
