import { useEffect, useRef } from 'react';
import type { Incident } from '../../domain/model.ts';
import { isActive } from '../../domain/incident-rules.ts';

/**
 * Calls `beep` once when an active CRITICAL incident appears that was not there before (new, or
 * escalated from WARNING). The first list after the data arrived (`ready`) is the baseline:
 * opening the wall is not an alarm.
 */
export function useCriticalBeep(incidents: readonly Incident[], ready: boolean, enabled: boolean, beep: () => void): void {
  const known = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    const critical = new Set(incidents.filter((i) => i.severity === 'CRITICAL' && isActive(i)).map((i) => i.id));
    const previous = known.current;
    known.current = critical;
    if (!enabled || previous === undefined) return;
    for (const id of critical) {
      if (!previous.has(id)) {
        beep();
        return;
      }
    }
  }, [incidents, ready, enabled, beep]);
}
