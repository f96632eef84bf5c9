// The managed-IT convention (convention d'accompagnement à l'infogérance) as data and rules: a
// collectivité buys N units for at most one year (art. 3); each action of the support team costs
// one unit per started 15 minutes (art. 2, managed-it.ts); the convention ends when its units are
// used up. Pure: the clock and the stored actions are passed in.
//
// An action beyond the balance. Art. 2 says "chaque unité de temps engagée sera décomptée" and
// art. 3 "elle s'achèvera à l'épuisement du nombre d'unités": so an action that *crosses*
// exhaustion was done under the convention and every unit it engaged is counted (the units beyond
// the balance are recorded as an overrun, to regularise by the renewal); an action on a convention
// already used up (or outside its dates) is refused, because no convention covers it any more —
// the support cell renews the convention first.
import type { Instant } from './model.ts';
import { unitsBalance, unitsForAction, type UnitsBalance } from './managed-it.ts';

/** Share of the units used from which the collectivité and the support cell are warned. */
export const UNITS_WARNING_RATIO = 0.8;

export const ACTION_PLACES = ['remote', 'on-site'] as const;
export const ACTION_KINDS = ['preventive', 'curative'] as const;
export const TICKET_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export const RENEWALS = ['tacit', 'none'] as const;

export interface ManagedItConvention {
  id: string;
  collectiviteId: string;
  /** The convention's number as written on it, e.g. 2023SUP001. */
  number: string;
  start: Instant;
  /** End of its dates (at most one year after the start); it may end earlier by exhaustion. */
  end: Instant;
  unitsBought: number;
  /** Art. 3: renewed by tacit agreement, or not. */
  renewal: (typeof RENEWALS)[number];
  /** The convention this one renews, if any. */
  renews?: string;
  createdAt: Instant;
  by: string;
}

export interface ManagedItActionRecord {
  id: string;
  collectiviteId: string;
  conventionId: string;
  at: Instant;
  durationMs: number;
  /** unitsForAction(durationMs), kept with the row for readers. */
  units: number;
  place: (typeof ACTION_PLACES)[number];
  kind: (typeof ACTION_KINDS)[number];
  ticketId?: string;
  incidentId?: string;
  technician: string;
  description: string;
  loggedAt: Instant;
  by: string;
}

export interface AssistanceTicket {
  id: string;
  collectiviteId: string;
  subject: string;
  description: string;
  status: (typeof TICKET_STATUSES)[number];
  createdAt: Instant;
  updatedAt: Instant;
  by: string;
}

export type UnitsAlert = 'ok' | 'warning' | 'exhausted';

/** ok below 80 % used, warning from 80 %, exhausted when nothing is left. */
export function unitsAlert(balance: Pick<UnitsBalance, 'used' | 'exhausted'>, bought: number): UnitsAlert {
  if (balance.exhausted) return 'exhausted';
  return balance.used >= bought * UNITS_WARNING_RATIO ? 'warning' : 'ok';
}

export type ConventionState = 'upcoming' | 'active' | 'exhausted' | 'expired';

export interface ConventionStanding extends UnitsBalance {
  state: ConventionState;
  alert: UnitsAlert;
}

/** Balance, alert and state of one convention at `now`, from the actions counted on it. */
export function conventionStanding(convention: ManagedItConvention, actions: readonly Pick<ManagedItActionRecord, 'durationMs'>[], now: Instant): ConventionStanding {
  const balance = unitsBalance(convention.unitsBought, actions);
  const state: ConventionState = balance.exhausted ? 'exhausted' : now < convention.start ? 'upcoming' : now >= convention.end ? 'expired' : 'active';
  return { ...balance, state, alert: unitsAlert(balance, convention.unitsBought) };
}

export type ActionRefusal = 'no-convention' | 'exhausted' | 'no-duration';

export type ActionAdmission =
  | { admitted: true; convention: ManagedItConvention; units: number; after: UnitsBalance; overrunUnits: number }
  | { admitted: false; reason: ActionRefusal };

/**
 * The convention an action at `at` counts on, with its units: the earliest convention in force at
 * `at` with units left. Refused when no convention covers `at`, when the ones that do are used up,
 * or when nothing was done (0 ms).
 */
export function admitAction(
  conventions: readonly ManagedItConvention[],
  actionsOf: (conventionId: string) => readonly Pick<ManagedItActionRecord, 'durationMs'>[],
  at: Instant,
  durationMs: number,
): ActionAdmission {
  const units = unitsForAction(durationMs);
  if (units === 0) return { admitted: false, reason: 'no-duration' };
  const inForce = conventions.filter((c) => c.start <= at && at < c.end).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  if (inForce.length === 0) return { admitted: false, reason: 'no-convention' };
  for (const convention of inForce) {
    const before = unitsBalance(convention.unitsBought, actionsOf(convention.id));
    if (before.exhausted) continue;
    const after = unitsBalance(convention.unitsBought, [...actionsOf(convention.id), { durationMs }]);
    return { admitted: true, convention, units, after, overrunUnits: after.overrun };
  }
  return { admitted: false, reason: 'exhausted' };
}

/** Longest convention (art. 3: one year at most, counted generously for a leap year). */
export const MAX_CONVENTION_MS = 366 * 24 * 3_600_000;
