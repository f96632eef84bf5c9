// A year of Moselle-scale history for the report benches (bench:report-memory, bench:reports):
// the estate's ~47,700 probes, each with 0–3 problems a month over calendar year 2025.
import { generateEstate } from '../../server/sources/simulator/estate.ts';
import { DEFAULT_HOURS_SETTINGS } from '../../server/http/covered-calendar.ts';
import { periodContaining } from '../../server/http/period.ts';
import type { StateChangeRow } from '../../server/ports.ts';
import { indexEstate } from '../../src/domain/estate-index.ts';
import type { ProbeState } from '../../src/domain/model.ts';
import { mulberry } from './prng.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Calendar year 2025 in Europe/Paris, reported mid-January 2026: a settled period. */
export const PERIOD = periodContaining('year', Date.UTC(2025, 5, 1), DEFAULT_HOURS_SETTINGS.timeZone);
export const NOW = Date.UTC(2026, 0, 15, 9);

export function moselleProbeIds(): string[] {
  return [...indexEstate(generateEstate({ seed: 57, scale: 'moselle' })).probeIdsIn()];
}

/**
 * A year of changes per probe: its state at the start of the year (a change in December), then
 * 0–3 problems a month (CRITICAL, WARNING or UNKNOWN, 5 % of them in declared maintenance) lasting
 * 5 minutes to ~2 days, each followed by a return to OK. About 37 rows per probe.
 */
export function yearOfChanges(probeIds: readonly string[]): StateChangeRow[] {
  const random = mulberry(57);
  const monthMs = (PERIOD.to - PERIOD.from) / 12;
  const problemStates: ProbeState[] = ['CRITICAL', 'CRITICAL', 'CRITICAL', 'WARNING', 'WARNING', 'UNKNOWN'];
  const rows: StateChangeRow[] = [];
  for (const probeId of probeIds) {
    rows.push({ probeId, at: PERIOD.from - 1 - Math.floor(random() * 30 * DAY), state: random() < 0.97 ? 'OK' : 'CRITICAL', inDowntime: false });
    let cursor = PERIOD.from;
    for (let month = 0; month < 12; month++) {
      const starts = Array.from({ length: Math.floor(random() * 4) }, () => PERIOD.from + Math.floor((month + random()) * monthMs)).sort((a, b) => a - b);
      for (const start of starts) {
        const from = Math.max(start, cursor + MINUTE);
        const to = from + Math.floor(5 * MINUTE * 2 ** (random() * 9));
        const state = problemStates[Math.floor(random() * problemStates.length)]!;
        const inDowntime = random() < 0.05;
        if (to >= PERIOD.to) break;
        rows.push({ probeId, at: from, state, inDowntime }, { probeId, at: to, state: 'OK', inDowntime: false });
        cursor = to;
      }
    }
  }
  // Written in time order, as the gateway appends them.
  return rows.sort((a, b) => a.at - b.at);
}

