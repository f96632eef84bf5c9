// The contract decisions behind the SLA gauges, in one place (convention art. 7 + DOMAIN.md).
// Where the contract is silent we decided here, so changing a rule is a one-line, reviewed edit.
import type { ProbeState } from './model.ts';

export interface SlaRules {
  /** Availability target per service over covered hours, as a fraction (96 %). */
  availabilityTarget: number;
  /** GTI: covered hours allowed between an incident's start and the first intervention. */
  gtiHours: number;
  /** A running GTI clock with less than this many covered hours left is "at risk". */
  atRiskHours: number;
}

export const SLA_RULES: Readonly<SlaRules> = Object.freeze({
  availabilityTarget: 0.96,
  gtiHours: 8,
  atRiskHours: 2,
});

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** How a stretch of probe time counts towards availability. */
export type AvailabilityClass = 'up' | 'down' | 'unmeasured' | 'maintenance';

/**
 * Up = OK or WARNING (the service still works, degraded). Down = CRITICAL.
 * UNKNOWN / PENDING say nothing about the service: unmeasured, out of both sums.
 * Declared maintenance (downtime) is out of both sums whatever the state, since it was agreed.
 */
export function availabilityClass(state: ProbeState, inDowntime: boolean): AvailabilityClass {
  if (inDowntime) return 'maintenance';
  switch (state) {
    case 'OK':
    case 'WARNING':
      return 'up';
    case 'CRITICAL':
      return 'down';
    case 'UNKNOWN':
    case 'PENDING':
      return 'unmeasured';
  }
}
