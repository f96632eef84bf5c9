// The managed-IT (infogérance) activity of a collectivité over a period, as documents show it: the
// period report's "Activité d'infogérance" section, and the semester activity report. Filled by the
// managed-IT store (#18 item 4); an absent activity prints "Aucune activité d'infogérance enregistrée".
import type { Instant } from '../domain/model.ts';

export interface ManagedItAction {
  at: Instant;
  durationMinutes: number;
  /** 1 unit per started 15 minutes, per action (src/domain/managed-it.ts). */
  units: number;
  place: 'remote' | 'on-site';
  nature: 'preventive' | 'curative';
  technician: string;
  description: string;
  /** Linked ticket or incident id, if any. */
  reference?: string;
}

export interface ManagedItActivity {
  actions: readonly ManagedItAction[];
  unitsUsed: number;
  /** Units left on the running convention; absent without one. */
  unitsLeft?: number;
  /** Convention number, when there is one. */
  convention?: string;
}
