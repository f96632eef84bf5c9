// `npm run bench`: every bench in turn, each starting and stopping its own gateway and browser.
// BENCH_QUICK=1 shortens the long ones (steady 30 s, soak 24 s, gateway 15 s) for development.
import { bundleBench } from './bundle.ts';
import { coldLoad } from './cold-load.ts';
import { fanoutBench } from './gateway-fanout.ts';
import { soakBench } from './soak.ts';
import { steadyBench } from './steady.ts';
import { stormBench } from './storm.ts';

const benches: Array<[string, () => Promise<void>]> = [
  ['bundle', bundleBench],
  ['cold-load', coldLoad],
  ['storm', stormBench],
  ['steady', steadyBench],
  ['soak', soakBench],
  ['gateway-fanout', fanoutBench],
];

const started = Date.now();
const failed: string[] = [];
for (const [name, run] of benches) {
  const t = Date.now();
  try {
    await run();
  } catch (error) {
    failed.push(name);
    console.error(`bench ${name} failed:`, error);
  }
  console.log(`-- ${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
console.log(`\nall benches: ${((Date.now() - started) / 60_000).toFixed(1)} min${failed.length ? `, failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
