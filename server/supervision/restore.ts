// What the gateway reloads at start: the last estate, every probe's last status, and the incidents
// that still matter live (active, or finished within `recentMs`). Older ones stay in storage.
import type { Incident, Instant, ProbeStatus } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import type { Storage } from '../ports.ts';

export interface RestoredState {
  estate?: Estate;
  statuses: ProbeStatus[];
  incidents: Incident[];
}

export async function restoreState(
  storage: Pick<Storage, 'loadEstate' | 'loadStatuses' | 'loadIncidents'>,
  { now, recentMs }: { now: Instant; recentMs: number },
): Promise<RestoredState> {
  const [estate, statuses] = await Promise.all([storage.loadEstate(), storage.loadStatuses()]);
  // A simulated clock may run behind what was stored: keep what was recent at the last known instant too.
  const horizon = Math.min(now, lastKnownInstant({ statuses, incidents: [] }) ?? now) - recentMs;
  const incidents = await storage.loadIncidents({ from: Math.max(0, horizon) });
  return { ...(estate ? { estate } : {}), statuses, incidents };
}

/** The latest instant anything stored mentions: a restarted simulated clock must not start before it. */
export function lastKnownInstant(state: Pick<RestoredState, 'statuses' | 'incidents'>): Instant | undefined {
  let last: Instant | undefined;
  const see = (t: Instant | null | undefined) => {
    if (t != null && (last === undefined || t > last)) last = t;
  };
  for (const s of state.statuses) {
    see(s.lastCheck);
    see(s.since);
  }
  for (const i of state.incidents) for (const e of i.timeline) see(e.at);
  return last;
}
