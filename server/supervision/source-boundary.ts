// Where any supervision source hands the gateway its data: every text field is made storable here
// (src/protocol/engine-text.ts), so one odd plugin output or host name can neither be refused by the
// database nor break a client. Repairs are counted (GET /health) and logged, never silent.
import { repairAction, repairEstate, repairHealth, repairStatus, type OnRepair } from '../../src/protocol/engine-text.ts';
import type { SourceEvents } from '../../src/protocol/source.ts';
import { cleanEngineText } from '../../src/protocol/text.ts';
import { MAINTENANCE_NATURE_MAX } from '../../src/protocol/maintenance.ts';

/** Repairs logged one by one before the log only notes every LOG_EVERY-th. */
const LOG_FIRST = 20;
const LOG_EVERY = 1_000;

export interface RepairTally {
  onRepair: OnRepair;
  count(): number;
}

export function repairTally(log: (message: string, detail?: unknown) => void): RepairTally {
  let count = 0;
  return {
    onRepair(field) {
      count++;
      if (count <= LOG_FIRST || count % LOG_EVERY === 0) {
        log(`engine text repaired: ${field} held NUL, a lone surrogate, control characters or was too long (${count} so far)`);
      }
    },
    count: () => count,
  };
}

/** The source's events with every message's text repaired before the gateway sees it. */
// Engine downtimes' comments and authors are engine text: made storable, never refused.
export function repairingEvents(events: SourceEvents, onRepair: OnRepair): SourceEvents {
  return {
    snapshot: (estate, statuses, at) => events.snapshot(repairEstate(estate, onRepair), statuses.map((s) => repairStatus(s, onRepair)), at),
    status: (status, observedAt) => events.status(repairStatus(status, onRepair), observedAt),
    action: (action) => events.action(repairAction(action, onRepair)),
    health: (health) => events.health(repairHealth(health, onRepair)),
    maintenance: (windows) => events.maintenance?.(windows.map((w) => ({ ...w, nature: cleanEngineText(w.nature, MAINTENANCE_NATURE_MAX), by: cleanEngineText(w.by, 200) }))),
  };
}
