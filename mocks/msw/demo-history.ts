// The demo gateway's storage: the in-memory one of the gateway's tests, with state-change reads
// that honour the Storage port fully (the state each probe was in at `from` is included), since
// the demo's availability reports read across period starts.
import type { Instant } from '../../src/domain/model.ts';
import type { StateChangeRow } from '../../server/ports.ts';
import { MemoryStorage } from '../../server/supervision/memory-storage.ts';

export class DemoHistory extends MemoryStorage {
  override async loadStateChanges(from: Instant, to: Instant, probeIds?: string[]): Promise<StateChangeRow[]> {
    const wanted = probeIds && new Set(probeIds);
    const before = new Map<string, StateChangeRow>();
    const inside: StateChangeRow[] = [];
    for (const row of this.stateChanges) {
      if (wanted && !wanted.has(row.probeId)) continue;
      if (row.at < from) {
        const last = before.get(row.probeId);
        if (!last || last.at <= row.at) before.set(row.probeId, row);
      } else if (row.at < to) inside.push(row);
    }
    return [...before.values(), ...inside].map((row) => ({ ...row }));
  }

  async loadIncident(id: string) {
    const incident = this.incidents.get(id);
    return incident && structuredClone(incident);
  }
}
